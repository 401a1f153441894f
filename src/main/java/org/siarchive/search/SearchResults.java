package org.siarchive.search;

import java.util.List;
import java.util.Map;
import org.siarchive.shared.Page;

/** A page of hits and, per facet dimension, the values among all hits with their counts (largest first). */
public record SearchResults(Page<SearchHit> page, Map<String, List<FacetCount>> facets) {

    public record FacetCount(String value, long count) {}

    /** The facet dimensions, in the order the console shows them. */
    public static final List<String> DIMENSIONS =
            List.of("category", "year", "insurance", "step", "organisation", "retention", "status");
}
