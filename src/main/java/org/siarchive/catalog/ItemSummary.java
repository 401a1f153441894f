package org.siarchive.catalog;

import java.time.OffsetDateTime;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** One line of a person file, an employer file or a list: enough to recognise and open the item. */
public record ItemSummary(
        UUID id,
        String archiveCode,
        String title,
        String stepName,
        String categoryName,
        @Nullable String insuranceName,
        String retentionName,
        OffsetDateTime handledAt,
        @Nullable String personName,
        @Nullable String employerName,
        String status) {}
