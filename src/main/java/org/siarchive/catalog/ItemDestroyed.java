package org.siarchive.catalog;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * An item was destroyed after appraisal (销毁, on an approved 销毁清册): derived read models drop it. The
 * disposition work publishes it with the catalogue change; {@code destructionList} names the list that
 * authorised it.
 */
public record ItemDestroyed(UUID itemId, String archiveCode, String destructionList, OffsetDateTime destroyedAt) {}
