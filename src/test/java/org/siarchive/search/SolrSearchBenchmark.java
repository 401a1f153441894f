package org.siarchive.search;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.siarchive.shared.Scope;

/**
 * SolrCloud beside embedded Lucene (issue 21, docs/adr/0132): the same generated items ({@link BenchIndexes#entry})
 * indexed through each backend of the port — SolrCloud with two nodes and two shards in this JVM
 * ({@link SolrTestCluster}), and {@link LuceneArchiveSearch} — then the same query mix through the port on each
 * (scope filters, facet counts, snippets), p50/p95 per query kind and mixed.
 *
 * <pre>
 * ./mvnw -B -o -q test -Pbench -Dspotless.check.skip=true -Dtest=SolrSearchBenchmark -Dtest.heap=3g \
 *     -Dbench.sizes=100000 -Dbench.queries=500
 * </pre>
 */
@Tag("bench")
class SolrSearchBenchmark {

    final StringBuilder out = new StringBuilder();

    @Test
    void indexAndQuery() throws Exception {
        int[] sizes = Arrays.stream(System.getProperty("bench.sizes", "100000").split(","))
                .mapToInt(Integer::parseInt)
                .toArray();
        int queries = Integer.getInteger("bench.queries", 200);
        try (var heap = org.siarchive.bench.PeakHeap.watch()) {
            for (int size : sizes) {
                Path dir = Files.createTempDirectory("siarchive-solr-bench");
                try {
                    run(dir, size, queries);
                } finally {
                    BenchIndexes.deleteTree(dir);
                }
            }
            line(heap.line());
        }
        line("load average: " + Files.readString(Path.of("/proc/loadavg")).strip());
        Files.createDirectories(Path.of("target/bench"));
        Files.writeString(Path.of("target/bench/solr-search.txt"), out.toString(), StandardCharsets.UTF_8);
    }

    private void run(Path dir, int items, int queries) throws Exception {
        var samples = new ArrayList<String[]>();
        line(
                "search on SolrCloud beside embedded Lucene, %,d items (2 cores; Solr: 2 nodes, 2 shards, in this JVM)",
                items);
        boolean together = Boolean.getBoolean("bench.parallelBuild");
        try (var lucene = BenchIndexes.open(dir.resolve("lucene"));
                var cluster = new SolrTestCluster(Files.createDirectories(dir.resolve("solr")));
                var solr = cluster.backend("bench", BenchIndexes::idIndex)) {
            var onLuceneBuild = java.util.concurrent.CompletableFuture.supplyAsync(() -> build(lucene, items, samples));
            if (!together) {
                onLuceneBuild.join();
            }
            double solrRate = build(solr, items, new ArrayList<>());
            double rate = onLuceneBuild.join();
            String how = together ? " (both built at the same time, each on its own thread)" : "";
            line("  index through the port: Lucene %,.0f docs/s%s", rate, how);
            line(
                    "  index through the port: Solr %,.0f docs/s (batches of %d, then a soft commit)",
                    solrRate, SolrArchiveSearch.BATCH);
            waitForQuietMachine();
            var texts = SearchBenchmark.texts(samples, queries);
            long[] onSolr = times(solr, texts);
            long[] onLucene = times(lucene, texts);
            line("  %-14s %9s %9s %9s %9s %9s", "query", "solr p50", "solr p95", "luc. p50", "luc. p95", "p95 ratio");
            for (int k = 0; k < SearchBenchmark.KINDS.length; k++) {
                row(SearchBenchmark.KINDS[k], SearchBenchmark.kind(onSolr, k), SearchBenchmark.kind(onLucene, k));
            }
            row("mixed (" + texts.size() + ")", onSolr, onLucene);
            line(
                    "  on disk: Solr index %,d MB (both shards) and update logs %,d MB, Lucene index %,d MB",
                    megabytes(dir.resolve("solr"), "/data/index"),
                    megabytes(dir.resolve("solr"), "/data/tlog"),
                    megabytes(dir.resolve("lucene"), ""));
        }
    }

    /**
     * With {@code -Dbench.quietLoad=L}, waits (at most {@code bench.quietWaitMinutes}, default 30) until the one-minute
     * load average is below L, so that the queries are not timed beside other work; prints the load they ran at.
     */
    private void waitForQuietMachine() throws Exception {
        String limit = System.getProperty("bench.quietLoad");
        long deadline = System.nanoTime() + Long.getLong("bench.quietWaitMinutes", 30) * 60_000_000_000L;
        while (limit != null && load() >= Double.parseDouble(limit) && System.nanoTime() < deadline) {
            Thread.sleep(10_000);
        }
        line("  queries start at load average %.2f (one minute)", load());
    }

    private static double load() throws java.io.IOException {
        return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
    }

    /** Indexes the generated items through the port and commits; returns items per second. */
    private static double build(ArchiveSearch search, int items, List<String[]> samples) {
        var random = new Random(42);
        long t0 = System.nanoTime();
        for (int i = 0; i < items; i++) {
            var e = BenchIndexes.entry(i, random);
            if (i % Math.max(1, items / 1000) == 0) {
                samples.add(new String[] {BenchIndexes.certOf(e), e.archiveCode()});
            }
            search.index(e);
            if ((i + 1) % Math.max(1, items / 10) == 0) {
                System.out.printf(
                        "  %s: %,d of %,d indexed%n", search.getClass().getSimpleName(), i + 1, items);
            }
        }
        ((CommittedIndex) search).commit(java.util.Map.of());
        return items / ((System.nanoTime() - t0) / 1e9);
    }

    private static long[] times(ArchiveSearch search, List<String> texts) {
        var scope = new Scope("/1/2/", null, 2);
        for (String q : texts.subList(0, Math.min(50, texts.size()))) {
            search.search(SearchBenchmark.query(q), scope);
        }
        var times = new long[texts.size()];
        for (int i = 0; i < texts.size(); i++) {
            long s = System.nanoTime();
            search.search(SearchBenchmark.query(texts.get(i)), scope);
            times[i] = System.nanoTime() - s;
        }
        return times;
    }

    /** The size of the files under {@code dir} whose path holds {@code part}. */
    private static long megabytes(Path dir, String part) throws java.io.IOException {
        try (var files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile)
                            .filter(f -> f.toString().contains(part))
                            .mapToLong(f -> f.toFile().length())
                            .sum()
                    / (1024 * 1024);
        }
    }

    private void row(String label, long[] solr, long[] lucene) {
        SearchBenchmark.row(out, label, solr, lucene);
    }

    private void line(String format, Object... args) {
        SearchBenchmark.print(out, format, args);
    }
}
