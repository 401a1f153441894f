package org.siarchive.search;

import java.time.OffsetDateTime;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** One found item. */
public record SearchHit(
        UUID itemId,
        String archiveCode,
        String title,
        @Nullable String personName,
        @Nullable String certNo,
        @Nullable String employerName,
        String categoryCode,
        String stepCode,
        @Nullable String insuranceType,
        int year,
        OffsetDateTime handledAt) {}
