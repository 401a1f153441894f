package org.siarchive.search;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.siarchive.audit.AuditDetail;
import org.siarchive.audit.AuditOperation;
import org.siarchive.audit.AuditTrail;
import org.siarchive.audit.AuditedObject;
import org.siarchive.shared.Access;
import org.siarchive.shared.Bounds;
import org.siarchive.shared.InvalidInputException;
import org.siarchive.shared.Violation;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** A reader's search: within their scope, and audited with its criteria (ID numbers masked by the trail). */
@Component
class Searches {

    private final ArchiveSearch search;
    private final AuditTrail audit;
    private final org.siarchive.catalog.Tombstones tombstones;

    Searches(ArchiveSearch search, AuditTrail audit, org.siarchive.catalog.Tombstones tombstones) {
        this.search = search;
        this.audit = audit;
        this.tombstones = tombstones;
    }

    /**
     * Destroyed items the search names by 档号 (the 档号 field, or free text that reads as a 档号): the index
     * no longer holds them, the catalogue keeps their tombstones (docs/adr/0070). Ordinary text finds none.
     */
    List<org.siarchive.catalog.Tombstones.Tombstone> tombstones(SearchQuery q, Access access) {
        String code = q.archiveCode() != null && !q.archiveCode().isBlank()
                ? q.archiveCode()
                : q.text() != null && TypedArchiveCodes.looksLikeCode(q.text()) ? q.text() : null;
        return code == null ? List.of() : tombstones.matching(code, access.scope(), 20);
    }

    /** Most earlier texts a search may narrow: each adds a clause to every query. */
    static final int MAX_WITHIN = 10;

    @Transactional
    SearchResults search(SearchQuery q, Access access) {
        requireBounded(q);
        var result = search.search(q, access.scope());
        audit.record(
                access.actor(),
                AuditedObject.SEARCH,
                "-",
                AuditOperation.QUERY,
                null,
                AuditDetail.of(
                                "audit.detail.search",
                                criteria(q),
                                result.page().total(),
                                result.page().page() + 1)
                        .encoded());
        return result;
    }

    /**
     * Every hit of the search in the screen's order, from the first page, at most {@code max} and never beyond
     * the result window (docs/adr/0036): the 目录 register. Audited once as an export.
     */
    @Transactional
    List<SearchHit> all(SearchQuery q, Access access, int max) {
        requireBounded(q);
        int limit = Math.min(max, Bounds.RESULT_WINDOW);
        var hits = new ArrayList<SearchHit>();
        for (int page = 0; hits.size() < limit; page++) {
            var chunk = search.search(q.at(page, Bounds.MAX_PAGE_SIZE), access.scope())
                    .page();
            chunk.content().stream().limit(limit - hits.size()).forEach(hits::add);
            if (chunk.content().size() < Bounds.MAX_PAGE_SIZE || (page + 1) * Bounds.MAX_PAGE_SIZE >= chunk.total()) {
                break;
            }
        }
        audit.record(
                access.actor(),
                AuditedObject.SEARCH,
                "-",
                AuditOperation.EXPORT,
                null,
                AuditDetail.of("audit.detail.searchExport", criteria(q), hits.size())
                        .encoded());
        return hits;
    }

    private static String criteria(SearchQuery q) {
        var criteria = new ArrayList<String>();
        if (!SearchQuery.blank(q.name())) criteria.add("name=" + q.name().strip());
        if (!SearchQuery.blank(q.idNumber()))
            criteria.add("idNumber=" + q.idNumber().strip());
        if (!SearchQuery.blank(q.archiveCode()))
            criteria.add("archiveCode=" + q.archiveCode().strip());
        if (!SearchQuery.blank(q.category()))
            criteria.add("category=" + q.category().strip());
        if (q.year() != null) criteria.add("year=" + q.year());
        if (!SearchQuery.blank(q.insuranceType()))
            criteria.add("insuranceType=" + q.insuranceType().strip());
        if (!SearchQuery.blank(q.text())) criteria.add("text=" + q.text().strip());
        q.within().forEach(w -> criteria.add("within=" + w));
        if (!SearchQuery.blank(q.step())) criteria.add("step=" + q.step().strip());
        if (!SearchQuery.blank(q.organisation()))
            criteria.add("organisation=" + q.organisation().strip());
        if (!SearchQuery.blank(q.retention()))
            criteria.add("retention=" + q.retention().strip());
        if (!SearchQuery.blank(q.status())) criteria.add("status=" + q.status().strip());
        // keyed for the audit log (docs/adr/0050): each criterion read as its label and the value typed
        return criteria.isEmpty()
                ? AuditDetail.label("audit.detail.searchAll")
                : AuditDetail.labels(
                        criteria.stream().map(c -> "audit.search." + c).toList());
    }

    /** Page, result window and criteria within bounds (docs/adr/0036), else a 422 before the index is asked. */
    private static void requireBounded(SearchQuery q) {
        var v = new ArrayList<Violation>();
        try {
            Bounds.page(q.page(), q.size());
        } catch (InvalidInputException e) {
            v.addAll(e.violations());
        }
        Bounds.text("q", q.text(), Bounds.MAX_SEARCH_TEXT).ifPresent(v::add);
        if (q.within().size() > MAX_WITHIN) {
            v.add(Violation.of("within", "maxItems", MAX_WITHIN));
        }
        v.addAll(Bounds.texts("within", q.within(), Bounds.MAX_SEARCH_TEXT));
        var criteria = new java.util.LinkedHashMap<String, @Nullable String>();
        criteria.put("name", q.name());
        criteria.put("idNumber", q.idNumber());
        criteria.put("archiveCode", q.archiveCode());
        criteria.put("category", q.category());
        criteria.put("insuranceType", q.insuranceType());
        criteria.put("step", q.step());
        criteria.put("organisation", q.organisation());
        criteria.put("retention", q.retention());
        criteria.put("status", q.status());
        criteria.put("sort", q.sort());
        criteria.forEach((field, value) ->
                Bounds.text(field, value, Bounds.MAX_SEARCH_TEXT).ifPresent(v::add));
        if (!v.isEmpty()) {
            throw new InvalidInputException(v);
        }
    }
}
