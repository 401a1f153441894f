package org.siarchive.search;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.QueryBuilder;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.siarchive.bench.PeakHeap;
import org.siarchive.shared.Scope;

/**
 * Search benchmark (perf.md G8–G10, issue 20): the reindex rate of the platform's index (smartcn words + bigrams +
 * folding + pinyin + facets + personal-number tokens, one writer, {@link LuceneArchiveSearch#index}) beside raw
 * Lucene {@code addDocument} of the same texts with smartcn only; and query latency p50/p95, per query kind and
 * mixed — the platform (scope filters, facet counts, highlighted snippets) beside raw Lucene on the same words (a
 * plain {@link IndexSearcher}, top 10 with their stored fields) — measured in the same run.
 *
 * <pre>
 * ./mvnw -B -o -q test -Pbench -Dspotless.check.skip=true -Dtest=SearchBenchmark -Dextra.jvm.args=-Xmx1g \
 *     -Dbench.sizes=1000000 -Dbench.queries=500 -Dbench.indexDir=/work/bench-data/search
 * </pre>
 *
 * {@code -Dbench.indexDir} keeps the indexes under {@code <dir>/<items>/} and reuses them while their marker matches
 * ({@link BenchIndexes}); without it they are built in a temporary directory and deleted. {@code
 * -Dbench.buildOnly=true} builds and stops (for building 10 M items in the background).
 */
@Tag("bench")
class SearchBenchmark {

    static final String[] KINDS = {"保险金", "养老保险待遇", "ID number", "档号", "form name"};
    final StringBuilder out = new StringBuilder();

    /** The same run outside Maven (from a copy of the test classpath), with the same {@code -Dbench.*} properties. */
    public static void main(String[] args) throws Exception {
        new SearchBenchmark().indexAndQuery();
    }

    @Test
    void indexAndQuery() throws Exception {
        int[] sizes = Arrays.stream(
                        System.getProperty("bench.sizes", "100000,1000000").split(","))
                .mapToInt(Integer::parseInt)
                .toArray();
        int queries = Integer.getInteger("bench.queries", 200);
        String kept = System.getProperty("bench.indexDir");
        try (var heap = PeakHeap.watch()) {
            for (int size : sizes) {
                Path dir = kept == null
                        ? Files.createTempDirectory("siarchive-search-bench")
                        : Path.of(kept).resolve(Integer.toString(size));
                run(new BenchIndexes(dir, size), queries);
                if (kept == null) {
                    BenchIndexes.deleteTree(dir);
                }
            }
            line(heap.line());
        }
        line("load average: " + Files.readString(Path.of("/proc/loadavg")).strip());
        Files.createDirectories(Path.of("target/bench"));
        Files.writeString(Path.of("target/bench/search.txt"), out.toString(), StandardCharsets.UTF_8);
    }

    private void run(BenchIndexes indexes, int queries) throws Exception {
        int n = indexes.items;
        boolean reused = indexes.reusable();
        if (!reused) {
            indexes.build();
        }
        line("search benchmark, %,d items (2 cores), indexes in %s%s", n, indexes.dir, reused ? " (reused)" : "");
        line(
                "  reindex: platform %,.0f docs/s, raw addDocument (smartcn only) %,.0f docs/s, ratio %.2f%s",
                indexes.platformRate(),
                indexes.rawRate(),
                indexes.platformRate() / indexes.rawRate(),
                reused ? " (measured when built, " + indexes.marker.getProperty("built") + ")" : "");
        if (Boolean.getBoolean("bench.buildOnly")) {
            return;
        }
        var texts = texts(indexes.samples(), queries);
        long[] platform = platformTimes(indexes, texts);
        long[] raw = rawTimes(indexes, texts);
        line("  %-14s %9s %9s %9s %9s %9s", "query", "plat p50", "plat p95", "raw p50", "raw p95", "p95 ratio");
        for (int k = 0; k < KINDS.length; k++) {
            row(KINDS[k], kind(platform, k), kind(raw, k));
        }
        row("mixed (" + texts.size() + ")", platform, raw);
    }

    private void row(String label, long[] platform, long[] raw) {
        row(out, label, platform, raw);
    }

    /** One query kind's p50 and p95 on two indexes, and the ratio of their p95. */
    static void row(StringBuilder out, String label, long[] platform, long[] raw) {
        print(
                out,
                "  %-14s %6.1f ms %6.1f ms %6.1f ms %6.1f ms %9.2f",
                label,
                pct(platform, 50),
                pct(platform, 95),
                pct(raw, 50),
                pct(raw, 95),
                pct(platform, 95) / pct(raw, 95));
    }

    /** The query mix: the five kinds in turn, ID numbers and 档号 drawn from the indexed items. */
    static List<String> texts(List<String[]> samples, int queries) {
        var texts = new ArrayList<String>();
        var rnd = new Random(7);
        for (int i = 0; i < queries; i++) {
            texts.add(
                    switch (i % 5) {
                        case 0 -> "保险金";
                        case 1 -> "养老保险待遇";
                        case 2 -> samples.get(rnd.nextInt(samples.size()))[0];
                        case 3 -> samples.get(rnd.nextInt(samples.size()))[1];
                        default -> SearchCorpus.FORMS[rnd.nextInt(SearchCorpus.FORMS.length)];
                    });
        }
        return texts;
    }

    private static long[] platformTimes(BenchIndexes indexes, List<String> texts) {
        var scope = new Scope("/1/2/", null, 2);
        var times = new long[texts.size()];
        try (var platform = BenchIndexes.open(indexes.platform())) {
            for (String q : texts.subList(0, Math.min(50, texts.size()))) {
                platform.search(query(q), scope);
            }
            for (int i = 0; i < texts.size(); i++) {
                long s = System.nanoTime();
                platform.search(query(texts.get(i)), scope);
                times[i] = System.nanoTime() - s;
            }
        }
        return times;
    }

    private static long[] rawTimes(BenchIndexes indexes, List<String> texts) throws Exception {
        var times = new long[texts.size()];
        try (var dir = FSDirectory.open(indexes.raw());
                var reader = DirectoryReader.open(dir)) {
            var searcher = new IndexSearcher(reader);
            var builder = new QueryBuilder(new SmartChineseAnalyzer());
            for (String q : texts.subList(0, Math.min(50, texts.size()))) {
                searcher.search(raw(builder, q), 10);
            }
            for (int i = 0; i < texts.size(); i++) {
                long s = System.nanoTime();
                var top = searcher.search(raw(builder, texts.get(i)), 10);
                for (var sd : top.scoreDocs) {
                    searcher.storedFields().document(sd.doc);
                }
                times[i] = System.nanoTime() - s;
            }
        }
        return times;
    }

    private static Query raw(QueryBuilder b, String q) {
        if (q.contains("·")) {
            return new TermQuery(new Term("code", q));
        }
        Query p = b.createBooleanQuery("w", q, BooleanClause.Occur.MUST);
        return p == null ? new TermQuery(new Term("w", q)) : p;
    }

    static SearchQuery query(String text) {
        return new SearchQuery(
                null, null, null, null, null, null, text, List.of(), null, null, null, null, null, 0, 10);
    }

    /** The times of one query kind (every fifth, from {@code k}). */
    static long[] kind(long[] times, int k) {
        var out = new long[(times.length - k + 4) / 5];
        for (int i = k, j = 0; i < times.length; i += 5, j++) {
            out[j] = times[i];
        }
        return out;
    }

    static double pct(long[] nanos, int p) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)] / 1e6;
    }

    private void line(String format, Object... args) {
        print(out, format, args);
    }

    /** Prints a line and keeps it for the report file. */
    static void print(StringBuilder out, String format, Object... args) {
        String s = String.format(Locale.ROOT, format, args);
        System.out.println(s);
        out.append(s).append('\n');
    }
}
