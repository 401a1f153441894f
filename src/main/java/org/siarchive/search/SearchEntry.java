package org.siarchive.search;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * What the index keeps of an item: the searchable fields, denormalised, with the item's data-scope
 * attributes (fonds, organisation path, 密级) so a search filters by scope inside its own query. The
 * certificate number is kept only as its keyed blind index; {@code text} is the recognised (OCR) text,
 * whose personal numbers the backend tokenises or masks before anything reaches disk. {@code responsible},
 * {@code docDate} and {@code pageCount} are kept for the result list and the 目录 register (责任者, 日期, 页数).
 */
public record SearchEntry(
        UUID itemId,
        String archiveCode,
        String title,
        @Nullable String personName,
        byte @Nullable [] certNoIndex,
        @Nullable String employerName,
        @Nullable String creditCode,
        String categoryCode,
        String stepCode,
        @Nullable String insuranceType,
        int year,
        OffsetDateTime handledAt,
        long fondsId,
        String orgPath,
        int clearance,
        String organisation,
        String retentionCode,
        String status,
        @Nullable String acceptanceNo,
        @Nullable String text,
        @Nullable String responsible,
        @Nullable LocalDate docDate,
        @Nullable Integer pageCount) {

    /** The item as the catalogue has it, with its scope, the blind index of its ID number and its recognised text. */
    static SearchEntry of(
            org.siarchive.catalog.ItemRecord i,
            org.siarchive.catalog.Catalog.ScopeAttributes scope,
            byte @Nullable [] certNoIndex,
            @Nullable String text) {
        return new SearchEntry(
                i.id(),
                i.archiveCode(),
                i.title(),
                i.personName(),
                certNoIndex,
                i.employerName(),
                i.creditCode(),
                i.categoryCode(),
                i.stepCode(),
                i.insuranceType(),
                i.year(),
                i.handledAt(),
                scope.fondsId(),
                scope.orgPath(),
                scope.clearance(),
                i.fondsName(),
                i.retentionCode(),
                i.status(),
                i.acceptanceNo(),
                text,
                i.responsible(),
                i.docDate(),
                // 页数: the catalogue registers files, one per scanned page (ADR 0051)
                i.files().size());
    }
}
