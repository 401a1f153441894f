package org.siarchive.catalog;

import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * An item's 密级 or its 保密期限 was decided on in the secrecy review (解密, 降密 or 维持): search indexes
 * it again with its new level, so readers whose clearance now reaches it find it.
 */
public record ItemSecrecyChanged(
        UUID itemId, String archiveCode, int fromLevel, int toLevel, @Nullable LocalDate secrecyUntil) {}
