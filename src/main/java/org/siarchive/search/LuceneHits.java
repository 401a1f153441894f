package org.siarchive.search;

import java.io.IOException;
import java.util.ArrayList;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsCollectorManager;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryRescorer;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.search.TotalHits;
import org.apache.lucene.search.Weight;
import org.jspecify.annotations.Nullable;
import org.siarchive.shared.Bounds;

/**
 * One search's hits, bounded in cost whatever their number (docs/adr/0115, 0123). The shown page comes from a
 * top-hits pass that counts up to {@link #TOP_COUNT} and then lets Lucene skip what cannot reach the page; a query
 * with a cheaper ranking (the words without the bigram phrase) is ranked on that and its best {@link #RESCORED} are
 * put in the order of the whole query. The total and the facets come from a separate count: hits up to the result
 * window are counted and faceted exactly; beyond it they are estimated from a systematic sample of the document
 * space (the same share of every segment, spread over it in windows so that no part of the index is favoured) and
 * marked approximate.
 */
final class LuceneHits {

    /** Hits counted exactly: every result page a reader can reach ({@link Bounds#RESULT_WINDOW}). */
    static final int EXACT = Bounds.RESULT_WINDOW;
    /** Hits the top-hits pass counts before it skips (Lucene's own default); the count is a pass of its own. */
    static final int TOP_COUNT = 1_000;
    /** Hits ranked on the cheaper query that the whole query puts in order. */
    static final int RESCORED = 100;
    /** Matching candidates the sample visits, about (its share of the index is this over the query's cost). */
    static final long SAMPLE = 20_000;
    /** Sampled hits, about, whose facet values are counted (every n-th of the sample's hits; docs/adr/0123). */
    static final long FACETED = 5_000;
    /** Windows per segment the sample is spread over. */
    static final int WINDOWS = 64;
    /** Above this many estimated hits the sample stands; below it the hits are counted up to the window. */
    static final long COUNTED_BELOW = 2L * EXACT;

    /**
     * The top hits, the total (exact, or estimated and then never below the hits counted), the facet collector
     * and the factor its counts are multiplied by (1 when exact).
     */
    record Found(TopDocs top, long total, boolean approximate, FacetsCollector facets, double scale) {}

    private LuceneHits() {}

    static Found search(
            IndexSearcher searcher, Query query, @Nullable Query ranking, boolean byTime, int wanted, long sample)
            throws IOException {
        TopDocs docs = top(searcher, query, ranking, byTime, wanted);
        if (ranking == null && docs.totalHits.relation == TotalHits.Relation.EQUAL_TO) {
            FacetsCollector all = searcher.search(query, new FacetsCollectorManager());
            return new Found(docs, docs.totalHits.value, false, all, 1.0);
        }
        return counted(searcher, query, docs, sample);
    }

    /** The page's hits: by time, by the whole query, or ranked on the cheaper query and put in order by the whole. */
    private static TopDocs top(IndexSearcher searcher, Query query, @Nullable Query ranking, boolean byTime, int wanted)
            throws IOException {
        if (byTime) {
            var sort = new Sort(new SortField("handled", SortField.Type.LONG, true));
            return searcher.search(query, new TopFieldCollectorManager(sort, wanted, TOP_COUNT));
        }
        if (ranking != null) {
            int depth = Math.max(RESCORED, wanted);
            TopDocs first = searcher.search(ranking, new TopScoreDocCollectorManager(depth, TOP_COUNT));
            if (first.scoreDocs.length >= wanted) {
                // every hit of the ranking query is a hit of the whole query: its score replaces the first one
                return new QueryRescorer(query) {
                    @Override
                    protected float combine(float firstPassScore, boolean secondPassMatches, float secondPassScore) {
                        return secondPassMatches ? secondPassScore : firstPassScore;
                    }
                }.rescore(searcher, first, wanted);
            }
        }
        return searcher.search(query, new TopScoreDocCollectorManager(wanted, TOP_COUNT));
    }

    /**
     * The total and the facets: a sample when the hits are many; otherwise (or when the sample covered everything)
     * every hit, counted exactly.
     */
    private static Found counted(IndexSearcher searcher, Query query, TopDocs docs, long sample) throws IOException {
        var weight = searcher.createWeight(searcher.rewrite(query), ScoreMode.COMPLETE_NO_SCORES, 1f);
        var leaves = searcher.getIndexReader().leaves();
        var scorers = new ArrayList<@Nullable Scorer>();
        long cost = 0;
        for (var leaf : leaves) {
            Scorer s = weight.scorer(leaf);
            scorers.add(s);
            cost += s == null ? 0 : s.iterator().cost();
        }
        double share = Math.min(1.0, (double) sample / Math.max(1, cost));
        // facet values of every step-th sampled hit only: counting them costs more than finding the hits
        long step = share >= 1.0 ? 1 : Math.max(1, Math.round(share * cost / FACETED));
        var facets = new FacetsCollector();
        long seen = 0;
        long space = 0;
        long all = 0;
        long faceted = 0;
        for (int i = 0; i < leaves.size(); i++) {
            Scorer s = scorers.get(i);
            if (s == null) {
                continue; // no hit in this segment: it adds nothing to the sample nor to the estimate
            }
            var leaf = leaves.get(i);
            int maxDoc = leaf.reader().maxDoc();
            all += maxDoc;
            long[] counted = sample(s.iterator(), leaf, facets, new long[] {maxDoc, seen, step}, share);
            seen += counted[0];
            space += counted[1];
            faceted += counted[2];
        }
        if (space == all && faceted == seen) {
            return new Found(docs, seen, false, facets, 1.0); // the sample was every hit
        }
        double scale = space == 0 ? 1.0 : (double) all / space;
        long estimate = Math.max(docs.totalHits.value, Math.round(seen * scale));
        if (estimate < COUNTED_BELOW) {
            Found exact = exact(weight, searcher, docs);
            if (exact != null) {
                return exact;
            }
        }
        return new Found(docs, estimate, true, facets, scale * seen / Math.max(1, faceted));
    }

    /** Every hit counted and faceted, unless there are more than the window (then null: the sample stands). */
    private static @Nullable Found exact(Weight weight, IndexSearcher searcher, TopDocs docs) throws IOException {
        var facets = new FacetsCollector();
        long hits = 0;
        for (var leaf : searcher.getIndexReader().leaves()) {
            Scorer s = weight.scorer(leaf);
            if (s == null) {
                continue;
            }
            var live = leaf.reader().getLiveDocs();
            var collector = facets.getLeafCollector(leaf);
            var it = s.iterator();
            for (int doc = it.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = it.nextDoc()) {
                if (live == null || live.get(doc)) {
                    if (++hits > EXACT) {
                        return null;
                    }
                    collector.collect(doc);
                }
            }
            collector.finish();
        }
        return new Found(docs, hits, false, facets, 1.0);
    }

    /**
     * Counts the live hits in {@link #WINDOWS} windows of the segment, collecting every {@code step}-th for the
     * facets; {@code at} is {maxDoc, hits counted before, step}. Returns {hits, documents covered, hits collected}.
     */
    private static long[] sample(
            DocIdSetIterator it,
            org.apache.lucene.index.LeafReaderContext leaf,
            FacetsCollector facets,
            long[] at,
            double share)
            throws IOException {
        int maxDoc = (int) at[0];
        long before = at[1];
        long step = at[2];
        long collected = 0;
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
                    if ((before + hits) % step == 0) {
                        collector.collect(doc);
                        collected++;
                    }
                    hits++;
                }
                doc = it.nextDoc();
            }
            covered += end - start;
        }
        collector.finish();
        return new long[] {hits, covered, collected};
    }
}
