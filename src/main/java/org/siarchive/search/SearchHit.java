package org.siarchive.search;

import java.time.OffsetDateTime;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One found item (the person's certificate number is not part of a hit: open the person file).
 * {@code snippet} is escaped HTML with the matched words in {@code <mark>}, personal numbers masked.
 */
public record SearchHit(
        UUID itemId,
        String archiveCode,
        String title,
        @Nullable String personName,
        @Nullable String employerName,
        String categoryCode,
        String stepCode,
        @Nullable String insuranceType,
        int year,
        OffsetDateTime handledAt,
        @Nullable String snippet) {}
