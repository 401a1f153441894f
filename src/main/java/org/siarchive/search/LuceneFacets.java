package org.siarchive.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetCounts;
import org.jspecify.annotations.Nullable;

/**
 * The facet counts of a search (category, step, insurance, year…), over every hit, not only the page shown; from a
 * sample, multiplied by the sample's scale, when the hits are too many to count (docs/adr/0115).
 */
class LuceneFacets {

    private final FacetsConfig config;

    LuceneFacets(FacetsConfig config) {
        this.config = config;
    }

    Map<String, List<SearchResults.FacetCount>> counts(
            org.apache.lucene.search.IndexSearcher searcher, FacetsCollector fc, double scale) throws IOException {
        var out = new LinkedHashMap<String, List<SearchResults.FacetCount>>();
        DefaultSortedSetDocValuesReaderState state;
        try {
            state = facetState(searcher.getIndexReader());
        } catch (IllegalArgumentException noFacetsYet) {
            return out;
        }
        var counts = new SortedSetDocValuesFacetCounts(state, fc);
        for (String dim : SearchResults.DIMENSIONS) {
            FacetResult r;
            try {
                r = counts.getTopChildren(50, dim);
            } catch (IllegalArgumentException notIndexed) {
                r = null;
            }
            var list = new ArrayList<SearchResults.FacetCount>();
            if (r != null) {
                for (var lv : r.labelValues) {
                    list.add(new SearchResults.FacetCount(lv.label, Math.round(lv.value.longValue() * scale)));
                }
            }
            out.put(dim, list);
        }
        return out;
    }

    private org.apache.lucene.index.@Nullable IndexReader stateReader;
    private @Nullable DefaultSortedSetDocValuesReaderState state;

    /** The facet ordinals of a reader, built once per reader (building them costs a pass over the values). */
    private synchronized DefaultSortedSetDocValuesReaderState facetState(org.apache.lucene.index.IndexReader reader)
            throws IOException {
        if (state == null || stateReader != reader) {
            state = new DefaultSortedSetDocValuesReaderState(reader, config);
            stateReader = reader;
        }
        return state;
    }
}
