package org.siarchive.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.siarchive.capture.Captures;
import org.siarchive.capture.Upload;
import org.siarchive.catalog.Catalog;
import org.siarchive.catalog.ItemRecord;
import org.siarchive.organisation.OrgUnit;
import org.siarchive.organisation.Organisations;
import org.siarchive.shared.Actor;
import org.siarchive.shared.ReadableTime;
import org.siarchive.support.ApiClient;
import org.siarchive.support.ConsoleSession;
import org.siarchive.support.IntegrationTest;
import org.siarchive.support.Samples;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Insecure direct object references, one resource type at a time: people of 锦江区 (a clerk, an approver,
 * an archivist, and an API token of the county) walk the ids of 青羊区's resources, made in the test by
 * 青羊区's own people, on every by-id path of the console and the API. Each answers 404 — the answer for
 * an id that does not exist — never the other county's data, and no list shows them (docs/adr/0031).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IdorIT extends IntegrationTest {

    @LocalServerPort
    int port;

    @Autowired
    Accounts accounts;

    @Autowired
    Organisations organisations;

    @Autowired
    Catalog catalog;

    @Autowired
    Captures captures;

    @Autowired
    ApiTokens tokens;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    org.siarchive.digitisation.ScanBatches scanBatches;

    final String run = Integer.toString(ThreadLocalRandom.current().nextInt(100_000, 999_999));
    OrgUnit city;
    OrgUnit jinjiang;
    OrgUnit qingyang;
    String fondsJinjiang;
    String fondsQingyang;
    String qingyangCert;
    ItemRecord qingyangItem;
    ItemRecord qingyangSensitive;
    ItemRecord jinjiangItem;
    ConsoleSession jinjiangClerk;
    ConsoleSession jinjiangApprover;
    ConsoleSession jinjiangArchivist;
    ConsoleSession qingyangClerk;
    ConsoleSession qingyangArchivist;
    ConsoleSession cityApprover;
    ConsoleSession cityApprover2;
    ApiClient jinjiangToken;
    String jinjiangClient;

    @BeforeAll
    void twoCountiesOfOneCity() {
        var root = organisations.root();
        city = organisations.create(root.id(), "CD" + run, "成都市社保中心" + run, "CITY", Actor.SYSTEM);
        jinjiang = organisations.create(city.id(), "JJ" + run, "锦江区社保中心" + run, "COUNTY", Actor.SYSTEM);
        qingyang = organisations.create(city.id(), "QY" + run, "青羊区社保中心" + run, "COUNTY", Actor.SYSTEM);
        fondsJinjiang = "J" + run.substring(0, 4);
        fondsQingyang = "Q" + run.substring(0, 4);
        catalog.ensureFonds(fondsJinjiang, "锦江区档案", jinjiang.name(), jinjiang.id(), Actor.SYSTEM);
        catalog.ensureFonds(fondsQingyang, "青羊区档案", qingyang.name(), qingyang.id(), Actor.SYSTEM);
        qingyangCert = Samples.citizenId(1971);
        qingyangItem = capture(fondsQingyang, "1", qingyangCert);
        qingyangSensitive = capture(fondsQingyang, "2", Samples.citizenId(1972));
        jinjiangItem = capture(fondsJinjiang, "1", Samples.citizenId(1973));

        jinjiangClerk = login("jjclerk", jinjiang, Role.CLERK);
        jinjiangApprover = login("jjappr", jinjiang, Role.APPROVER);
        jinjiangArchivist = login("jjarch", jinjiang, Role.ARCHIVIST);
        qingyangClerk = login("qyclerk", qingyang, Role.CLERK);
        qingyangArchivist = login("qyarch", qingyang, Role.ARCHIVIST);
        cityApprover = login("cdappr", city, Role.APPROVER);
        cityApprover2 = login("cdappr2", city, Role.APPROVER);
        jinjiangClient = "jinjiang-" + run;
        var issued = tokens.issue(jinjiangClient, jinjiang.id(), Role.tokenScopes(), 3, null, 1, Actor.SYSTEM);
        jinjiangToken = new ApiClient(port, issued.token());
    }

    private ItemRecord capture(String fonds, String level, String cert) {
        var s = Samples.personEnrolment(fonds, level, Samples.acceptanceNo(), cert, "欧阳明远", "13800138000", null);
        return captures.capture(
                        s,
                        List.of(
                                Upload.ofBytes("a.png", Samples.png(cert.hashCode())),
                                Upload.ofBytes("b.pdf", Samples.pdf(cert))),
                        null,
                        Actor.SYSTEM)
                .item();
    }

    private ConsoleSession login(String name, OrgUnit org, Role role) {
        var l = TestAccounts.create(accounts, name + run, org.id(), Set.of(role), 3, role.requiresSecondFactor());
        var s = new ConsoleSession(port);
        assertThat(s.login(l.username(), l.password(), l.codes())).isEqualTo("/");
        s.get("/account"); // a page with a CSRF token
        return s;
    }

    private static long idOf(ConsoleSession.Page redirect) {
        assertThat(redirect.status()).as(redirect.body()).isEqualTo(302);
        String loc = redirect.location();
        return Long.parseLong(loc.substring(loc.lastIndexOf('/') + 1));
    }

    private static void notFound(ConsoleSession.Page page, String what, String... secrets) {
        assertThat(page.status()).as(what).isEqualTo(404);
        if (secrets.length > 0) {
            assertThat(page.body()).as(what).doesNotContain(secrets);
        }
    }

    private static void notFound(ApiClient.Response r, String what, String... secrets) {
        assertThat(r.status()).as(what).isEqualTo(404);
        assertThat(new String(r.body(), java.nio.charset.StandardCharsets.UTF_8))
                .as(what)
                .doesNotContain(secrets.length > 0 ? secrets : new String[] {"\"id\":"});
    }

    private long auditCount(String type, String id, String operation, String actor) {
        return jdbc.sql(
                        "select count(*) from audit_entry where object_type = :t and object_id = :i and operation = :o and actor = :a")
                .param("t", type)
                .param("i", id)
                .param("o", operation)
                .param("a", actor)
                .query(Long.class)
                .single();
    }

    // ------------------------------------------------------------------ certificate (finding 3)

    private long qingyangCertificate() {
        return idOf(qingyangClerk.post(
                "/certificates", Map.of("idNumber", qingyangCert, "format", "PDF", "purpose", "办理退休")));
    }

    @Test
    void refusesCertificateOfAnotherCounty() {
        // given a certificate 青羊区's clerk issued about a 青羊区 person
        long id = qingyangCertificate();
        String code =
                qingyangClerk.get("/certificates/" + id).body().replaceAll("(?s).*id=\"cert-code\">([^<]+)<.*", "$1");
        assertThat(code).hasSize(16);
        // when 锦江区's clerk walks its id, then it does not exist for them
        notFound(jinjiangClerk.get("/certificates/" + id), "certificate page", code);
        assertThat(jinjiangClerk.bytes("/certificates/" + id + "/file").statusCode())
                .as("certificate file")
                .isEqualTo(404);
        assertThat(jinjiangClerk.get("/certificates").body()).as("list").doesNotContain(code);
        // while its own county and the city above it still see it
        assertThat(qingyangClerk.get("/certificates").body()).contains(code);
        assertThat(qingyangClerk.bytes("/certificates/" + id + "/file").statusCode())
                .isEqualTo(200);
        assertThat(auditCount("CERTIFICATE", code, "ISSUE", "qyclerk" + run)).isEqualTo(1);
    }

    @Test
    void countyClerksCertificateNamesTheirOwnAgencyAsIssuer() throws Exception {
        // when 青羊区's clerk issues a certificate
        long id = qingyangCertificate();
        // then the issuer is 青羊区's agency, not the installation's root
        String issuer = jdbc.sql("select issuer from certificate where id = :id")
                .param("id", id)
                .query(String.class)
                .single();
        assertThat(issuer).isEqualTo(qingyang.name());
        byte[] pdf = qingyangClerk.bytes("/certificates/" + id + "/file").body();
        try (var doc = org.apache.pdfbox.Loader.loadPDF(pdf)) {
            assertThat(new org.apache.pdfbox.text.PDFTextStripper().getText(doc))
                    .contains(qingyang.name());
        }
    }

    // ------------------------------------------------------------------ loan request (finding 6)

    private long qingyangRequest(ItemRecord item) {
        return idOf(qingyangClerk.post(
                "/lending/requests",
                Map.of(
                        "archiveCodes",
                        item.archiveCode(),
                        "purposeCode",
                        "QUERY",
                        "purpose",
                        "青羊区内部核对" + run,
                        "periodDays",
                        "3")));
    }

    @Test
    void approverOfAnotherCountyNeitherListsNorOpensNorDecidesItsLoanRequests() {
        // given a pending request of 青羊区's clerk
        long id = qingyangRequest(qingyangItem);
        String purpose = "青羊区内部核对" + run;
        // when 锦江区's approver looks, then it is absent and 404 on every path
        assertThat(jinjiangApprover.get("/lending").body())
                .as("awaiting list")
                .doesNotContain(purpose, qingyangItem.archiveCode());
        notFound(jinjiangApprover.get("/lending/requests/" + id), "request page", purpose, qingyangItem.archiveCode());
        notFound(
                jinjiangApprover.post("/lending/requests/" + id + "/decision", Map.of("approve", "true")),
                "decision",
                purpose);
        notFound(jinjiangClerk.post("/lending/requests/" + id + "/withdraw", Map.of()), "withdraw", purpose);
        notFound(
                jinjiangClerk.get("/lending/requests/" + id + "/items/" + qingyangItem.id()),
                "viewer",
                qingyangItem.archiveCode());
        // while the city's approver, above both counties, sees and decides it
        assertThat(cityApprover.get("/lending").body()).contains(purpose);
        assertThat(cityApprover
                        .post("/lending/requests/" + id + "/decision", Map.of("approve", "true"))
                        .status())
                .isEqualTo(302);
        assertThat(auditCount("LOAN_REQUEST", Long.toString(id), "APPROVE", "cdappr" + run))
                .isEqualTo(1);
    }

    @Test
    void firstApproverIsNotOfferedTheSecondStep() {
        // given a sensitive request (two approvals) the city's first approver has approved
        long id = qingyangRequest(qingyangSensitive);
        assertThat(cityApprover
                        .post("/lending/requests/" + id + "/decision", Map.of("approve", "true"))
                        .status())
                .isEqualTo(302);
        assertThat(auditCount("LOAN_REQUEST", Long.toString(id), "APPROVE", "cdappr" + run))
                .isEqualTo(1);
        // when they open it again, then 同意/不同意 is not offered to them
        var page = cityApprover.get("/lending/requests/" + id);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).doesNotContain("id=\"decision-form\"");
        // but it is to another approver of the same level
        assertThat(cityApprover2.get("/lending/requests/" + id).body()).contains("id=\"decision-form\"");
    }

    // ------------------------------------------------------------------ physical loan

    @Test
    void physicalLoanOfAnotherCountyIsNotFound() {
        // given 青羊区's archivist lends an original
        long id = idOf(qingyangArchivist.post(
                "/lending/physical",
                Map.of(
                        "borrower",
                        "张借阅" + run,
                        "borrowerUnit",
                        "青羊区法院",
                        "borrowerKind",
                        "PERSON",
                        "purposeCode",
                        "JUDICIAL",
                        "purpose",
                        "庭审质证",
                        "archiveCodes",
                        qingyangItem.archiveCode(),
                        "dueDate",
                        ReadableTime.beijing().today().plusDays(7).toString())));
        // when 锦江区's archivist walks its id, then 404 and absent from the lists
        notFound(jinjiangArchivist.get("/lending/physical/" + id), "loan page", "张借阅" + run);
        notFound(
                jinjiangArchivist.post(
                        "/lending/physical/" + id + "/extend",
                        Map.of(
                                "dueDate",
                                ReadableTime.beijing().today().plusDays(20).toString(),
                                "reason",
                                "x")),
                "extend");
        notFound(jinjiangArchivist.post("/lending/physical/" + id + "/return", Map.of()), "return");
        assertThat(jinjiangArchivist.get("/lending/physical").body()).doesNotContain("张借阅" + run);
        assertThat(qingyangArchivist.get("/lending/physical/" + id).status()).isEqualTo(200);
        // and the utilisation register names the borrower only within 青羊区's scope
        assertThat(jinjiangArchivist.get("/lending/register").body()).doesNotContain("张借阅" + run);
        assertThat(qingyangArchivist.get("/lending/register").body()).contains("张借阅" + run);
        assertThat(auditCount("PHYSICAL_LOAN", Long.toString(id), "EXTEND", "jjarch" + run))
                .isZero();
    }

    // ------------------------------------------------------------------ item, person, employer

    @Test
    void itemsAndPersonsOfAnotherCountyAreNotFoundOnEveryPath() {
        String x = qingyangItem.id().toString();
        String code = qingyangItem.archiveCode();
        for (String path : List.of(
                "/api/v1/items/" + x,
                "/api/v1/items/" + x + "/files/1",
                "/api/v1/items/" + x + "/access.pdf",
                "/api/v1/items/" + x + "/related",
                "/api/v1/items/" + x + "/preservation-events")) {
            notFound(jinjiangToken.get(path), "token " + path, code);
            var session = path.endsWith("/preservation-events") ? jinjiangArchivist : jinjiangClerk;
            notFound(session.api("GET", path, null), "session " + path, code);
        }
        notFound(
                jinjiangToken.postJson(
                        "/api/v1/items/" + x + "/corrections", Map.of("title", "改", "responsible", "改", "reason", "改")),
                "correction",
                code);
        notFound(jinjiangClerk.get("/items/" + x), "item page", code);
        notFound(jinjiangArchivist.get("/integrity/items/" + x), "preservation events page", code);
        long person = catalog.personIdOfItem(qingyangItem.id()).orElseThrow();
        notFound(jinjiangClerk.get("/persons/" + person), "person page", code);
        notFound(
                jinjiangApprover.post("/persons/" + person + "/unmask", Map.of("reason", "核对")),
                "unmask",
                qingyangCert);
        var search = jinjiangToken.get(
                "/api/v1/search?q=" + java.net.URLEncoder.encode(code, java.nio.charset.StandardCharsets.UTF_8));
        assertThat(search.status()).isEqualTo(200);
        assertThat(new String(search.body(), java.nio.charset.StandardCharsets.UTF_8))
                .doesNotContain(x);
    }

    @Test
    void employerFileOfAnotherCountyIsNotFound() {
        // given an employer whose only records are 青羊区's
        String creditCode = "91510100MA6CK0W1XJ";
        var s = new org.siarchive.quality.Submission(
                fondsQingyang,
                Samples.acceptanceNo(),
                "DWDJ",
                null,
                "青羊某公司参保登记",
                "社保中心",
                "2019-04-02",
                null,
                null,
                null,
                new org.siarchive.quality.Submission.Employer(creditCode, "青羊某科技有限公司"),
                "经办员",
                "社保中心",
                "2019-04-02T10:00:00+08:00",
                List.of(
                        new org.siarchive.quality.Submission.Material("DW01"),
                        new org.siarchive.quality.Submission.Material("DW02")));
        var item = captures.capture(
                        s,
                        List.of(
                                Upload.ofBytes("a.png", Samples.png(4711)),
                                Upload.ofBytes("b.pdf", Samples.pdf("employer " + run))),
                        null,
                        Actor.SYSTEM)
                .item();
        // when 锦江区 opens the employer file, then it does not exist for them
        notFound(jinjiangToken.get("/api/v1/employers/" + creditCode + "/items"), "api", item.archiveCode());
        notFound(jinjiangClerk.get("/employers/" + creditCode), "console", item.archiveCode());
        assertThat(qingyangClerk.get("/employers/" + creditCode).body()).contains(item.archiveCode());
    }

    // ------------------------------------------------------------------ reference data (finding 7)

    private ApiClient.Response putRule(ApiClient api, String fonds, String pattern) {
        var body = new HashMap<String, Object>();
        body.put("fondsCode", fonds);
        body.put("categoryCode", null);
        body.put("pattern", pattern);
        body.put("seqWidth", 4);
        return api.putJson("/api/v1/reference/archive-code-rules", body);
    }

    private String ruleOf(String fonds) {
        return jdbc.sql(
                        "select coalesce(max(r.pattern), '') from archive_code_rule r join fonds f on f.id = r.fonds_id where f.code = :f")
                .param("f", fonds)
                .query(String.class)
                .single();
    }

    @Test
    void countyTokenChangesOnlyItsOwnFondsRulesAndIsAuditedAsItsClient() {
        String before = ruleOf(fondsQingyang);
        // when 锦江区's token changes 青羊区's rule, then that fonds is unknown to it and nothing changes
        var other = putRule(jinjiangToken, fondsQingyang, "{fonds}-X·{year}-{seq}");
        assertThat(other.status()).as(new String(other.body())).isEqualTo(422);
        assertThat(ruleOf(fondsQingyang)).isEqualTo(before);
        // and a rule for every fonds is national reference data: refused
        assertThat(putRule(jinjiangToken, null, "{fonds}-Y·{year}-{seq}").status())
                .isEqualTo(403);
        // while its own fonds' rule is its to set, audited under the token's client
        var own = putRule(jinjiangToken, fondsJinjiang, "{fonds}-JJ·{year}-{seq}");
        assertThat(own.status()).as(new String(own.body())).isEqualTo(200);
        String ruleId = own.json().get("id").asString();
        assertThat(auditCount("ARCHIVE_CODE_RULE", ruleId, "SET", "client:" + jinjiangClient))
                .isEqualTo(1);
        assertThat(auditCount("ARCHIVE_CODE_RULE", ruleId, "SET", "local-operator"))
                .isZero();
    }

    @Test
    void countyTokenCannotChangeTheNationalRetentionTable() {
        String before = jdbc.sql("select retention_code from archive_scope where code = '02-01'")
                .query(String.class)
                .single();
        var r = jinjiangToken.putJson(
                "/api/v1/reference/scopes/02-01/retention", Map.of("retentionCode", "D10", "reason", "县里想改"));
        assertThat(r.status()).as(new String(r.body())).isEqualTo(403);
        assertThat(jdbc.sql("select retention_code from archive_scope where code = '02-01'")
                        .query(String.class)
                        .single())
                .isEqualTo(before);
        assertThat(auditCount("ARCHIVE_SCOPE", "02-01", "SET_RETENTION", "client:" + jinjiangClient))
                .isZero();
    }

    @Test
    void countyArchivistCannotSwitchOffACheckItemForEveryCounty() {
        boolean before = jdbc.sql(
                        "select coalesce(bool_and(enabled), true) from check_item_setting where code = 'CQ-1-1'")
                .query(Boolean.class)
                .single();
        // when 锦江区's archivist switches a 四性 check item off, which would hold for every county's archives
        var r = jinjiangArchivist.post("/checks/items/CQ-1-1", Map.of("enabled", Boolean.toString(!before)));
        // then it is refused and nothing changes
        assertThat(r.status()).isEqualTo(403);
        assertThat(jdbc.sql("select coalesce(bool_and(enabled), true) from check_item_setting where code = 'CQ-1-1'")
                        .query(Boolean.class)
                        .single())
                .isEqualTo(before);
        assertThat(auditCount("CHECK_ITEM", "CQ-1-1", before ? "DISABLE" : "ENABLE", "jjarch" + run))
                .isZero();
    }

    // ------------------------------------------------------------------ check runs and sweeps

    @Test
    void checkRunsOfAnotherCountyAndStoreWideMonitoringAreClosedToACounty() {
        // given 青羊区's archivist runs a 四性 check over its own item
        long qingyangRun =
                idOf(qingyangArchivist.post("/checks/runs", Map.of("archiveCodes", qingyangItem.archiveCode())));
        // when 锦江区's archivist walks its id, then it is not found and its list omits it
        notFound(jinjiangArchivist.get("/checks/runs/" + qingyangRun), "check run", qingyangItem.archiveCode());
        notFound(jinjiangArchivist.get("/checks/runs/" + qingyangRun + "/export?format=xlsx"), "check report");
        assertThat(jinjiangArchivist.get("/checks").body()).doesNotContain("/checks/runs/" + qingyangRun + "\"");
        // while 青羊区's archivist reads it
        assertThat(qingyangArchivist.get("/checks/runs/" + qingyangRun).status())
                .isEqualTo(200);

        // when 锦江区's archivist starts a check of the whole store, which holds every county's archives
        long runsBefore =
                jdbc.sql("select count(*) from check_run").query(Long.class).single();
        var whole = jinjiangArchivist.post("/checks/runs", Map.of("archiveCodes", ""));
        // then it is refused and no run is opened
        assertThat(whole.status()).isEqualTo(403);
        assertThat(jdbc.sql("select count(*) from check_run").query(Long.class).single())
                .isEqualTo(runsBefore);

        // and the store-wide monitoring (sweeps, findings, alerts) is closed to a county
        long sweepsBefore =
                jdbc.sql("select count(*) from fixity_sweep").query(Long.class).single();
        assertThat(jinjiangArchivist.get("/integrity").status()).isEqualTo(403);
        assertThat(jinjiangArchivist
                        .post("/integrity/sweeps", Map.of("rateMbS", "0"))
                        .status())
                .isEqualTo(403);
        assertThat(jdbc.sql("select count(*) from fixity_sweep")
                        .query(Long.class)
                        .single())
                .isEqualTo(sweepsBefore);
        assertThat(jinjiangArchivist.get("/integrity/sweeps/1").status()).isEqualTo(403);
        // while its own item's preservation page stays open to it
        assertThat(jinjiangArchivist
                        .get("/integrity/items/" + jinjiangItem.id())
                        .status())
                .isEqualTo(200);
    }

    // ------------------------------------------------------------------ capture (finding 10)

    @Test
    void reusedAcceptanceNumberDoesNotNameAnotherCountysArchiveCode() {
        // given 青羊区 holds an item under an acceptance number
        String acceptance = qingyangItem.acceptanceNo();
        // when 锦江区's token files other content under the same number
        var s = Samples.personEnrolment(
                fondsJinjiang, "1", acceptance, Samples.citizenId(1974), "李四", "13800138000", null);
        var r = jinjiangToken.capture(
                s,
                List.of(
                        new ApiClient.FilePart("a.png", "image/png", Samples.png(9)),
                        new ApiClient.FilePart("b.pdf", "application/pdf", Samples.pdf("other"))),
                Map.of());
        // then it is refused without naming what 青羊区 holds
        assertThat(r.status()).isEqualTo(409);
        String body = new String(r.body(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(body)
                .doesNotContain(qingyangItem.archiveCode(), qingyangItem.id().toString());
    }

    // ------------------------------------------------------------------ scan batch

    @Test
    void scanBatchOfAnotherCountyIsNotFoundOnEveryPath() throws Exception {
        // given a batch 青羊区's clerk uploaded into 青羊区's fonds, its pages filed into items
        var qingyangClerkAccess = new org.siarchive.shared.Access(
                new Actor("qyclerk" + run, qingyang.code(), "127.0.0.1", "test"),
                new org.siarchive.shared.Scope(qingyang.path(), null, 3),
                Role.CLERK.permissions());
        String name = "青羊扫描" + run;
        var pages = List.of(
                org.siarchive.digitisation.ScanBatchIT.page("参保人员增员表", 95, 0.2, false),
                org.siarchive.digitisation.ScanBatchIT.page("居民身份证复印件", 96, 0.1, false));
        UUID batch = scanBatches.create(
                name,
                fondsQingyang,
                false,
                100,
                new java.io.ByteArrayInputStream(
                        org.siarchive.digitisation.ScanBatchIT.zip(List.of("a.png", "b.png"), pages, null)),
                qingyangClerkAccess);
        UUID item = firstScanItem(batch);
        // when 锦江区's clerk and archivist walk its ids, then every path answers 404 and the list omits it
        String b = "/scan-batches/" + batch;
        for (String path : List.of(b, b + "/progress", b + "/items/" + item, b + "/pages/1")) {
            notFound(jinjiangClerk.get(path), "clerk " + path, name);
        }
        notFound(
                jinjiangArchivist.post(b + "/items/" + item + "/review", Map.of("result", "pass", "note", "")),
                "review",
                name);
        notFound(jinjiangArchivist.post(b + "/items/" + item + "/confirm", Map.of("businessStep", "GRCB")), "confirm");
        notFound(jinjiangArchivist.post(b + "/decision", Map.of()), "decision", name);
        assertThat(jinjiangClerk.get("/scan-batches").body()).doesNotContain(name);
        assertThat(qingyangClerk.get(b).status()).isEqualTo(200);
    }

    /**
     * Vendors (数字化外包, issue 15): within one county, a vendor's console account and another vendor's
     * token see only the batches each opened — 404 on every path for the other's — while the county's
     * clerk sees both; a vendor token reaches no other county's batch either.
     */
    @Test
    void aVendorSeesOnlyTheBatchesItOpenedEvenInItsOwnCounty() throws Exception {
        var vendorConsole = login("jjvendor", jinjiang, Role.SCAN_VENDOR);
        var vendorToken = new ApiClient(
                port,
                tokens.issue("jjvendor-" + run, jinjiang.id(), Role.SCAN_VENDOR.permissions(), 3, null, 1, Actor.SYSTEM)
                        .token());
        String name = "服务商乙" + run;
        var opened = vendorToken.postJson(
                "/api/v1/scan-batches", Map.of("name", name, "fondsCode", fondsJinjiang, "samplePercent", 5));
        assertThat(opened.status()).isEqualTo(201);
        String batch = opened.json().path("id").asString();
        String b = "/scan-batches/" + batch;
        for (String path : List.of(b, b + "/progress")) {
            notFound(vendorConsole.get(path), "vendor console " + path, name);
        }
        assertThat(vendorConsole.get("/scan-batches").body()).doesNotContain(name);
        notFound(vendorConsole.api("GET", "/api/v1" + b, null), "vendor session API", name);
        assertThat(vendorConsole.api("GET", "/api/v1" + b + "/items", null).status())
                .isEqualTo(403);
        assertThat(jinjiangClerk.get(b).status()).isEqualTo(200);
        assertThat(jinjiangClerk.get("/scan-batches").body()).contains(name);
        assertThat(vendorToken.get("/api/v1" + b).status()).isEqualTo(200);
        // and the vendor's own console batch is its own again
        var own = vendorConsole.api(
                "POST",
                "/api/v1/scan-batches",
                "{\"name\":\"服务商甲" + run + "\",\"fondsCode\":\"" + fondsJinjiang + "\"}");
        assertThat(own.status()).isEqualTo(201);
        assertThat(vendorConsole.get("/scan-batches").body())
                .contains("服务商甲" + run)
                .doesNotContain(name);
        String ownId = ApiClient.JSON.readTree(own.body()).path("id").asString();
        notFound(vendorToken.get("/api/v1/scan-batches/" + ownId), "other vendor");
        // another county's batch is as absent for a vendor token as for the county's own token
        notFound(vendorToken.get("/api/v1/scan-batches/" + UUID.randomUUID()), "no such batch");
    }

    private UUID firstScanItem(UUID batch) throws InterruptedException {
        for (int i = 0; i < 240; i++) {
            var item = jdbc.sql("select id from scan_item where batch_id = :b order by seq limit 1")
                    .param("b", batch)
                    .query(UUID.class)
                    .optional();
            if (item.isPresent()) {
                return item.get();
            }
            Thread.sleep(500);
        }
        throw new AssertionError("the batch filed no item in 2 minutes");
    }

    // ------------------------------------------------------------------ transfer (handover record)

    @Test
    void handoverRecordsOfAnotherCountyAreNotListed() {
        // given 青羊区's own token exports a 青羊区 item and hands the package over into 青羊区's fonds
        var qingyangToken = new ApiClient(
                port,
                tokens.issue("qingyang-" + run, qingyang.id(), Role.tokenScopes(), 3, null, 1, Actor.SYSTEM)
                        .token());
        var exported = qingyangToken.postJson(
                "/api/v1/transfers/exports",
                Map.of("archiveCodes", List.of(qingyangItem.archiveCode()), "format", "EEP"));
        assertThat(exported.status()).isEqualTo(200);
        String handedOverBy = "青羊移交人" + run;
        var received = qingyangToken.multipart(
                "/api/v1/transfers/receipts",
                Map.of("fondsCode", fondsQingyang, "handedOverBy", handedOverBy, "witness", "监交人"),
                "package",
                "qingyang.zip",
                exported.body());
        assertThat(received.status()).as(new String(received.body())).isLessThan(500);
        assertThat(new String(
                        qingyangToken.get("/api/v1/transfers/receipts").body(),
                        java.nio.charset.StandardCharsets.UTF_8))
                .contains(handedOverBy);
        // when 锦江区 looks at the handover register, by API and on the console, then the record is absent
        assertThat(new String(
                        jinjiangToken.get("/api/v1/transfers/receipts").body(),
                        java.nio.charset.StandardCharsets.UTF_8))
                .doesNotContain(handedOverBy);
        assertThat(jinjiangArchivist.get("/transfers").body()).doesNotContain(handedOverBy);
    }

    // ------------------------------------------------------------------ resources bound to roles, not counties

    @Test
    void tokensSweepsAndCheckRunsAreClosedToBusinessRolesWithoutTheirPermission() {
        long token = tokens.list().get(0).id();
        assertThat(jinjiangClerk
                        .post("/admin/tokens/" + token + "/revoke", Map.of("reason", "x"))
                        .status())
                .isEqualTo(403);
        assertThat(jinjiangClerk.get("/integrity/sweeps/1").status()).isEqualTo(403);
        assertThat(jinjiangClerk.get("/checks/runs/1").status()).isEqualTo(403);
        assertThat(jinjiangClerk.get("/checks/runs/1/export").status()).isEqualTo(403);
        // a token is no account: it reaches neither the token register nor another token
        var register = jinjiangToken.get("/admin/tokens");
        assertThat(register.status()).isNotEqualTo(200);
        assertThat(new String(register.body(), java.nio.charset.StandardCharsets.UTF_8))
                .doesNotContain(jinjiangClient);
        assertThat(jinjiangToken
                        .postJson("/admin/tokens/" + token + "/revoke", Map.of("reason", "x"))
                        .status())
                .isNotEqualTo(200)
                .isNotEqualTo(302);
        assertThat(tokens.require(token).revokedAt()).isNull();
    }

    @Test
    void unknownIdsAnswerLikeOutOfScopeOnes() {
        notFound(jinjiangClerk.get("/certificates/" + Long.MAX_VALUE), "unknown certificate");
        notFound(jinjiangApprover.get("/lending/requests/" + Long.MAX_VALUE), "unknown request");
        notFound(jinjiangArchivist.get("/lending/physical/" + Long.MAX_VALUE), "unknown loan");
        notFound(jinjiangToken.get("/api/v1/items/" + UUID.randomUUID()), "unknown item");
    }
}
