package org.siarchive.search;

import java.io.IOException;
import java.util.ArrayList;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsCollectorManager;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.search.TotalHits;
import org.siarchive.shared.Bounds;

/**
 * One search's hits, bounded in cost whatever their number (docs/adr/0115). The shown page comes from a top-hits
 * pass that counts exactly up to the result window and then lets Lucene skip what cannot reach the page. When the
 * hits are fewer than the window, they are counted and faceted exactly in a second pass over those few; when there
 * are more, the total and the facet counts are estimated from a systematic sample of the document space (the same
 * share of every segment, spread over it in windows so that no part of the index is favoured) and marked approximate.
 */
final class LuceneHits {

    /** Hits counted exactly: every result page a reader can reach ({@link Bounds#RESULT_WINDOW}). */
    static final int EXACT = Bounds.RESULT_WINDOW;
    /** Matching candidates the sample visits, about (its share of the index is this over the query's cost). */
    static final long SAMPLE = 60_000;
    /** Windows per segment the sample is spread over. */
    static final int WINDOWS = 64;

    /**
     * The top hits, the total (exact, or estimated and then never below the hits counted), the facet collector
     * and the factor its counts are multiplied by (1 when exact).
     */
    record Found(TopDocs top, long total, boolean approximate, FacetsCollector facets, double scale) {}

    private LuceneHits() {}

    static Found search(IndexSearcher searcher, Query query, boolean byTime, int wanted, long sample)
            throws IOException {
        var top = byTime
                ? new TopFieldCollectorManager(
                        new Sort(new SortField("handled", SortField.Type.LONG, true)), wanted, EXACT)
                : new TopScoreDocCollectorManager(wanted, EXACT);
        TopDocs docs = searcher.search(query, top);
        if (docs.totalHits.relation == TotalHits.Relation.EQUAL_TO) {
            FacetsCollector all = searcher.search(query, new FacetsCollectorManager());
            return new Found(docs, docs.totalHits.value, false, all, 1.0);
        }
        return sampled(searcher, query, docs, sample);
    }

    /** More hits than the window: total and facets from a systematic sample of every segment. */
    private static Found sampled(IndexSearcher searcher, Query query, TopDocs docs, long sample) throws IOException {
        var weight = searcher.createWeight(searcher.rewrite(query), ScoreMode.COMPLETE_NO_SCORES, 1f);
        var leaves = searcher.getIndexReader().leaves();
        var scorers = new ArrayList<Scorer>();
        long cost = 0;
        for (var leaf : leaves) {
            Scorer s = weight.scorer(leaf);
            scorers.add(s);
            cost += s == null ? 0 : s.iterator().cost();
        }
        double share = Math.min(1.0, (double) sample / Math.max(1, cost));
        var facets = new FacetsCollector();
        long seen = 0;
        long space = 0;
        long all = 0;
        for (int i = 0; i < leaves.size(); i++) {
            Scorer s = scorers.get(i);
            if (s == null) {
                continue; // no hit in this segment: it adds nothing to the sample nor to the estimate
            }
            var leaf = leaves.get(i);
            int maxDoc = leaf.reader().maxDoc();
            all += maxDoc;
            long[] counted = sample(s.iterator(), leaf, facets, maxDoc, share);
            seen += counted[0];
            space += counted[1];
        }
        double scale = space == 0 ? 1.0 : (double) all / space;
        long estimate = Math.max(docs.totalHits.value, Math.round(seen * scale));
        return new Found(docs, estimate, true, facets, scale);
    }

    /** Collects the live hits in {@link #WINDOWS} windows of the segment; returns {hits, documents covered}. */
    private static long[] sample(
            DocIdSetIterator it,
            org.apache.lucene.index.LeafReaderContext leaf,
            FacetsCollector facets,
            int maxDoc,
            double share)
            throws IOException {
        var live = leaf.reader().getLiveDocs();
        var collector = facets.getLeafCollector(leaf);
        int stride = Math.max(1, (maxDoc + WINDOWS - 1) / WINDOWS);
        int chunk = Math.max(1, (int) Math.ceil(stride * share));
        long hits = 0;
        long covered = 0;
        for (int start = 0; start < maxDoc; start += stride) {
            int end = Math.min(maxDoc, start + chunk);
            int doc = it.docID() >= start ? it.docID() : it.advance(start);
            while (doc < end) {
                if (live == null || live.get(doc)) {
                    collector.collect(doc);
                    hits++;
                }
                doc = it.nextDoc();
            }
            covered += end - start;
        }
        collector.finish();
        return new long[] {hits, covered};
    }
}
