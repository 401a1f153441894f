package org.siarchive.search;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Locale;
import java.util.Random;
import java.util.function.Predicate;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.Term;
import org.apache.lucene.store.FSDirectory;
import org.siarchive.crypto.Sm3;

/**
 * Where the index writer's time goes for the platform's documents (issue 20, reindex against raw {@code addDocument}):
 * the same generated items written into a fresh directory with the platform's analyzer, once whole and once without
 * one part of the document at a time, by {@code updateDocument} (what {@link LuceneArchiveSearch#index} does) and by
 * {@code addDocument}; beside raw Lucene's document of {@link BenchIndexes}. A diagnostic: read the rows against each
 * other, on a quiet machine.
 *
 * <pre>
 * java -cp &lt;test classpath&gt; org.siarchive.search.IndexWriterStages 100000 /tmp/iws
 * </pre>
 */
final class IndexWriterStages {

    private IndexWriterStages() {}

    public static void main(String[] args) throws Exception {
        int items = Integer.parseInt(args[0]);
        Path root = Path.of(args[1]);
        var entries = new ArrayList<SearchEntry>();
        var random = new Random(42);
        for (int i = 0; i < items; i++) {
            entries.add(BenchIndexes.entry(i, random));
        }
        var documents = new LuceneDocuments(
                v -> Arrays.copyOf(Sm3.hmac(BenchIndexes.KEY, v.getBytes(StandardCharsets.UTF_8)), 32));
        for (int round = 0; round < 2; round++) {
            System.out.println("round " + (round + 1));
            raw(entries, root.resolve("raw"));
            platform("platform, updateDocument", entries, documents, root.resolve("u"), f -> true, true);
            platform("platform, addDocument", entries, documents, root.resolve("a"), f -> true, false);
            for (String[] part : new String[][] {
                {"w", "words"},
                {"b", "bigrams"},
                {"display", "display text"},
                {"code_g3", "档号 grams"},
                {"$facets", "facets"},
                {"f_", "drill-down terms"},
                {"name", "names and pinyin"},
            }) {
                platform(
                        "  without " + part[1],
                        entries,
                        documents,
                        root.resolve("p"),
                        f -> !f.name().startsWith(part[0]),
                        false);
            }
        }
    }

    private static void raw(java.util.List<SearchEntry> entries, Path dir) throws Exception {
        clear(dir);
        long t = System.nanoTime();
        try (var d = FSDirectory.open(dir);
                var w = new IndexWriter(d, new IndexWriterConfig(new SmartChineseAnalyzer()).setRAMBufferSizeMB(48))) {
            for (var e : entries) {
                w.addDocument(BenchIndexes.rawDocument(e));
            }
            w.commit();
        }
        report("raw addDocument (smartcn only)", t, entries.size());
    }

    private static void platform(
            String label,
            java.util.List<SearchEntry> entries,
            LuceneDocuments documents,
            Path dir,
            Predicate<IndexableField> keep,
            boolean update)
            throws Exception {
        clear(dir);
        long t = System.nanoTime();
        var config = new IndexWriterConfig(LuceneDocuments.analyzer(LuceneDocuments.bigrams())).setRAMBufferSizeMB(48);
        try (var d = FSDirectory.open(dir);
                var w = new IndexWriter(d, config)) {
            for (var e : entries) {
                var doc = new Document();
                for (var f : documents.build(e)) {
                    if (keep.test(f)) {
                        doc.add(f);
                    }
                }
                if (update) {
                    w.updateDocument(new Term(LuceneDocuments.ID, e.itemId().toString()), doc);
                } else {
                    w.addDocument(doc);
                }
            }
            w.commit();
        }
        report(label, t, entries.size());
    }

    private static void report(String label, long start, int items) {
        double us = (System.nanoTime() - start) / 1e3 / items;
        System.out.printf(Locale.ROOT, "  %-34s %7.1f µs per item, %,8.0f docs/s%n", label, us, 1e6 / us);
    }

    private static void clear(Path dir) throws Exception {
        if (Files.exists(dir)) {
            try (var files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder())
                        .forEach(p -> p.toFile().delete());
            }
        }
        Files.createDirectories(dir);
    }
}
