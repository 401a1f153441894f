package org.siarchive.search;

import java.util.List;
import java.util.Map;
import org.siarchive.shared.Page;

/**
 * A page of hits and, per facet dimension, the values among all hits with their counts (largest first). When
 * {@code approximate}, the total and the facet counts are estimated from a sample, the hits being more than any
 * reader can page through (docs/adr/0115); the hits shown are the best ones all the same.
 */
public record SearchResults(Page<SearchHit> page, Map<String, List<FacetCount>> facets, boolean approximate) {

    /** Exact counts. */
    public SearchResults(Page<SearchHit> page, Map<String, List<FacetCount>> facets) {
        this(page, facets, false);
    }

    public record FacetCount(String value, long count) {}

    /** The facet dimensions, in the order the console shows them. */
    public static final List<String> DIMENSIONS =
            List.of("category", "year", "insurance", "step", "organisation", "retention", "status");
}
