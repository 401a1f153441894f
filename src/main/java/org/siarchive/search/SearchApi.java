package org.siarchive.search;

import java.util.List;
import java.util.Map;
import org.siarchive.shared.Access;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
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
    Response search(@ParameterObject SearchParameters parameters, Access access) {
        var r = search.search(parameters.query(), access);
        return new Response(
                r.page().content(), r.page().page(), r.page().size(), r.page().total(), r.facets());
    }
}
