package org.siarchive.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
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
import org.siarchive.support.IntegrationTest;
import org.siarchive.support.Samples;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** 一人一档 / 一企一档, metadata search and corrections, on the real stack. */
class PartyFilesIT extends IntegrationTest {

    @LocalServerPort
    int port;

    @Autowired
    AuditTrail audit;

    @Autowired
    Catalog catalog;

    @Autowired
    org.siarchive.preservation.Preservation preservation;

    ApiClient api;

    @BeforeEach
    void client() {
        api = new ApiClient(port);
    }

    private JsonNode capture(Submission s, long seed) {
        var r = api.capture(
                s,
                List.of(
                        new FilePart("a.png", "image/png", Samples.png(seed)),
                        new FilePart("b.pdf", "application/pdf", Samples.pdf("p" + seed))),
                Map.of());
        assertThat(r.status()).isEqualTo(201);
        return r.json();
    }

    private static Submission at(Submission s, String handledAt, String docDate) {
        return new Submission(
                s.fondsCode(),
                s.acceptanceNo(),
                s.businessStep(),
                s.insuranceType(),
                s.title(),
                s.responsible(),
                docDate,
                s.docNo(),
                s.securityLevel(),
                s.person(),
                s.employer(),
                s.handler(),
                s.handlingAgency(),
                handledAt,
                s.files());
    }

    @Test
    void thePersonFileListsEveryItemOfThePersonByBusinessTime() {
        String certNo = Samples.citizenId(1971);
        var late = capture(
                at(
                        Samples.personEnrolment(Samples.acceptanceNo(), certNo, "林芳"),
                        "2023-03-01T10:00:00+08:00",
                        "2023-03-01"),
                21);
        var early = capture(
                at(
                        Samples.personEnrolment(Samples.acceptanceNo(), certNo, "林芳"),
                        "2008-07-15T09:00:00+08:00",
                        "2008-07-15"),
                22);
        var middle = capture(
                at(
                        Samples.personEnrolment(Samples.acceptanceNo(), certNo, "林芳"),
                        "2015-11-20T14:30:00+08:00",
                        "2015-11-20"),
                23);

        var file =
                api.postJson("/api/v1/persons/lookup", Map.of("certNo", certNo)).json();

        assertThat(file.get("party").get("name").asString()).isEqualTo("林芳");
        assertThat(file.get("party").get("birthDate").asString()).startsWith("1971-");
        assertThat(ids(file.get("items"))).containsExactly(id(early), id(middle), id(late));
        assertThat(early.get("archiveCode").asString()).contains("·2008-");
    }

    @Test
    void theEmployerFileListsTheEmployersItems() {
        String code = "91510100MA6CK0W1XJ";
        var s = new Submission(
                "0001",
                Samples.acceptanceNo(),
                "DWDJ",
                null,
                "成都某公司参保登记",
                "社保中心",
                "2019-04-02",
                null,
                null,
                null,
                new Submission.Employer(code, "成都某科技有限公司"),
                "经办员",
                "社保中心",
                "2019-04-02T10:00:00+08:00",
                List.of(new Submission.Material("DW01"), new Submission.Material("DW02")));
        var item = capture(s, 24);

        var file = api.get("/api/v1/employers/" + code.toLowerCase() + "/items").json();

        assertThat(file.get("party").get("name").asString()).isEqualTo("成都某科技有限公司");
        assertThat(ids(file.get("items"))).contains(id(item));
        assertThat(item.get("retentionCode").asString()).isEqualTo("Y");
        assertThat(item.get("retentionEnd").isNull()).isTrue();
    }

    @Test
    void metadataSearchFindsByNameIdNumberArchiveCodeCategoryAndYear() throws Exception {
        String certNo = Samples.citizenId(1968);
        var item = capture(Samples.personEnrolment(Samples.acceptanceNo(), certNo, "欧阳娜娜"), 25);
        String code = item.get("archiveCode").asString();

        assertThat(eventually(() -> hits("/api/v1/search?idNumber=" + certNo))).contains(id(item));
        assertThat(hits("/api/v1/search?name=" + enc("欧阳"))).contains(id(item));
        assertThat(hits("/api/v1/search?archiveCode=" + enc(code))).containsExactly(id(item));
        assertThat(hits("/api/v1/search?category=01&year=2024&insuranceType=110&size=100&idNumber=" + certNo))
                .contains(id(item));
        assertThat(hits("/api/v1/search?category=05&idNumber=" + certNo)).isEmpty();
        var page =
                api.get("/api/v1/search?name=" + enc("欧阳") + "&size=1&page=0").json();
        assertThat(page.get("size").asInt()).isEqualTo(1);
    }

    @Test
    void aCorrectionMakesANewPreservationVersionAndIsAudited() {
        var item = capture(Samples.personEnrolment(Samples.acceptanceNo(), Samples.citizenId(1982), "何伟"), 26);

        var corrected = api.postJson(
                "/api/v1/items/" + id(item) + "/corrections",
                Map.of("title", "何伟参保登记（更正）", "responsible", "测试市社会保险事业管理中心", "reason", "题名笔误"));

        assertThat(corrected.status()).isEqualTo(200);
        assertThat(corrected.json().get("objectVersion").asInt()).isEqualTo(2);
        assertThat(corrected.json().get("title").asString()).isEqualTo("何伟参保登记（更正）");
        assertThat(corrected.json().get("archiveCode")).isEqualTo(item.get("archiveCode"));
        assertThat(audit.forObject(AuditedObject.ITEM, id(item)))
                .extracting(AuditTrail.Entry::operation)
                .containsExactly("RECEIVE", "CAPTURE", "CORRECT");
        var refused = api.postJson(
                "/api/v1/items/" + id(item) + "/corrections", Map.of("title", "x", "responsible", "y", "reason", " "));
        assertThat(refused.status()).isEqualTo(422);
    }

    @Test
    void refusesACorrectionWithANulInTheTitleBeforeWritingAnything() {
        // given a preserved item at v1
        var item = capture(Samples.personEnrolment(Samples.acceptanceNo(), Samples.citizenId(1984), "柯南"), 27);
        var before = catalog.requireItem(java.util.UUID.fromString(id(item)));

        // when its title is corrected to one carrying a NUL character
        var refused = api.postJson(
                "/api/v1/items/" + id(item) + "/corrections",
                Map.of("title", "柯南参保\u0000登记", "responsible", "测试中心", "reason", "题名笔误"));

        // then the refusal names the field, and neither the store, the catalogue nor the audit moved
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.json().get("errors").toString()).contains("\"title\"", "specialCharacters");
        assertThat(preservation.headVersion(before.objectId())).contains(1);
        var after = catalog.requireItem(before.id());
        assertThat(after.objectVersion()).isEqualTo(1);
        assertThat(after.title()).isEqualTo(before.title());
        assertThat(audit.forObject(AuditedObject.ITEM, id(item)))
                .extracting(AuditTrail.Entry::operation)
                .containsExactly("RECEIVE", "CAPTURE");
    }

    @Test
    void refusesAnOverlongOrControlCharacterCorrectionFieldByFieldBeforeWriting() {
        var item = capture(Samples.personEnrolment(Samples.acceptanceNo(), Samples.citizenId(1985), "白露"), 28);
        var before = catalog.requireItem(java.util.UUID.fromString(id(item)));

        var refused = api.postJson(
                "/api/v1/items/" + id(item) + "/corrections",
                Map.of(
                        "title", "白露参保登记",
                        "responsible", "中心\u0007",
                        "docNo", "号".repeat(101),
                        "reason", "笔误\u0000"));

        // the input door names every field with forbidden characters at once; field rules then name the rest
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.json().get("errors").toString()).contains("\"responsible\"", "\"reason\"");
        var overlong = api.postJson(
                "/api/v1/items/" + id(item) + "/corrections",
                Map.of("title", "白露参保登记", "responsible", "中心", "docNo", "号".repeat(101), "reason", "笔误"));
        assertThat(overlong.status()).isEqualTo(422);
        assertThat(overlong.json().get("errors").toString()).contains("\"docNo\"", "maxLength");
        assertThat(preservation.headVersion(before.objectId())).contains(1);
        assertThat(audit.forObject(AuditedObject.ITEM, id(item)))
                .extracting(AuditTrail.Entry::operation)
                .containsExactly("RECEIVE", "CAPTURE");
    }

    private List<String> hits(String path) {
        return ids(api.get(path).json().get("content"));
    }

    private static List<String> eventually(java.util.function.Supplier<List<String>> query)
            throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        List<String> result = query.get();
        while (result.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(100);
            result = query.get();
        }
        return result;
    }

    private static String enc(String s) {
        return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8);
    }

    private static String id(JsonNode item) {
        return item.get("id").asString();
    }

    private static List<String> ids(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false)
                .map(n -> n.has("itemId")
                        ? n.get("itemId").asString()
                        : n.get("id").asString())
                .toList();
    }
}
