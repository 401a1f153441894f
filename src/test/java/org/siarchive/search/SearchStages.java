package org.siarchive.search;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Executors;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.store.FSDirectory;
import org.siarchive.crypto.Sm3;
import org.siarchive.shared.Scope;

/**
 * Where a platform search's time goes beside raw Lucene (issue 20): each stage of {@link LuceneArchiveSearch#search}
 * timed on its own over a benchmark index built by {@link BenchIndexes} — building the query (analysis), the top-hits
 * pass, the count with its facet collection (exact or sampled), the facet counts, the stored fields of the page and
 * the snippets. A diagnostic, not a benchmark: run it on a quiet machine or read the stages against each other.
 *
 * <pre>
 * java -cp &lt;test classpath&gt; org.siarchive.search.SearchStages /work/bench-data/search/1000000 50
 * </pre>
 */
final class SearchStages {

    private SearchStages() {}

    public static void main(String[] args) throws Exception {
        if (args[0].equals("index")) {
            indexing(Integer.parseInt(args[1]));
            return;
        }
        Path dir = Path.of(args[0]);
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 50;
        var indexes = new BenchIndexes(dir, Integer.parseInt(dir.getFileName().toString()));
        indexes.reusable();
        var samples = indexes.samples();
        var bigrams = LuceneDocuments.bigrams();
        var queries = new LuceneQueries(
                LuceneDocuments.analyzer(bigrams),
                bigrams,
                v -> Arrays.copyOf(Sm3.hmac(BenchIndexes.KEY, v.getBytes(StandardCharsets.UTF_8)), 32));
        var facets = new LuceneFacets(new LuceneDocuments(v -> null).facets());
        var scope = new Scope("/1/2/", null, 2);
        var random = new Random(7);
        try (var d = FSDirectory.open(indexes.platform());
                var reader = DirectoryReader.open(d)) {
            var searcher = new IndexSearcher(reader, Executors.newFixedThreadPool(2, r -> {
                var t = new Thread(r);
                t.setDaemon(true);
                return t;
            }));
            for (int k = 0; k < SearchBenchmark.KINDS.length; k++) {
                var times = new LinkedHashMap<String, long[]>();
                for (int round = 0; round < rounds + 10; round++) {
                    String text = text(k, samples, random);
                    stages(searcher, queries, facets, SearchBenchmark.query(text), scope, times, round - 10);
                }
                System.out.println(SearchBenchmark.KINDS[k]);
                times.forEach((stage, t) -> System.out.printf(
                        Locale.ROOT,
                        "  %-22s p50 %7.2f ms  p95 %7.2f ms%n",
                        stage,
                        SearchBenchmark.pct(t, 50),
                        SearchBenchmark.pct(t, 95)));
            }
        }
    }

    /** Where indexing an item goes: building its document, each analysis of its text, and the writes. */
    private static void indexing(int items) throws Exception {
        var entries = new java.util.ArrayList<SearchEntry>();
        var random = new Random(42);
        for (int i = 0; i < items; i++) {
            entries.add(BenchIndexes.entry(i, random));
        }
        var documents = new LuceneDocuments(
                v -> Arrays.copyOf(Sm3.hmac(BenchIndexes.KEY, v.getBytes(StandardCharsets.UTF_8)), 32));
        var words = new org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer();
        var bigrams = LuceneDocuments.bigrams();
        for (int round = 0; round < 2; round++) {
            long t = System.nanoTime();
            for (var e : entries) {
                documents.build(e);
            }
            t = perItem("build documents", t, items);
            for (var e : entries) {
                ChineseText.fold(e.title() + "\n" + e.personName() + "\n" + e.text());
            }
            t = perItem("  of which fold", t, items);
            for (var e : entries) {
                PersonalDigits.forIndex(e.text(), v -> null);
                PersonalDigits.forDisplay(e.text());
            }
            t = perItem("  of which personal numbers", t, items);
            for (var e : entries) {
                ChineseText.pinyin(e.personName());
                ChineseText.initials(e.personName());
            }
            t = perItem("  of which pinyin", t, items);
            for (var e : entries) {
                consume(words, e.text());
            }
            t = perItem("smartcn analysis", t, items);
            for (var e : entries) {
                consume(bigrams, e.text());
            }
            perItem("bigram analysis", t, items);
        }
    }

    private static long perItem(String what, long start, int items) {
        long now = System.nanoTime();
        System.out.printf(Locale.ROOT, "  %-28s %7.1f µs per item%n", what, (now - start) / 1e3 / items);
        return now;
    }

    private static void consume(org.apache.lucene.analysis.Analyzer a, String text) throws Exception {
        try (var ts = a.tokenStream("w", text)) {
            ts.reset();
            while (ts.incrementToken()) {
                // count nothing: the analysis is what is timed
            }
            ts.end();
        }
    }

    private static String text(int kind, java.util.List<String[]> samples, Random random) {
        return switch (kind) {
            case 0 -> "保险金";
            case 1 -> "养老保险待遇";
            case 2 -> samples.get(random.nextInt(samples.size()))[0];
            case 3 -> samples.get(random.nextInt(samples.size()))[1];
            default -> SearchCorpus.FORMS[random.nextInt(SearchCorpus.FORMS.length)];
        };
    }

    /** One search, stage by stage; round {@code i} below zero warms up and is not recorded. */
    private static void stages(
            IndexSearcher searcher,
            LuceneQueries queries,
            LuceneFacets facets,
            SearchQuery q,
            Scope scope,
            Map<String, long[]> times,
            int i)
            throws Exception {
        long t = System.nanoTime();
        Query query = queries.query(q, scope);
        Query ranking = queries.ranking(q, scope);
        t = time(times, "query (analysis)", t, i);
        searcher.search(query, new TopScoreDocCollectorManager(10, LuceneHits.EXACT));
        t = time(times, "before: top, count 10k", t, i);
        searcher.search(query, new TopScoreDocCollectorManager(10, LuceneHits.TOP_COUNT));
        t = time(times, "whole query top, 1k", t, i);
        if (ranking != null) {
            searcher.search(ranking, new TopScoreDocCollectorManager(LuceneHits.RESCORED, LuceneHits.TOP_COUNT));
        }
        t = time(times, "ranking query top 100", t, i);
        var found = LuceneHits.search(searcher, query, ranking, false, 10, LuceneHits.SAMPLE);
        t = time(times, "hits (top+count+fc)", t, i);
        facets.counts(searcher, found.facets(), found.scale());
        t = time(times, "facet counts", t, i);
        ScoreDoc[] sd = found.top().scoreDocs;
        var docs = new org.apache.lucene.document.Document[sd.length];
        for (int j = 0; j < sd.length; j++) {
            docs[j] = searcher.storedFields().document(sd[j].doc);
        }
        t = time(times, "stored fields", t, i);
        var highlighter = queries.highlighter(q);
        var bigrams = LuceneDocuments.bigrams();
        for (var doc : docs) {
            String shown = doc.get(LuceneDocuments.DISPLAY);
            if (highlighter != null && shown != null) {
                highlighter.getBestFragment(bigrams, LuceneDocuments.DISPLAY, ChineseText.fold(shown));
            }
        }
        t = time(times, "before: snippets", t, i);
        var snippets = new LuceneSnippets(queries, q, bigrams);
        for (var doc : docs) {
            snippets.of(doc.get(LuceneDocuments.DISPLAY));
        }
        time(times, "snippets", t, i);
    }

    private static long time(Map<String, long[]> times, String stage, long start, int i) {
        long now = System.nanoTime();
        if (i >= 0) {
            long[] t = times.computeIfAbsent(stage, s -> new long[0]);
            t = Arrays.copyOf(t, i + 1);
            t[i] = now - start;
            times.put(stage, t);
        }
        return System.nanoTime();
    }
}
