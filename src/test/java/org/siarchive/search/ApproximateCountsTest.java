package org.siarchive.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.siarchive.shared.Bounds;
import org.siarchive.shared.Scope;

/**
 * More hits than a reader can page through (docs/adr/0115): the total and the facet counts are estimated from a
 * sample and said to be approximate, close to the true counts; the page still shows real hits, best first. Fewer
 * hits than the result window are counted exactly, facets included.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApproximateCountsTest {

    static final int ITEMS = 16_000;

    @TempDir
    static Path dir;

    LuceneArchiveSearch search;
    final List<SearchEntry> all = new ArrayList<>();

    @BeforeAll
    void index() {
        search = BenchIndexes.open(dir);
        var random = new Random(20);
        for (int i = 0; i < ITEMS; i++) {
            var e = BenchIndexes.entry(i, random);
            all.add(e);
            search.index(e);
            if (i % 4_000 == 3_999) {
                search.commit(java.util.Map.of()); // several segments, as a grown index has
            }
        }
        search.commit(java.util.Map.of());
        search.sample(2_000); // about an eighth of the hits, as 60,000 is of a million
    }

    @AfterAll
    void close() {
        search.close();
    }

    @Test
    void moreHitsThanTheWindowAreEstimatedAndSaidToBe() {
        // every generated text ends with 经办机构审核通过: all items are hits, more than the window
        var r = search.search(SearchBenchmark.query("经办机构"), Scope.EVERYTHING);
        assertThat(ITEMS).isGreaterThan(Bounds.RESULT_WINDOW);
        assertThat(r.approximate()).isTrue();
        assertThat((double) r.page().total()).isCloseTo(ITEMS, within(ITEMS * 0.05));
        long inA = count(e -> e.organisation().equals("甲县社保中心"));
        long estimatedA = facet(r, "organisation", "甲县社保中心");
        assertThat((double) estimatedA).isCloseTo(inA, within(inA * 0.08));
        assertThat(r.page().content()).hasSize(10);
        for (var h : r.page().content()) {
            assertThat(all.get((int) h.itemId().getLeastSignificantBits()).text())
                    .contains("经办机构");
        }
    }

    @Test
    void fewerHitsThanTheWindowAreCountedExactly() {
        // about half the items hold 失业保险金: exact total and facets, not approximate
        var r = search.search(SearchBenchmark.query("失业保险金"), Scope.EVERYTHING);
        long expected = count(e -> e.text().contains("失业保险金"));
        assertThat(expected).isLessThan(Bounds.RESULT_WINDOW).isGreaterThan(1_000);
        assertThat(r.approximate()).isFalse();
        assertThat(r.page().total()).isEqualTo(expected);
        assertThat(facet(r, "organisation", "甲县社保中心"))
                .isEqualTo(count(
                        e -> e.text().contains("失业保险金") && e.organisation().equals("甲县社保中心")));
    }

    @Test
    void aScopedReaderIsEstimatedWithinTheScopeOnly() {
        var countyA = new Scope("/1/2/", null, 3);
        var r = search.search(SearchBenchmark.query("经办机构"), countyA);
        long inA = count(e -> e.orgPath().equals("/1/2/"));
        assertThat(inA).isGreaterThan(Bounds.RESULT_WINDOW);
        assertThat(r.approximate()).isTrue();
        assertThat((double) r.page().total()).isCloseTo(inA, within(inA * 0.05));
        assertThat(facet(r, "organisation", "乙县社保中心")).isZero();
    }

    @Test
    void aSampleThatVisitedEveryHitIsAnExactCount() {
        search.sample(Long.MAX_VALUE / 4); // the sample's share is all of the index
        try {
            var r = search.search(SearchBenchmark.query("经办机构"), Scope.EVERYTHING);
            assertThat(r.approximate()).isFalse();
            assertThat(r.page().total()).isEqualTo(ITEMS);
            assertThat(facet(r, "organisation", "甲县社保中心"))
                    .isEqualTo(count(e -> e.organisation().equals("甲县社保中心")));
        } finally {
            search.sample(2_000);
        }
    }

    @Test
    void aLongQueryRankedOnItsWordsShowsTheWholeQuerysBestInTheWholeQuerysOrder() throws Exception {
        // docs/adr/0123: ranked on the smartcn words, the best of them put in order by the whole query (bigram
        // phrase included); the page must be the page the whole query alone gives
        var bigrams = LuceneDocuments.bigrams();
        var queries = new LuceneQueries(LuceneDocuments.analyzer(bigrams), bigrams, v -> null);
        var countyA = new Scope("/1/2/", null, 2);
        try (var d = org.apache.lucene.store.FSDirectory.open(dir);
                var reader = org.apache.lucene.index.DirectoryReader.open(d)) {
            var searcher = new org.apache.lucene.search.IndexSearcher(reader);
            for (String text : List.of("养老保险待遇核定表", "养老保险待遇", "保险金", "社会保险关系转移接续申请表")) {
                var q = SearchBenchmark.query(text);
                assertThat(queries.ranking(q, countyA)).isNotNull();
                var whole = new ArrayList<String>();
                for (var sd : searcher.search(queries.query(q, countyA), 10).scoreDocs) {
                    whole.add(searcher.storedFields().document(sd.doc).get(LuceneDocuments.ID));
                }
                var shown = search.search(q, countyA).page().content().stream()
                        .map(h -> h.itemId().toString())
                        .toList();
                assertThat(shown).as(text).hasSize(10).isEqualTo(whole);
            }
        }
    }

    private long count(java.util.function.Predicate<SearchEntry> p) {
        return all.stream().filter(p).count();
    }

    private static long facet(SearchResults r, String dim, String value) {
        return r.facets().get(dim).stream()
                .filter(f -> f.value().equals(value))
                .mapToLong(SearchResults.FacetCount::count)
                .sum();
    }
}
