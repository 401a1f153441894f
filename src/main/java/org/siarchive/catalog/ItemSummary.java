package org.siarchive.catalog;

import java.time.OffsetDateTime;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One line of a person file, an employer file or a list: enough to recognise and open the item, and the
 * columns of its 目录 register (责任者, 日期, 密级 as its code, 页数: the registered page count, else the number of
 * files, one per scanned page).
 */
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
        String status,
        @Nullable String responsible,
        java.time.@Nullable LocalDate docDate,
        @Nullable String securityLevel,
        @Nullable Integer pageCount,
        @Nullable String retentionCode) {}
