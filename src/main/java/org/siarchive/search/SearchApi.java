package org.siarchive.search;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.siarchive.shared.Access;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/search}: full text ({@code q}, repeated {@code within} to search within earlier
 * results), metadata criteria, facet drill-down, {@code sort=relevance|time}, paging; answers the page of
 * hits (with highlighted snippets) and the facet counts of all hits.
 */
@RestController
class SearchApi {

    private final Searches search;

    SearchApi(Searches search) {
        this.search = search;
    }

    /** The page of hits, with the facet counts over every hit. */
    record Response(
            List<SearchHit> content,
            int page,
            int size,
            long total,
            Map<String, List<SearchResults.FacetCount>> facets) {}

    /** GET, or POST with the same parameters as a form body so an ID number stays out of the URL (ADR 0032). */
    @RequestMapping(
            value = "/api/v1/search",
            method = {RequestMethod.GET, RequestMethod.POST})
    Response search(
            @RequestParam(required = false) @Nullable String q,
            @RequestParam(required = false) @Nullable List<String> within,
            @RequestParam(required = false) @Nullable String name,
            @RequestParam(required = false) @Nullable String idNumber,
            @RequestParam(required = false) @Nullable String archiveCode,
            @RequestParam(required = false) @Nullable String category,
            @RequestParam(required = false) @Nullable Integer year,
            @RequestParam(required = false) @Nullable String insuranceType,
            @RequestParam(required = false) @Nullable String step,
            @RequestParam(required = false) @Nullable String organisation,
            @RequestParam(required = false) @Nullable String retention,
            @RequestParam(required = false) @Nullable String status,
            @RequestParam(required = false) @Nullable String sort,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size,
            Access access) {
        var r = search.search(
                new SearchQuery(
                        name,
                        idNumber,
                        archiveCode,
                        category,
                        year,
                        insuranceType,
                        q,
                        within == null ? List.of() : within,
                        step,
                        organisation,
                        retention,
                        status,
                        sort,
                        page,
                        size),
                access);
        return new Response(
                r.page().content(), r.page().page(), r.page().size(), r.page().total(), r.facets());
    }
}
