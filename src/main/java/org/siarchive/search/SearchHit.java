package org.siarchive.search;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One found item (the person's certificate number is not part of a hit: open the person file).
 * {@code snippet} is escaped HTML with the matched words in {@code <mark>}, personal numbers masked. The
 * 目录 columns ({@code responsible} 责任者, {@code docDate} 日期, {@code retentionCode} 保管期限, {@code securityLevel}
 * 密级 as its code, {@code pageCount} 页数) are null for entries indexed before they existed.
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
        @Nullable String snippet,
        @Nullable String responsible,
        @Nullable LocalDate docDate,
        @Nullable String retentionCode,
        @Nullable String securityLevel,
        @Nullable Integer pageCount) {}
