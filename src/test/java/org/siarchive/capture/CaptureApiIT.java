package org.siarchive.capture;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.siarchive.audit.AuditTrail;
import org.siarchive.audit.AuditedObject;
import org.siarchive.quality.Submission;
import org.siarchive.support.ApiClient;
import org.siarchive.support.ApiClient.FilePart;
import org.siarchive.support.Digests;
import org.siarchive.support.IntegrationTest;
import org.siarchive.support.Samples;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** The capture API on real PostgreSQL and a real OCFL root: the acknowledged path and its refusals. */
class CaptureApiIT extends IntegrationTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AuditTrail audit;

    ApiClient api;

    @BeforeEach
    void client() {
        api = new ApiClient(port);
    }

    private static List<FilePart> twoFiles(long seed) {
        return List.of(
                new FilePart("增员表.png", "image/png", Samples.png(seed)),
                new FilePart("身份证.pdf", "application/pdf", Samples.pdf("ID copy " + seed)));
    }

    private long items() {
        return jdbc.sql("select count(*) from item").query(Long.class).single();
    }

    @Test
    void capturesAnItemWithArchiveCodeRetentionDigestsAndAuditEntries() {
        String id = Samples.citizenId(1980);
        var files = twoFiles(1);

        var r = api.capture(Samples.personEnrolment(Samples.acceptanceNo(), id, "王小明"), files, Map.of());

        assertThat(r.status()).isEqualTo(201);
        JsonNode item = r.json();
        assertThat(item.get("archiveCode").asString()).matches("0001-SB·2024-D100-01·GRCB-\\d{4}");
        assertThat(item.get("status").asString()).isEqualTo("PRESERVED");
        assertThat(item.get("retentionStart").asString()).isEqualTo("2025-01-01");
        assertThat(item.get("retentionEnd").asString()).isEqualTo("2124-12-31");
        assertThat(item.get("handledAt").asString()).isEqualTo("2024-05-10T09:30:00+08:00");
        var stored = item.get("files");
        for (int i = 0; i < files.size(); i++) {
            assertThat(stored.get(i).get("sha256").asString())
                    .isEqualTo(Digests.sha256(files.get(i).bytes()));
            assertThat(stored.get(i).get("sm3").asString())
                    .isEqualTo(Digests.sm3(files.get(i).bytes()));
        }
        assertThat(stored.get(0).get("formatName").asString()).isEqualTo("PNG");
        assertThat(stored.get(1).get("mediaType").asString()).isEqualTo("application/pdf");
        assertThat(audit.forObject(AuditedObject.ITEM, item.get("id").asString()))
                .extracting(AuditTrail.Entry::operation)
                .containsExactly("RECEIVE", "CAPTURE");
    }

    @Test
    void aRepeatedRequestReturnsTheFirstResultAndWritesNothingNew() {
        var submission = Samples.personEnrolment(Samples.acceptanceNo(), Samples.citizenId(1975), "赵丽");
        var files = twoFiles(2);
        var first = api.capture(submission, files, Map.of());
        long before = items();

        var repeat = api.capture(submission, files, Map.of());

        assertThat(repeat.status()).isEqualTo(200);
        assertThat(repeat.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(repeat.json().get("id")).isEqualTo(first.json().get("id"));
        assertThat(repeat.json().get("archiveCode")).isEqualTo(first.json().get("archiveCode"));
        assertThat(items()).isEqualTo(before);
    }

    @Test
    void anIdempotencyKeyHeaderTakesPrecedenceOverTheAcceptanceNumber() {
        String key = "client-" + System.nanoTime();
        var first = api.capture(
                Samples.personEnrolment(Samples.acceptanceNo(), Samples.citizenId(1990), "钱程"),
                twoFiles(3),
                Map.of("Idempotency-Key", key));
        var again = api.capture(
                Samples.personEnrolment(Samples.acceptanceNo(), Samples.citizenId(1990), "钱程"),
                twoFiles(3),
                Map.of("Idempotency-Key", key));

        assertThat(first.status()).isEqualTo(201);
        assertThat(again.status()).isEqualTo(409);
    }

    @Test
    void theSameAcceptanceNumberWithDifferentContentIsAConflict() {
        String no = Samples.acceptanceNo();
        api.capture(Samples.personEnrolment(no, Samples.citizenId(1970), "孙强"), twoFiles(4), Map.of());

        var r = api.capture(Samples.personEnrolment(no, Samples.citizenId(1970), "孙强"), twoFiles(5), Map.of());

        assertThat(r.status()).isEqualTo(409);
        assertThat(r.json().get("detail").asString()).contains(no);
    }

    @Test
    void invalidMetadataIsRefusedWith422NamingEveryFieldAndNothingIsWritten() {
        var bad = new Submission(
                "0001",
                Samples.acceptanceNo(),
                "GRCB",
                "999",
                " ",
                "测试中心",
                "2999-01-01",
                null,
                null,
                new Submission.Person("01", "110105194912310021", "张三"),
                new Submission.Employer("91350100M000100Y44", "测试公司"),
                "李经办",
                "测试中心",
                "yesterday",
                List.of(new Submission.Material("RY01")));
        long before = items();

        var zh = api.capture(bad, List.of(new FilePart("a.png", "image/png", Samples.png(6))), Map.of());
        var en = api.capture(
                bad, List.of(new FilePart("a.png", "image/png", Samples.png(6))), Map.of("Accept-Language", "en"));

        assertThat(zh.status()).isEqualTo(422);
        assertThat(zh.header("Content-Type")).startsWith("application/problem+json");
        assertThat(fields(zh))
                .containsExactlyInAnyOrder(
                        "insuranceType",
                        "title",
                        "docDate",
                        "handledAt",
                        "person.certNo",
                        "employer.creditCode",
                        "files");
        assertThat(message(zh, "person.certNo")).isEqualTo("公民身份号码（证件号码）：公民身份号码校验码错误（GB 11643）");
        assertThat(message(zh, "files")).contains("RY02");
        assertThat(message(en, "employer.creditCode"))
                .isEqualTo("Unified social credit code: wrong check character (GB 32100)");
        assertThat(items()).isEqualTo(before);
    }

    @Test
    void malformedMetadataAndUnknownFieldsAreNamedToo() {
        var files = twoFiles(7);
        assertThat(fields(api.capture("{not json", files, Map.of()))).containsExactly("metadata");
        assertThat(fields(api.capture("{\"titel\":\"x\"}", files, Map.of()))).containsExactly("titel");
        var noFiles = api.capture(
                Samples.personEnrolment(Samples.acceptanceNo(), Samples.citizenId(1985), "周"), List.of(), Map.of());
        assertThat(noFiles.status()).isEqualTo(422);
        assertThat(fields(noFiles)).contains("files");
    }

    @Test
    void formatsAreIdentifiedByContentNotByName() {
        long before = items();
        var lying = List.of(
                new FilePart("增员表.pdf", "application/pdf", "just text".getBytes(StandardCharsets.UTF_8)),
                new FilePart("身份证.pdf", "application/pdf", truncated(Samples.pdf("cut short"))));

        var r = api.capture(
                Samples.personEnrolment(Samples.acceptanceNo(), Samples.citizenId(1988), "吴"), lying, Map.of());

        assertThat(r.status()).isEqualTo(422);
        assertThat(rules(r)).containsExactly("formatNotAccepted", "formatUnreadable");
        assertThat(items()).isEqualTo(before);
        assertThat(Files.exists(DATA_DIR.resolve("staging"))).isTrue();
        assertThat(DATA_DIR.resolve("staging").toFile().list()).isEmpty();
    }

    @Test
    void theFilingCheckBlocksAFileWhoseNameLiesAboutItsFormatAndKeepsItsReport() {
        long before = items();
        String acceptance = Samples.acceptanceNo();
        var files = List.of(
                new FilePart("增员表.pdf", "application/pdf", Samples.png(31)),
                new FilePart("身份证.pdf", "application/pdf", Samples.pdf("ID copy 31")));

        var r = api.capture(Samples.personEnrolment(acceptance, Samples.citizenId(1971), "冯"), files, Map.of());

        assertThat(r.status()).isEqualTo(422);
        assertThat(fields(r)).containsExactly("files[0]");
        assertThat(rules(r)).containsExactly("checkFailed");
        assertThat(message(r, "files[0]")).contains("GD-1-10", "电子属性一致性检测", ".pdf", "PNG");
        assertThat(items()).isEqualTo(before);
        var run = jdbc.sql("select id, overall from check_run where stage = 'GD' and subject = :s")
                .param("s", acceptance)
                .query((rs, n) -> Map.entry(rs.getLong(1), rs.getString(2)))
                .single();
        assertThat(run.getValue()).isEqualTo("FAIL");
        assertThat(jdbc.sql("select code || ' ' || result from check_result where run_id = :r order by code")
                        .param("r", run.getKey())
                        .query(String.class)
                        .list())
                .contains("GD-1-10 FAIL", "GD-1-1 PASS", "GD-2-4 PASS", "GD-2-7 PASS", "GD-3-3 PASS");
        assertThat(audit.forObject(AuditedObject.CHECK_RUN, Long.toString(run.getKey())))
                .extracting(AuditTrail.Entry::operation)
                .containsExactly("FINISH");

        var en = api.capture(
                Samples.personEnrolment(Samples.acceptanceNo(), Samples.citizenId(1972), "冯"),
                files,
                Map.of("Accept-Language", "en"));
        assertThat(message(en, "files[0]")).contains("four-property check GD-1-10");
    }

    @Test
    void xmlWithEntityDeclarationsIsRefused() {
        byte[] xxe =
                """
                <?xml version="1.0"?>
                <!DOCTYPE r [<!ENTITY e SYSTEM "file:///etc/passwd">]>
                <r>&e;</r>
                """
                        .getBytes(StandardCharsets.UTF_8);
        var files = List.of(
                new FilePart("a.xml", "application/xml", xxe), new FilePart("b.png", "image/png", Samples.png(8)));

        var r = api.capture(
                Samples.personEnrolment(Samples.acceptanceNo(), Samples.citizenId(1966), "郑"), files, Map.of());

        assertThat(r.status()).isEqualTo(422);
        assertThat(rules(r)).containsExactly("formatUnreadable");
    }

    @Test
    void aFileNameIsNeverUsedAsAPath() {
        var files = List.of(
                new FilePart("../../../../etc/cron.d/x.png", "image/png", Samples.png(9)),
                new FilePart("..\\..\\evil.pdf", "application/pdf", Samples.pdf("x")));

        var r = api.capture(
                Samples.personEnrolment(Samples.acceptanceNo(), Samples.citizenId(1977), "冯"), files, Map.of());

        assertThat(r.status()).isEqualTo(201);
        assertThat(r.json().get("files").get(0).get("originalName").asString()).isEqualTo("x.png");
        String code = r.json().get("archiveCode").asString();
        // DA/T 31 naming: 档号 and file number, never the sender's name
        assertThat(r.json().get("files").get(0).get("logicalPath").asString())
                .isEqualTo("content/" + code + "-0001.png");
        assertThat(r.json().get("files").get(1).get("logicalPath").asString())
                .isEqualTo("content/" + code + "-0002.pdf");
        assertThat(r.json().get("files").get(1).get("originalName").asString()).isEqualTo("evil.pdf");
    }

    @Test
    void anOversizeUploadIsRefusedWith413() {
        byte[] big = new byte[6 * 1024 * 1024];
        new java.util.Random(1).nextBytes(big);
        var files =
                List.of(new FilePart("big.png", "image/png", big), new FilePart("b.png", "image/png", Samples.png(10)));

        var r = api.capture(
                Samples.personEnrolment(Samples.acceptanceNo(), Samples.citizenId(1979), "陈"), files, Map.of());

        assertThat(r.status()).isEqualTo(413);
        assertThat(r.json().get("title").asString()).isEqualTo("上传内容过大");
    }

    @Test
    void readBackStreamsTheExactBytesAndRefusesAlteredContent() throws Exception {
        var files = twoFiles(11);
        var item = api.capture(
                        Samples.personEnrolment(Samples.acceptanceNo(), Samples.citizenId(1960), "褚"), files, Map.of())
                .json();
        String id = item.get("id").asString();

        for (int seq = 1; seq <= 2; seq++) {
            var download = api.get("/api/v1/items/" + id + "/files/" + seq);
            assertThat(download.status()).isEqualTo(200);
            assertThat(download.body()).isEqualTo(files.get(seq - 1).bytes());
            assertThat(download.header("X-Content-SM3"))
                    .isEqualTo(Digests.sm3(files.get(seq - 1).bytes()));
        }

        Path stored = storedFile(files.get(0).bytes());
        byte[] altered = Files.readAllBytes(stored);
        altered[altered.length / 2] ^= 0x01;
        Files.write(stored, altered);

        var refused = api.get("/api/v1/items/" + id + "/files/1");
        assertThat(refused.status()).isEqualTo(500);
        assertThat(refused.json().get("type").asString()).isEqualTo("urn:siarchive:problem:integrity");
        assertThat(new String(refused.body(), StandardCharsets.UTF_8))
                .doesNotContain("Exception")
                .doesNotContain("at org.");
    }

    @Test
    void unknownAndMalformedIdsAnswer404() {
        assertThat(api.get("/api/v1/items/00000000-0000-0000-0000-000000000000").status())
                .isEqualTo(404);
        assertThat(api.get("/api/v1/items/not-a-uuid").status()).isEqualTo(404);
        assertThat(api.get("/api/v1/items/not-a-uuid/files/1").status()).isEqualTo(404);
        assertThat(api.postJson("/api/v1/persons/lookup", Map.of("certNo", "11010519491231002X"))
                        .status())
                .isIn(200, 404);
        assertThat(api.get("/api/v1/employers/91350100M000100Y43/items").status())
                .isEqualTo(404);
    }

    @Test
    void theApiIsDescribedByAnOpenApiDocument() {
        var doc = api.get("/v3/api-docs");
        assertThat(doc.status()).isEqualTo(200);
        assertThat(doc.json().get("paths").has("/api/v1/captures")).isTrue();
        assertThat(doc.json().get("paths").has("/capture")).isFalse();
    }

    private Path storedFile(byte[] content) throws Exception {
        String sha = Digests.sha256(content);
        try (var walk = Files.walk(DATA_DIR.resolve("ocfl"))) {
            return walk.filter(Files::isRegularFile)
                    .filter(p -> p.toString().contains("/content/"))
                    .filter(p -> {
                        try {
                            return Digests.sha256(Files.readAllBytes(p)).equals(sha);
                        } catch (Exception e) {
                            return false;
                        }
                    })
                    .findFirst()
                    .orElseThrow();
        }
    }

    private static byte[] truncated(byte[] pdf) {
        return java.util.Arrays.copyOf(pdf, 40);
    }

    static List<String> fields(ApiClient.Response r) {
        return errors(r).stream().map(e -> e.get("field").asString()).toList();
    }

    static List<String> rules(ApiClient.Response r) {
        return errors(r).stream().map(e -> e.get("rule").asString()).toList();
    }

    static String message(ApiClient.Response r, String field) {
        return errors(r).stream()
                .filter(e -> e.get("field").asString().equals(field))
                .map(e -> e.get("message").asString())
                .findFirst()
                .orElseThrow();
    }

    private static List<JsonNode> errors(ApiClient.Response r) {
        assertThat(r.status()).isEqualTo(422);
        return StreamSupport.stream(r.json().get("errors").spliterator(), false).toList();
    }
}
