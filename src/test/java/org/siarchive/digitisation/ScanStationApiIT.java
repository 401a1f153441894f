package org.siarchive.digitisation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.siarchive.organisation.Organisations;
import org.siarchive.security.ApiTokens;
import org.siarchive.security.Role;
import org.siarchive.shared.Actor;
import org.siarchive.support.ApiClient;
import org.siarchive.support.ApiClient.FilePart;
import org.siarchive.support.HostileXml;
import org.siarchive.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The scanning-station API end to end over HTTP, on real storage, PostgreSQL, the worker and Tesseract
 * (issue 15, docs/adr/0061): a vendor's station opens a batch, uploads its pages in two requests (a zip,
 * then plain images), attaches a manifest and submits; an archivist's tool reads the QC flags and
 * suggestions and confirms an item into the catalogue with its 档号. Vendors see only their own batches
 * and never the items; bad input is refused with problem details and leaves nothing behind.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ScanStationApiIT extends IntegrationTest {

    static final String BASE = "/api/v1/scan-batches";

    @LocalServerPort
    int port;

    @Autowired
    ApiTokens tokens;

    @Autowired
    Organisations organisations;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ScanIntake intake;

    final String run = Integer.toString(ThreadLocalRandom.current().nextInt(100_000, 999_999));
    ApiClient archivist;
    ApiClient vendorA;
    ApiClient vendorB;

    @BeforeAll
    void tokens() {
        long root = organisations.root().id();
        archivist = token("station-" + run, Role.ARCHIVIST.permissions());
        vendorA = token("vendor-a-" + run, Role.SCAN_VENDOR.permissions());
        vendorB = token("vendor-b-" + run, Role.SCAN_VENDOR.permissions());
        assertThat(root).isPositive();
    }

    private ApiClient token(String client, Set<String> scopes) {
        var issued = tokens.issue(client, organisations.root().id(), scopes, 3, null, 1, Actor.SYSTEM);
        return new ApiClient(port, issued.token());
    }

    @Test
    void aVendorFeedsABatchInTwoUploadsAndAnArchivistConfirmsAnItemIntoTheCatalogue() throws Exception {
        // given a batch a vendor's station opened
        UUID batch = open(vendorA, "外包扫描" + run);
        // when it uploads a zip of two pages, retries it with the same key, then sends two plain images
        byte[] zip = zip(Map.of(
                "box1/0001.png", ScanBatchIT.page("参保人员增员表", 51, 0.3, false),
                "box1/0002.png", ScanBatchIT.page("居民身份证复印件", 51, -0.2, false)));
        var first = vendorA.files(pages(batch), "files", List.of(zipPart(zip)), Map.of("Idempotency-Key", "u1-" + run));
        assertThat(first.status()).as(first.json().toString()).isEqualTo(201);
        assertThat(first.json().path("firstSeq").asInt()).isEqualTo(1);
        var retried =
                vendorA.files(pages(batch), "files", List.of(zipPart(zip)), Map.of("Idempotency-Key", "u1-" + run));
        assertThat(retried.status()).isEqualTo(200);
        assertThat(retried.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(retried.json().path("pagesTotal").asInt())
                .as("a retry adds no page")
                .isEqualTo(2);
        var second = vendorA.files(
                pages(batch),
                "files",
                List.of(
                        png("z-reduction.png", ScanBatchIT.page("参保人员减员表", 52, 0.1, false)),
                        png(
                                "a-blank.png",
                                org.siarchive.support.ScanPages.png(
                                        org.siarchive.support.ScanPages.blank(300, true, 7), 300))),
                Map.of());
        assertThat(second.status()).isEqualTo(201);
        assertThat(second.json().path("firstSeq").asInt()).isEqualTo(3);
        assertThat(second.json().path("pagesTotal").asInt()).isEqualTo(4);
        // and attaches a manifest of two items and submits
        var manifest = vendorA.files(
                BASE + "/" + batch + "/manifest",
                "file",
                List.of(new FilePart(
                        "manifest.csv",
                        "text/csv",
                        "pages,business_step,cert_no,name,title\n1-2,,,,\n3-4,,,,\n".getBytes(StandardCharsets.UTF_8))),
                Map.of());
        assertThat(manifest.status()).as(manifest.json().toString()).isEqualTo(200);
        var submitted = vendorA.postJson(BASE + "/" + batch + "/submit", Map.of());
        assertThat(submitted.status()).isEqualTo(200);
        assertThat(submitted.json().path("status").asString()).isEqualTo("PROCESSING");

        // then its progress reaches QC on the vendor's own token
        var progress = awaitQc(vendorA, batch);
        assertThat(progress.path("pagesDone").asInt()).isEqualTo(4);
        assertThat(progress.path("pagesFlagged").asInt()).isGreaterThanOrEqualTo(1);
        // but the vendor reads no item and confirms nothing
        assertThat(vendorA.get(BASE + "/" + batch + "/items").status()).isEqualTo(403);

        // the archivist's tool reads the items with flags and suggestions, pages in upload order
        var items = archivist.get(BASE + "/" + batch + "/items");
        assertThat(items.status()).isEqualTo(200);
        var list = items.json();
        assertThat(list).hasSize(2);
        assertThat(seqs(list.get(0))).containsExactly(1, 2);
        assertThat(seqs(list.get(1))).containsExactly(3, 4);
        assertThat(list.get(1).path("pages").path(0).path("sourceName").asString())
                .isEqualTo("z-reduction.png");
        assertThat(list.get(1).path("pages").path(1).path("flags").toString()).contains("BLANK");
        var one = list.get(0);
        assertThat(one.path("suggestedStep").asString()).isEqualTo("GRCB");
        assertThat(one.path("suggestionConfidence").asDouble()).isPositive();
        assertThat(one.path("suggestedTitle").asString()).isNotBlank();
        String id = ScanBatchIT.id(51);
        assertThat(one.path("certNoMasked").asString()).isEqualTo(id.substring(0, 6) + "********" + id.substring(14));
        assertThat(list.toString()).doesNotContain(id);
        String itemId = one.path("id").asString();
        String confirmPath = BASE + "/" + batch + "/items/" + itemId + "/confirm";
        var confirm = Map.of("businessStep", "GRCB", "personName", "周亮远", "title", "参保人员增员表", "docDate", "2024-05-10");
        assertThat(vendorA.postJson(confirmPath, confirm).status()).isEqualTo(403);

        // a refused confirmation names the fields and files nothing
        var refused = archivist.postJson(confirmPath, Map.of("businessStep", "NOPE", "docDate", "2024-13-45"));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(fields(refused.json())).contains("businessStep");
        assertThat(status(itemId)).isEqualTo("PENDING");

        // when it confirms, the item is filed and the catalogue API shows it under the answered 档号
        var filed = archivist.postJson(confirmPath, confirm);
        assertThat(filed.status()).as(filed.json().toString()).isEqualTo(201);
        String code = filed.json().path("archiveCode").asString();
        assertThat(code).isNotBlank();
        var item = archivist.get("/api/v1/items/" + filed.json().path("itemId").asString());
        assertThat(item.status()).isEqualTo(200);
        assertThat(item.json().path("archiveCode").asString()).isEqualTo(code);
        assertThat(status(itemId)).isEqualTo("CONFIRMED");
    }

    @Test
    void aVendorSeesOnlyItsOwnBatchesAndAnotherVendorsAnswer404Everywhere() throws Exception {
        UUID batch = open(vendorA, "甲服务商" + run);
        String b = BASE + "/" + batch;
        var page = List.of(png("1.png", ScanBatchIT.page("参保人员增员表", 61, 0.2, false)));
        assertThat(vendorB.get(b).status()).isEqualTo(404);
        assertThat(vendorB.files(b + "/pages", "files", page, Map.of()).status())
                .isEqualTo(404);
        assertThat(vendorB.files(b + "/manifest", "file", List.of(csv("pages\n1,,,,\n")), Map.of())
                        .status())
                .isEqualTo(404);
        assertThat(vendorB.postJson(b + "/submit", Map.of()).status()).isEqualTo(404);
        assertThat(vendorB.get(BASE).body()).asString(StandardCharsets.UTF_8).doesNotContain(batch.toString());
        assertThat(pagesTotal(batch))
                .as("nothing of vendor B reached the batch")
                .isZero();
        // the owner and the archivists of its scope see it as before
        assertThat(vendorA.get(BASE).body()).asString(StandardCharsets.UTF_8).contains(batch.toString());
        assertThat(vendorA.files(b + "/pages", "files", page, Map.of()).status())
                .isEqualTo(201);
        assertThat(archivist.get(b).status()).isEqualTo(200);
        assertThat(vendorB.get(b).body()).asString(StandardCharsets.UTF_8).doesNotContain("甲服务商");
    }

    @Test
    void badInputIsRefusedWithProblemDetailsAndLeavesNothingBehind() throws Exception {
        var opened = archivist.postJson(BASE, Map.of("name", " ", "fondsCode", "NOSUCH", "samplePercent", 1));
        assertThat(opened.status()).isEqualTo(422);
        assertThat(fields(opened.json())).contains("name", "fondsCode", "samplePercent");

        UUID batch = open(archivist, "坏输入" + run);
        String b = BASE + "/" + batch;
        var dir = DATA_DIR.resolve("digitisation").resolve(batch.toString());
        // a malformed (cut-off) zip, a file that is no page, a page over the upload size
        byte[] whole = zip(Map.of("1.png", ScanBatchIT.page("参保人员增员表", 70, 0.2, false)));
        byte[] cut = java.util.Arrays.copyOf(whole, whole.length / 2);
        expect422(archivist.files(b + "/pages", "files", List.of(zipPart(cut)), Map.of()), "file", "zip");
        expect422(
                archivist.files(
                        b + "/pages",
                        "files",
                        List.of(new FilePart("notes.txt", "text/plain", new byte[] {65})),
                        Map.of()),
                "file",
                "scanFormat");
        var big = new byte[6 << 20];
        ThreadLocalRandom.current().nextBytes(big);
        var oversize = archivist.files(b + "/pages", "files", List.of(png("big.png", big)), Map.of());
        assertThat(oversize.status()).isEqualTo(413);
        assertThat(oversize.header("Content-Type")).contains("application/problem+json");
        assertThat(pagesTotal(batch)).isZero();
        assertThat(filesIn(dir)).isEmpty();

        // a path trick in a zip goes nowhere: the page is stored under its number inside the batch
        byte[] trick = zip(Map.of("../../../escaped.png", ScanBatchIT.page("参保人员增员表", 71, 0.2, false)));
        assertThat(archivist
                        .files(b + "/pages", "files", List.of(zipPart(trick)), Map.of())
                        .status())
                .isEqualTo(201);
        assertThat(filesIn(dir)).containsExactly("p00001.png");
        assertThat(Files.exists(DATA_DIR.resolve("escaped.png"))).isFalse();
        assertThat(Files.exists(dir.getParent().getParent().resolve("escaped.png")))
                .isFalse();

        // files a crash left without rows are gone at the next upload
        Files.write(dir.resolve("p00002.png"), new byte[] {1, 2, 3});
        Files.createDirectories(dir.resolve(".incoming-crashed"));
        // the caps hold across uploads (lowered here: the real ones take gigabytes)
        var caps = intake.caps();
        intake.caps(new ScanIntake.Caps(2, caps.maxBytes()));
        try {
            var two = List.of(
                    png("2.png", ScanBatchIT.page("参保人员增员表", 72, 0.2, false)),
                    png("3.png", ScanBatchIT.page("参保人员增员表", 73, 0.2, false)));
            expect422(archivist.files(b + "/pages", "files", two, Map.of()), "file", "tooManyPages");
        } finally {
            intake.caps(caps);
        }
        assertThat(filesIn(dir)).containsExactly("p00001.png");
        assertThat(pagesTotal(batch)).isEqualTo(1);

        // manifests: an Excel workbook declaring entities, a malformed line, a page beyond the batch at submit
        try (var attacker = new HostileXml()) {
            byte[] xlsx = attacker.plantIntoZip(xlsx(), n -> n.equals("xl/workbook.xml"));
            expect422(
                    archivist.files(
                            b + "/manifest",
                            "file",
                            List.of(new FilePart("manifest.xlsx", "application/octet-stream", xlsx)),
                            Map.of()),
                    "manifest",
                    "xlsx");
            assertThat(attacker.hits()).isZero();
        }
        expect422(
                archivist.files(b + "/manifest", "file", List.of(csv("pages\nx-y,,,,\n")), Map.of()),
                "manifest",
                "manifestLine");
        assertThat(archivist
                        .files(b + "/manifest", "file", List.of(csv("pages\n1,,,,\n5,,,,\n")), Map.of())
                        .status())
                .isEqualTo(200);
        expect422(archivist.postJson(b + "/submit", Map.of()), "manifest", "manifestBeyondPages");
        assertThat(archivist.get(b).json().path("status").asString()).isEqualTo("OPEN");
        assertThat(jdbc.sql("select count(*) from scan_item where batch_id = :b")
                        .param("b", batch)
                        .query(Integer.class)
                        .single())
                .isZero();

        // wrong status: an empty batch cannot be submitted; a submitted one takes nothing more
        UUID empty = open(archivist, "空批次" + run);
        expect422(archivist.postJson(BASE + "/" + empty + "/submit", Map.of()), "file", "noPages");
        assertThat(archivist
                        .files(b + "/manifest", "file", List.of(csv("pages\n1,,,,\n")), Map.of())
                        .status())
                .isEqualTo(200);
        assertThat(archivist.postJson(b + "/submit", Map.of()).status()).isEqualTo(200);
        var late = archivist.files(
                b + "/pages", "files", List.of(png("4.png", ScanBatchIT.page("参保人员增员表", 74, 0, false))), Map.of());
        assertThat(late.status()).isEqualTo(409);
        assertThat(late.header("Content-Type")).contains("application/problem+json");
        assertThat(archivist.postJson(b + "/submit", Map.of()).status()).isEqualTo(409);
        assertThat(pagesTotal(batch)).isEqualTo(1);
        assertThat(filesIn(dir)).containsExactly("p00001.png");
    }

    // ------------------------------------------------------------------ helpers

    private UUID open(ApiClient client, String name) {
        var r = client.postJson(BASE, Map.of("name", name, "fondsCode", "0001", "ocr", true, "samplePercent", 100));
        assertThat(r.status()).as(new String(r.body(), StandardCharsets.UTF_8)).isEqualTo(201);
        assertThat(r.json().path("status").asString()).isEqualTo("OPEN");
        assertThat(r.header("Location")).endsWith(r.json().path("id").asString());
        return UUID.fromString(r.json().path("id").asString());
    }

    private JsonNode awaitQc(ApiClient client, UUID batch) throws InterruptedException {
        JsonNode p = null;
        for (int i = 0; i < 360; i++) {
            p = client.get(BASE + "/" + batch).json();
            if (!p.path("status").asString().equals("PROCESSING")) {
                break;
            }
            Thread.sleep(500);
        }
        assertThat(p.path("status").asString()).isEqualTo("QC");
        return p;
    }

    private static String pages(UUID batch) {
        return BASE + "/" + batch + "/pages";
    }

    private static List<Integer> seqs(JsonNode item) {
        var out = new ArrayList<Integer>();
        item.path("pages").forEach(p -> out.add(p.path("seq").asInt()));
        return out;
    }

    private static List<String> fields(JsonNode problem) {
        var out = new ArrayList<String>();
        problem.path("errors").forEach(e -> out.add(e.path("field").asString()));
        return out;
    }

    private static void expect422(ApiClient.Response r, String field, String rule) {
        assertThat(r.status()).as(new String(r.body(), StandardCharsets.UTF_8)).isEqualTo(422);
        assertThat(r.header("Content-Type")).contains("application/problem+json");
        var found = new ArrayList<String>();
        r.json()
                .path("errors")
                .forEach(e -> found.add(
                        e.path("field").asString() + "/" + e.path("rule").asString()));
        assertThat(found).contains(field + "/" + rule);
    }

    private String status(String scanItem) {
        return jdbc.sql("select status from scan_item where id = :i")
                .param("i", UUID.fromString(scanItem))
                .query(String.class)
                .single();
    }

    private int pagesTotal(UUID batch) {
        int rows = jdbc.sql("select count(*) from scan_page where batch_id = :b")
                .param("b", batch)
                .query(Integer.class)
                .single();
        int total = jdbc.sql("select pages_total from scan_batch where id = :b")
                .param("b", batch)
                .query(Integer.class)
                .single();
        assertThat(rows).as("page rows and the batch's count agree").isEqualTo(total);
        return total;
    }

    private static List<String> filesIn(java.nio.file.Path dir) throws Exception {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (var files = Files.list(dir)) {
            return files.map(f -> f.getFileName().toString()).sorted().toList();
        }
    }

    private static FilePart png(String name, byte[] bytes) {
        return new FilePart(name, "image/png", bytes);
    }

    private static FilePart zipPart(byte[] bytes) {
        return new FilePart("pages.zip", "application/zip", bytes);
    }

    private static FilePart csv(String text) {
        return new FilePart("manifest.csv", "text/csv", text.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] zip(Map<String, byte[]> entries) throws Exception {
        var out = new ByteArrayOutputStream();
        try (var z = new ZipOutputStream(out, StandardCharsets.UTF_8)) {
            for (var e : new java.util.TreeMap<>(entries).entrySet()) {
                z.putNextEntry(new ZipEntry(e.getKey()));
                z.write(e.getValue());
                z.closeEntry();
            }
        }
        return out.toByteArray();
    }

    private static byte[] xlsx() throws Exception {
        try (var wb = new XSSFWorkbook();
                var out = new ByteArrayOutputStream()) {
            var sheet = wb.createSheet("清单");
            sheet.createRow(0).createCell(0).setCellValue("pages");
            sheet.createRow(1).createCell(0).setCellValue("1");
            wb.write(out);
            return out.toByteArray();
        }
    }
}
