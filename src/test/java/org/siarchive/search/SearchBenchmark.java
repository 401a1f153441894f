package org.siarchive.search;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.QueryBuilder;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.siarchive.crypto.Sm3;
import org.siarchive.quality.CitizenIdNumber;
import org.siarchive.shared.Scope;

/**
 * Search benchmark: indexing rate (docs/s) of the platform's index (smartcn + bigrams + pinyin + facets +
 * personal-number tokenising, one writer) beside raw Lucene indexing the same texts with smartcn only, and
 * query latency p50/p95 (platform: scope filters, facets over all hits, highlighted snippets; raw: the
 * same words on a plain {@link IndexSearcher}, top 10) at 100,000 and 1,000,000 items, 2 cores.
 * {@code -Dbench.sizes=100000,1000000 -Dbench.queries=200}.
 */
@Tag("bench")
class SearchBenchmark {

    static final String[] FORMS = SearchQualityTest.FORMS;
    static final String[] SURNAMES = SearchQualityTest.SURNAMES;
    static final String[] GIVEN = SearchQualityTest.GIVEN;
    final byte[] key = "search-benchmark-index-key-32byt".getBytes(StandardCharsets.UTF_8);

    @Test
    void indexAndQuery() throws Exception {
        int[] sizes = Arrays.stream(
                        System.getProperty("bench.sizes", "100000,1000000").split(","))
                .mapToInt(Integer::parseInt)
                .toArray();
        int queries = Integer.getInteger("bench.queries", 200);
        for (int size : sizes) {
            run(size, queries);
        }
    }

    private void run(int n, int queries) throws Exception {
        Path tmp = Files.createTempDirectory("siarchive-search-bench");
        var platform =
                new LuceneArchiveSearch(tmp.resolve("platform"), v -> Arrays.copyOf(Sm3.hmac(key, v.getBytes()), 32));
        var random = new Random(42);
        var certs = new ArrayList<String>();
        var names = new ArrayList<String>();
        var codes = new ArrayList<String>();
        long t0 = System.nanoTime();
        for (int i = 0; i < n; i++) {
            var e = entry(i, random);
            if (i % Math.max(1, n / 1000) == 0) {
                certs.add(certOf(e));
                names.add(e.personName());
                codes.add(e.archiveCode());
            }
            platform.index(e);
        }
        platform.commit(java.util.Map.of());
        double platformRate = n / ((System.nanoTime() - t0) / 1e9);

        // raw Lucene: the same title + text, smartcn only, a stored id, no facets, no folding, no tokenising
        random = new Random(42);
        long t1 = System.nanoTime();
        try (var dir = FSDirectory.open(tmp.resolve("raw"));
                var writer = new IndexWriter(
                        dir, new IndexWriterConfig(new SmartChineseAnalyzer()).setRAMBufferSizeMB(48))) {
            for (int i = 0; i < n; i++) {
                var e = entry(i, random);
                var d = new Document();
                d.add(new StringField("id", e.itemId().toString(), Field.Store.YES));
                d.add(new StringField("code", e.archiveCode(), Field.Store.NO));
                d.add(new TextField("w", e.title() + "\n" + e.personName() + "\n" + e.text(), Field.Store.NO));
                d.add(new StoredField("title", e.title()));
                writer.addDocument(d);
            }
            writer.commit();
        }
        double rawRate = n / ((System.nanoTime() - t1) / 1e9);

        var texts = new ArrayList<String>();
        var rnd = new Random(7);
        for (int i = 0; i < queries; i++) {
            texts.add(
                    switch (i % 5) {
                        case 0 -> "保险金";
                        case 1 -> "养老保险待遇";
                        case 2 -> certs.get(rnd.nextInt(certs.size()));
                        case 3 -> codes.get(rnd.nextInt(codes.size()));
                        default -> FORMS[rnd.nextInt(FORMS.length)];
                    });
        }
        var scope = new Scope("/1/2/", null, 2);
        // warm both
        for (String q : texts.subList(0, Math.min(50, texts.size()))) {
            platform.search(query(q), scope);
        }
        var platformTimes = new long[texts.size()];
        for (int i = 0; i < texts.size(); i++) {
            long s = System.nanoTime();
            platform.search(query(texts.get(i)), scope);
            platformTimes[i] = System.nanoTime() - s;
        }
        var rawTimes = new long[texts.size()];
        try (var dir = FSDirectory.open(tmp.resolve("raw"));
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
                rawTimes[i] = System.nanoTime() - s;
            }
        }
        platform.close();
        System.out.printf("search benchmark, %,d items (2 cores)%n", n);
        System.out.printf(
                "  indexing: platform %,.0f docs/s, raw Lucene (smartcn only) %,.0f docs/s, ratio %.2f%n",
                platformRate, rawRate, platformRate / rawRate);
        System.out.printf(
                "  queries (%d, mixed): platform p50 %.1f ms p95 %.1f ms; raw p50 %.1f ms p95 %.1f ms; p95 ratio %.2f%n",
                texts.size(),
                pct(platformTimes, 50),
                pct(platformTimes, 95),
                pct(rawTimes, 50),
                pct(rawTimes, 95),
                pct(platformTimes, 95) / pct(rawTimes, 95));
        deleteTree(tmp);
    }

    private static Query raw(QueryBuilder b, String q) {
        if (q.contains("·")) {
            return new TermQuery(new Term("code", q));
        }
        Query p = b.createBooleanQuery("w", q, org.apache.lucene.search.BooleanClause.Occur.MUST);
        return p == null ? new TermQuery(new Term("w", q)) : p;
    }

    private static SearchQuery query(String text) {
        return new SearchQuery(
                null, null, null, null, null, null, text, List.of(), null, null, null, null, null, 0, 10);
    }

    private static double pct(long[] nanos, int p) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)] / 1e6;
    }

    private String certOf(SearchEntry e) {
        return e.text().substring(e.text().indexOf("公民身份号码") + 6, e.text().indexOf("公民身份号码") + 24);
    }

    private SearchEntry entry(int i, Random random) {
        String form = FORMS[random.nextInt(FORMS.length)];
        String name = SURNAMES[random.nextInt(SURNAMES.length)]
                + GIVEN[random.nextInt(GIVEN.length)]
                + (random.nextBoolean() ? GIVEN[random.nextInt(GIVEN.length)] : "");
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
        return new SearchEntry(
                new UUID(1, i),
                "0001-SB·%d-D30-01·GRCB-%07d".formatted(year, i),
                form,
                name,
                Arrays.copyOf(Sm3.hmac(key, cert.getBytes()), 32),
                null,
                null,
                "01",
                "GRCB",
                i % 2 == 0 ? "110" : "310",
                year,
                OffsetDateTime.of(year, 1 + i % 12, 1 + i % 28, 9, 0, 0, 0, ZoneOffset.ofHours(8)),
                org.equals("/1/2/") ? 2 : 3,
                org,
                clearance,
                org.equals("/1/2/") ? "甲县社保中心" : "乙县社保中心",
                "D30",
                "PRESERVED",
                "SL" + i,
                text,
                null,
                null,
                null);
    }

    private static void deleteTree(Path dir) throws java.io.IOException {
        try (var walk = Files.walk(dir)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
