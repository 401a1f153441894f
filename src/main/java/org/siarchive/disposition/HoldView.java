package org.siarchive.disposition;

import java.time.OffsetDateTime;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.siarchive.catalog.ItemFacts;

/**
 * A legal hold as the API answers it: no internal ids, no person's or employer's identifiers (a hold on a
 * person names its subject only; its items are listed under {@code /items}).
 */
record HoldView(
        String holdNo,
        HoldCase caseType,
        String caseRef,
        String reason,
        String owner,
        HoldSubject subject,
        @Nullable Query query,
        String placedBy,
        OffsetDateTime placedAt,
        boolean active,
        @Nullable String releasedBy,
        @Nullable OffsetDateTime releasedAt,
        @Nullable String releaseReason) {

    /** The criteria of a query hold. */
    record Query(
            @Nullable String fondsCode,
            @Nullable String categoryCode,
            @Nullable String stepCode,
            @Nullable String insuranceType,
            @Nullable Integer yearFrom,
            @Nullable Integer yearTo,
            @Nullable String archiveCodePrefix,
            List<String> titleWords) {}

    /** An item a hold covers. */
    record Item(String id, String archiveCode, String title, int year) {}

    /** A page of covered items. */
    record Items(List<Item> items, long total, int page, int pageSize) {}

    static HoldView of(Hold h) {
        var q = h.query();
        return new HoldView(
                h.holdNo(),
                h.caseType(),
                h.caseRef(),
                h.reason(),
                h.owner(),
                h.subject(),
                q == null
                        ? null
                        : new Query(
                                q.fondsCode(),
                                q.categoryCode(),
                                q.stepCode(),
                                q.insuranceType(),
                                q.yearFrom(),
                                q.yearTo(),
                                q.archiveCodePrefix(),
                                q.titleWords()),
                h.placedBy(),
                h.placedAt(),
                h.active(),
                h.releasedBy(),
                h.releasedAt(),
                h.releaseReason());
    }

    static Items of(ItemFacts.Page page, int pageNo) {
        var items = page.items().stream()
                .map(f -> new Item(f.id().toString(), f.archiveCode(), f.title(), f.year()))
                .toList();
        return new Items(items, page.total(), pageNo, Holds.PAGE_SIZE);
    }
}
