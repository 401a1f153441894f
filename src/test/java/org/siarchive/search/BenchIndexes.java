package org.siarchive.search;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.Random;
import java.util.UUID;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.FSDirectory;
import org.siarchive.crypto.Sm3;
import org.siarchive.quality.CitizenIdNumber;

/**
 * The search benchmark's two indexes of the same generated items, side by side in one directory: {@code platform/}
 * (built through {@link LuceneArchiveSearch#index}, the path a reindex from stored text takes) and {@code raw/}
 * (plain {@link IndexWriter#addDocument}, smartcn only). A marker file {@code bench-index.properties} records what
 * the directory holds (items, generator, layout, both build rates, query samples); a directory whose marker matches
 * is reused as it is, so a 10 M-item index is built once and queried on later runs.
 */
final class BenchIndexes {

    /** Bumped when {@link #entry} changes: an index of another generator is rebuilt. */
    static final String GENERATOR = "1";

    static final byte[] KEY = "search-benchmark-index-key-32byt".getBytes(StandardCharsets.UTF_8);

    final Path dir;
    final int items;
    final Properties marker = new Properties();

    BenchIndexes(Path dir, int items) {
        this.dir = dir;
        this.items = items;
    }

    /**
     * Builds the indexes of {@code args[1]} items under {@code args[0]/<items>/} unless a matching marker is there:
     * for building a large index outside Maven, in the background, from a copy of the test classpath.
     */
    public static void main(String[] args) throws IOException {
        int items = Integer.parseInt(args[1]);
        var indexes = new BenchIndexes(Path.of(args[0]).resolve(Integer.toString(items)), items);
        if (!indexes.reusable()) {
            indexes.build();
        }
        System.out.printf(
                "built %,d items in %s: platform %s docs/s, raw %s docs/s%n",
                items,
                indexes.dir,
                indexes.marker.getProperty("platform.docsPerSecond"),
                indexes.marker.getProperty("raw.docsPerSecond"));
    }

    Path platform() {
        return dir.resolve("platform");
    }

    Path raw() {
        return dir.resolve("raw");
    }

    static LuceneArchiveSearch open(Path dir) {
        return new LuceneArchiveSearch(dir, BenchIndexes::idIndex);
    }

    /** The blind index of an ID number under the benchmark's key. */
    static byte[] idIndex(String idNumber) {
        return Arrays.copyOf(Sm3.hmac(KEY, idNumber.getBytes(StandardCharsets.UTF_8)), 32);
    }

    /** Whether the directory already holds complete indexes of this size, generator and layout. */
    boolean reusable() throws IOException {
        Path m = dir.resolve("bench-index.properties");
        if (!Files.exists(m)) {
            return false;
        }
        try (var in = Files.newBufferedReader(m, StandardCharsets.UTF_8)) {
            marker.load(in);
        }
        return Integer.toString(items).equals(marker.getProperty("items"))
                && GENERATOR.equals(marker.getProperty("generator"))
                && LuceneDocuments.LAYOUT.equals(marker.getProperty("layout"));
    }

    /** Builds both indexes (platform first, then raw), timing each, and writes the marker last. */
    void build() throws IOException {
        if (Files.exists(dir)) {
            deleteTree(dir);
        }
        Files.createDirectories(dir);
        var samples = new ArrayList<String>();
        var random = new Random(42);
        long t0 = System.nanoTime();
        try (var platform = open(platform())) {
            for (int i = 0; i < items; i++) {
                var e = entry(i, random);
                if (i % Math.max(1, items / 1000) == 0) {
                    samples.add(certOf(e) + "\t" + e.archiveCode());
                }
                platform.index(e);
                if (i % 1_000_000 == 999_999) {
                    System.out.printf("  platform index: %,d items%n", i + 1);
                }
            }
            platform.commit(java.util.Map.of());
        }
        double platformRate = items / ((System.nanoTime() - t0) / 1e9);
        double rawRate = buildRaw();
        marker.setProperty("items", Integer.toString(items));
        marker.setProperty("generator", GENERATOR);
        marker.setProperty("layout", LuceneDocuments.LAYOUT);
        marker.setProperty("platform.docsPerSecond", String.format(java.util.Locale.ROOT, "%.0f", platformRate));
        marker.setProperty("raw.docsPerSecond", String.format(java.util.Locale.ROOT, "%.0f", rawRate));
        marker.setProperty("built", OffsetDateTime.now(ZoneOffset.UTC).toString());
        Files.write(dir.resolve("samples.txt"), samples, StandardCharsets.UTF_8);
        try (var out = Files.newBufferedWriter(dir.resolve("bench-index.properties"), StandardCharsets.UTF_8)) {
            marker.store(out, "SearchBenchmark indexes: platform/ and raw/ of the same generated items");
        }
    }

    /** Raw Lucene: the same title + name + text, smartcn only, a stored id and title, no facets, no folding. */
    private double buildRaw() throws IOException {
        var random = new Random(42);
        long t1 = System.nanoTime();
        try (var d = FSDirectory.open(raw());
                var writer =
                        new IndexWriter(d, new IndexWriterConfig(new SmartChineseAnalyzer()).setRAMBufferSizeMB(48))) {
            for (int i = 0; i < items; i++) {
                writer.addDocument(rawDocument(entry(i, random)));
            }
            writer.commit();
        }
        return items / ((System.nanoTime() - t1) / 1e9);
    }

    /** Raw Lucene's document of an item: a stored id, the 档号, title + name + text as one smartcn field, the title. */
    static Document rawDocument(SearchEntry e) {
        var doc = new Document();
        doc.add(new StringField("id", e.itemId().toString(), Field.Store.YES));
        doc.add(new StringField("code", e.archiveCode(), Field.Store.NO));
        doc.add(new TextField("w", e.title() + "\n" + e.personName() + "\n" + e.text(), Field.Store.NO));
        doc.add(new StoredField("title", e.title()));
        return doc;
    }

    double platformRate() {
        return Double.parseDouble(marker.getProperty("platform.docsPerSecond"));
    }

    double rawRate() {
        return Double.parseDouble(marker.getProperty("raw.docsPerSecond"));
    }

    /** ID numbers and 档号 of every thousandth item, "cert\tcode" per line. */
    List<String[]> samples() throws IOException {
        return Files.readAllLines(dir.resolve("samples.txt"), StandardCharsets.UTF_8).stream()
                .map(l -> l.split("\t"))
                .toList();
    }

    static String certOf(SearchEntry e) {
        int at = e.text().indexOf("公民身份号码") + 6;
        return e.text().substring(at, at + 18);
    }

    /** Item {@code i} of the generated corpus: about 150 characters of recognised text, two counties. */
    static SearchEntry entry(int i, Random random) {
        String form = SearchCorpus.FORMS[random.nextInt(SearchCorpus.FORMS.length)];
        String[] given = SearchCorpus.GIVEN;
        String name = SearchCorpus.SURNAMES[random.nextInt(SearchCorpus.SURNAMES.length)]
                + given[random.nextInt(given.length)]
                + (random.nextBoolean() ? given[random.nextInt(given.length)] : "");
        String org = random.nextInt(3) == 0 ? "/1/3/" : "/1/2/";
        int clearance = 1 + random.nextInt(3);
        String first17 = "110105%04d%02d%02d%03d"
                .formatted(
                        1950 + random.nextInt(50),
                        1 + random.nextInt(12),
                        1 + random.nextInt(28),
                        random.nextInt(1000));
        String cert = first17 + CitizenIdNumber.checkChar(first17);
        int year = 2000 + i % 24;
        String text = "姓名" + name + " 公民身份号码" + cert + " " + form + "。参保人于" + year + "年办理"
                + (random.nextBoolean() ? "养老保险" : "失业保险金") + "业务，缴费基数" + (3000 + random.nextInt(9000))
                + "元，经办机构审核通过。";
        boolean first = org.equals("/1/2/");
        return new SearchEntry(
                new UUID(1, i),
                "0001-SB·%d-D30-01·GRCB-%07d".formatted(year, i),
                form,
                name,
                Arrays.copyOf(Sm3.hmac(KEY, cert.getBytes(StandardCharsets.UTF_8)), 32),
                null,
                null,
                "01",
                "GRCB",
                i % 2 == 0 ? "110" : "310",
                year,
                OffsetDateTime.of(year, 1 + i % 12, 1 + i % 28, 9, 0, 0, 0, ZoneOffset.ofHours(8)),
                first ? 2 : 3,
                org,
                clearance,
                first ? "甲县社保中心" : "乙县社保中心",
                "D30",
                "PRESERVED",
                "SL" + i,
                text,
                null,
                null,
                null);
    }

    static void deleteTree(Path dir) throws IOException {
        try (var walk = Files.walk(dir)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
