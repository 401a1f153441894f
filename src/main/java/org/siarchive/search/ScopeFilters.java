package org.siarchive.search;

import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.LRUQueryCache;
import org.apache.lucene.search.PointRangeQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryCachingPolicy;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.UsageTrackingQueryCachingPolicy;

/**
 * The reader's clearance and fonds filters as bit sets cached per segment (docs/adr/0123), shared by every index of
 * this JVM. Lucene's default cache does not cache a filter while the query's lead is far more selective (an ID
 * number, a 档号): the clearance range then walked the points of the whole segment on every such search. Here the
 * first search of a scope builds the set and later ones reuse it, whatever their lead. Other queries are cached as
 * Lucene's default policy decides (filters used often).
 */
final class ScopeFilters {

    /** Segments smaller than this are cheap to filter directly. */
    static final int MIN_SEGMENT = 10_000;

    private static final LRUQueryCache CACHE = new LRUQueryCache(
            256, 64L * 1024 * 1024, leaf -> leaf.reader().maxDoc() >= MIN_SEGMENT, Float.POSITIVE_INFINITY);

    private static final QueryCachingPolicy POLICY = new QueryCachingPolicy() {
        private final QueryCachingPolicy usage = new UsageTrackingQueryCachingPolicy();

        @Override
        public void onUse(Query query) {
            usage.onUse(query);
        }

        @Override
        public boolean shouldCache(Query query) throws java.io.IOException {
            return isScopeFilter(query) || usage.shouldCache(query);
        }
    };

    private ScopeFilters() {}

    static boolean isScopeFilter(Query query) {
        return (query instanceof PointRangeQuery p && p.getField().equals("clearance"))
                || (query instanceof TermInSetQuery t && t.getField().equals("fonds"));
    }

    /** The searcher with the scope filter cache. */
    static IndexSearcher cached(IndexSearcher searcher) {
        searcher.setQueryCache(CACHE);
        searcher.setQueryCachingPolicy(POLICY);
        return searcher;
    }
}
