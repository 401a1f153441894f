package org.siarchive.sharing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.siarchive.audit.AuditOperation;
import org.siarchive.audit.AuditTrail;
import org.siarchive.audit.AuditedObject;
import org.siarchive.capture.Captures;
import org.siarchive.capture.Upload;
import org.siarchive.comparison.ReferenceTokens;
import org.siarchive.organisation.OrgUnit;
import org.siarchive.organisation.Organisations;
import org.siarchive.security.Accounts;
import org.siarchive.security.Role;
import org.siarchive.security.TestAccounts;
import org.siarchive.shared.Actor;
import org.siarchive.support.ApiClient;
import org.siarchive.support.ConsoleSession;
import org.siarchive.support.IntegrationTest;
import org.siarchive.support.RawHttp;
import org.siarchive.support.Samples;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * 共享核验 end to end over HTTP: the security administrator registers client systems (each gets its token
 * once), the tokens verify a known and an unknown person, and every refusal — purpose, field, basis, ID
 * number, quota, network, suspension — is a 4xx naming the field and rule and a REFUSED line in the
 * exchange register, which the auditor searches and exports. Clerks and archivists see none of it, and a
 * sharing token reads nothing else.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SharingIT extends IntegrationTest {

    private static final Pattern TOKEN = Pattern.compile("<code class=\"fs-6\">(sia_[A-Za-z0-9_-]+)</code>");
    private static final Pattern CLIENT_ID = Pattern.compile("/admin/sharing-clients/(\\d+)$");

    @LocalServerPort
    int port;

    @Autowired
    Accounts accounts;

    @Autowired
    Organisations organisations;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ReferenceTokens referenceTokens;

    @Autowired
    Captures captures;

    @Autowired
    AuditTrail audit;

    @Autowired
    ExchangeRegister register;

    private final String run = Integer.toString(ThreadLocalRandom.current().nextInt(100_000, 999_999));
    private final String known = Samples.citizenId(1961);
    private final String unknown = Samples.citizenId(1972);
    private ConsoleSession secadmin;
    private ConsoleSession auditor;
    private OrgUnit city;

    record Client(long id, String token) {}

    private Client main;

    @BeforeAll
    void setUp() {
        var root = organisations.root();
        city = organisations.create(root.id(), "GX" + run, "共享核验市社保中心" + run, "CITY", Actor.SYSTEM);
        var fixture = new SharingFixture(jdbc, referenceTokens, city);
        long enrolments = fixture.dataset("ENROLMENT");
        fixture.row(enrolments, 1, known, "110", LocalDate.of(2015, 3, 1), "ACTIVE", null);
        fixture.row(enrolments, 2, known, "310", LocalDate.of(2016, 7, 1), "ACTIVE", null);
        long benefits = fixture.dataset("BENEFIT");
        fixture.row(benefits, 1, known, "110", LocalDate.of(2021, 1, 1), "ACTIVE", LocalDate.of(2026, 10, 1));
        captures.capture(
                Samples.personEnrolment(Samples.acceptanceNo(), known, "欧阳共享"),
                List.of(
                        Upload.ofBytes("a.png", Samples.png(7_100 + Integer.parseInt(run) % 1000)),
                        Upload.ofBytes("b.pdf", Samples.pdf("sharing " + run))),
                null,
                Actor.SYSTEM);
        secadmin = login(TestAccounts.create(accounts, "gxsec" + run, root.id(), Set.of(Role.SECADMIN), 3, true));
        auditor = login(TestAccounts.create(accounts, "gxaud" + run, root.id(), Set.of(Role.AUDITOR), 3, true));
        main = registerClient(form(
                "MZ" + run,
                "DIBAO,EMPLOYMENT",
                "ENROLLED,ENROLMENT_SCHEMES,ENROLLED_SINCE,RECEIVING,BENEFIT_SINCE,LAST_PAID_MONTH,NAME_MATCHES,ARCHIVE_ITEMS",
                "50",
                "",
                root.id()));
    }

    private ConsoleSession login(TestAccounts.Login l) {
        var s = new ConsoleSession(port);
        assertThat(s.login(l.username(), l.password(), l.codes())).isEqualTo("/");
        s.get("/");
        return s;
    }

    private Map<String, String> form(
            String code, String purposes, String fields, String quota, String networks, long orgId) {
        var f = new LinkedHashMap<String, String>();
        f.put("code", code);
        f.put("name", "民政低保核对系统" + code);
        f.put("department", "市民政局");
        f.put("legalBasis", "《社会救助暂行办法》第十一条；市人社局与市民政局数据共享协议");
        f.put("purposes", purposes);
        f.put("fields", fields);
        f.put("dailyQuota", quota);
        f.put("networks", networks);
        f.put("orgId", Long.toString(orgId));
        return f;
    }

    private Client registerClient(Map<String, String> form) {
        var r = secadmin.post("/admin/sharing-clients", form);
        assertThat(r.status()).as(r.body()).isEqualTo(302);
        var m = CLIENT_ID.matcher(r.location());
        assertThat(m.find()).as(r.location()).isTrue();
        var page = secadmin.get("/admin/sharing-clients/" + m.group(1));
        var t = TOKEN.matcher(page.body());
        assertThat(t.find()).as("the token is shown once after registering").isTrue();
        assertThat(secadmin.get("/admin/sharing-clients/" + m.group(1)).body())
                .as("and only once")
                .doesNotContain(t.group(1));
        return new Client(Long.parseLong(m.group(1)), t.group(1));
    }

    private static Map<String, Object> request(String purpose, String id, List<String> fields) {
        var body = new HashMap<String, Object>();
        if (purpose != null) {
            body.put("purpose", purpose);
        }
        body.put("subject", Map.of("idNumber", id, "name", "欧阳共享"));
        body.put("fields", fields);
        body.put("requestRef", "MZ-2026-" + ThreadLocalRandom.current().nextInt(10_000));
        body.put("legalBasisRef", "民协查〔2026〕12号");
        return body;
    }

    private ApiClient.Response verify(Client c, Map<String, Object> body) {
        return new ApiClient(port, c.token()).postJson("/api/v1/sharing/verifications", body);
    }

    private List<String> results(long clientId) {
        return jdbc.sql(
                        "select result || coalesce(':' || refusal, '') from exchange_entry where client_id = :c order by id")
                .param("c", clientId)
                .query(String.class)
                .list();
    }

    private static List<String> keys(JsonNode node) {
        var out = new ArrayList<String>();
        node.propertyNames().forEach(out::add);
        return out;
    }

    @Test
    void aKnownPersonGetsExactlyTheRequestedFieldsAndAnUnknownOneNotFound() {
        int before = results(main.id()).size();
        var r = verify(
                main,
                request(
                        "DIBAO",
                        known,
                        List.of(
                                "ENROLLED",
                                "ENROLMENT_SCHEMES",
                                "ENROLLED_SINCE",
                                "LAST_PAID_MONTH",
                                "NAME_MATCHES",
                                "ARCHIVE_ITEMS")));

        assertThat(r.status()).as(new String(r.body())).isEqualTo(200);
        var answer = r.json().path("answer");
        assertThat(r.json().path("result").asString()).isEqualTo("ANSWERED");
        assertThat(keys(answer))
                .containsExactly(
                        "ENROLLED",
                        "ENROLMENT_SCHEMES",
                        "ENROLLED_SINCE",
                        "LAST_PAID_MONTH",
                        "NAME_MATCHES",
                        "ARCHIVE_ITEMS");
        assertThat(answer.path("ENROLLED").asBoolean()).isTrue();
        assertThat(answer.path("ENROLMENT_SCHEMES").findValuesAsString("code")).containsExactly("110", "310");
        assertThat(answer.path("ENROLMENT_SCHEMES").get(0).path("name").asString())
                .isEqualTo("企业职工基本养老保险");
        assertThat(answer.path("ENROLLED_SINCE").asString()).isEqualTo("2015-03");
        assertThat(answer.path("LAST_PAID_MONTH").asString()).isEqualTo("2026-10");
        assertThat(answer.path("NAME_MATCHES").asBoolean()).isTrue();
        assertThat(answer.path("ARCHIVE_ITEMS").path("count").asInt()).isEqualTo(1);
        assertThat(keys(answer.path("ARCHIVE_ITEMS").path("items").get(0))).containsExactlyInAnyOrder("step", "year");
        assertThat(answer.path("ARCHIVE_ITEMS")
                        .path("items")
                        .get(0)
                        .path("step")
                        .asString())
                .isEqualTo("个人参保登记");
        String raw = new String(r.body(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(raw).doesNotContain(known).doesNotContain("欧阳共享");

        var nobody = verify(main, request("DIBAO", unknown, List.of("ENROLLED")));
        assertThat(nobody.status()).isEqualTo(200);
        assertThat(nobody.json().path("result").asString()).isEqualTo("NOT_FOUND");
        assertThat(keys(nobody.json().path("answer"))).isEmpty();

        assertThat(results(main.id()).subList(before, before + 2)).containsExactly("ANSWERED", "NOT_FOUND");
        var mine = register.aboutPerson(known);
        assertThat(mine).anySatisfy(i -> {
            assertThat(i.clientName()).isEqualTo("民政低保核对系统MZ" + run);
            assertThat(i.department()).isEqualTo("市民政局");
            assertThat(i.purpose()).isEqualTo("DIBAO");
            assertThat(i.fields()).contains("ARCHIVE_ITEMS");
        });
        byte[] stored = jdbc.sql(
                        "select subject_token from exchange_entry where client_id = :c order by id desc limit 1")
                .param("c", main.id())
                .query(byte[].class)
                .single();
        assertThat(stored).isNotEqualTo(referenceTokens.token(unknown)).as("a context of its own");
    }

    @Test
    void purposeFieldsBasisAndIdNumberAreCheckedAndEveryRefusalIsRegistered() {
        int before = results(main.id()).size();
        var noPurpose = verify(main, request(null, known, List.of("ENROLLED")));
        assertThat(noPurpose.status()).isEqualTo(422);
        assertThat(noPurpose.json().path("errors").get(0).path("field").asString())
                .isEqualTo("purpose");
        assertThat(noPurpose.json().path("detail").asString()).contains("用途");

        var otherPurpose = verify(main, request("JUDICIAL", known, List.of("ENROLLED")));
        assertThat(otherPurpose.status()).isEqualTo(403);
        assertThat(otherPurpose.json().path("errors").get(0).path("rule").asString())
                .isEqualTo("purposeNotAllowed");

        var field = verify(main, request("DIBAO", known, List.of("ENROLLED", "BENEFIT_SCHEMES")));
        assertThat(field.status()).isEqualTo(403);
        assertThat(field.json().path("errors").get(0).path("field").asString()).isEqualTo("fields[1]");
        assertThat(field.json().path("detail").asString()).contains("BENEFIT_SCHEMES");
        assertThat(field.json().has("answer")).isFalse();

        var consent = request("EMPLOYMENT", known, List.of("ENROLLED"));
        var noConsent = verify(main, consent);
        assertThat(noConsent.status()).isEqualTo(422);
        assertThat(noConsent.json().path("errors").get(0).path("field").asString())
                .isEqualTo("consentRef");
        consent.put("consentRef", "SQ-2026-0001");
        assertThat(verify(main, consent).status()).isEqualTo(200);

        var badId = verify(
                main,
                request("DIBAO", known.substring(0, 17) + (known.endsWith("1") ? "2" : "1"), List.of("ENROLLED")));
        assertThat(badId.status()).isEqualTo(422);
        assertThat(badId.json().path("errors").get(0).path("field").asString()).isEqualTo("subject.idNumber");

        assertThat(results(main.id()).subList(before, before + 6))
                .containsExactly(
                        "REFUSED:purposeRequired",
                        "REFUSED:purposeNotAllowed",
                        "REFUSED:fieldNotAllowed",
                        "REFUSED:basisRequired",
                        "ANSWERED",
                        "REFUSED:idNumber");
    }

    @Test
    void theDailyQuotaIsCountedAndTheNextRequestIs429() {
        var quota = registerClient(form("QT" + run, "DIBAO", "ENROLLED", "2", "", city.id()));
        assertThat(verify(quota, request("DIBAO", known, List.of("ENROLLED"))).status())
                .isEqualTo(200);
        assertThat(verify(quota, request("DIBAO", unknown, List.of("ENROLLED"))).status())
                .isEqualTo(200);
        var third = verify(quota, request("DIBAO", known, List.of("ENROLLED")));
        assertThat(third.status()).isEqualTo(429);
        assertThat(third.json().path("errors").get(0).path("rule").asString()).isEqualTo("quota");
        assertThat(Long.parseLong(third.header("Retry-After"))).isBetween(1L, 86_400L);
        assertThat(results(quota.id())).containsExactly("ANSWERED", "NOT_FOUND", "REFUSED:quota");
    }

    @Test
    void networksAndSuspensionRefuse() {
        var net = registerClient(form("NW" + run, "DIBAO", "ENROLLED", "10", "127.0.77.0/24", city.id()));
        String json = ApiClient.JSON.writeValueAsString(request("DIBAO", known, List.of("ENROLLED")));
        var headers = Map.of("Authorization", "Bearer " + net.token(), "Content-Type", "application/json");
        var inside = new RawHttp(port, "127.0.77." + (2 + Integer.parseInt(run) % 200))
                .send("POST", "/api/v1/sharing/verifications", headers, json);
        assertThat(inside.status()).as(inside.body()).isEqualTo(200);
        var outside = verify(net, request("DIBAO", known, List.of("ENROLLED")));
        assertThat(outside.status()).isEqualTo(403);
        assertThat(outside.json().path("errors").get(0).path("rule").asString()).isEqualTo("network");

        var suspended = registerClient(form("SP" + run, "DIBAO", "ENROLLED", "10", "", city.id()));
        assertThat(secadmin.post("/admin/sharing-clients/" + suspended.id() + "/suspend", Map.of("reason", "协议到期"))
                        .status())
                .isEqualTo(302);
        var refused = verify(suspended, request("DIBAO", known, List.of("ENROLLED")));
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.json().path("errors").get(0).path("rule").asString()).isEqualTo("suspended");
        assertThat(audit.forObject(AuditedObject.SHARING_CLIENT, "SP" + run))
                .extracting(e -> e.operation())
                .contains(AuditOperation.REGISTER.name(), AuditOperation.SUSPEND.name());

        assertThat(results(net.id())).containsExactly("ANSWERED", "REFUSED:network");
        assertThat(results(suspended.id())).containsExactly("REFUSED:suspended");
    }

    @Test
    void theAuditorSearchesAndExportsTheRegister() {
        verify(main, request("DIBAO", known, List.of("ENROLLED")));
        var page = auditor.get("/audit/exchange?clientId=" + main.id());
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("民政低保核对系统MZ" + run, "低保资格核查", known.substring(0, 3) + "*");
        assertThat(page.body()).doesNotContain(known);

        var byId = auditor.api(
                "POST",
                "/audit/exchange/lines",
                ApiClient.JSON.writeValueAsString(Map.of("idNumber", known, "clientId", main.id())));
        assertThat(byId.status()).isEqualTo(200);
        var lines = ApiClient.JSON.readTree(byId.body()).path("lines");
        assertThat(lines.size()).isGreaterThan(0);
        lines.forEach(l -> assertThat(l.path("subjectMasked").asString()).endsWith(known.substring(14)));

        var refused = auditor.api("GET", "/audit/exchange/lines?result=REFUSED&clientId=" + main.id(), null);
        assertThat(refused.status()).isEqualTo(200);
        ApiClient.JSON.readTree(refused.body()).path("lines").forEach(l -> assertThat(
                        l.path("result").asString())
                .isEqualTo("REFUSED"));

        var export = auditor.post("/audit/exchange/export", Map.of("clientId", Long.toString(main.id())));
        assertThat(export.status()).isEqualTo(200);
        assertThat(export.body()).startsWith("PK");
        assertThat(audit.forObject(AuditedObject.EXCHANGE, "*")).anyMatch(e -> e.is(AuditOperation.EXPORT));

        var person = auditor.post("/audit/exchange/person", Map.of("idNumber", known));
        assertThat(person.status()).isEqualTo(200);
        assertThat(person.body()).contains("民政低保核对系统MZ" + run, "市民政局");
        assertThat(auditor.post("/audit/exchange/person", Map.of("idNumber", "123"))
                        .status())
                .isEqualTo(422);
    }

    @Test
    void clerksArchivistsAndSharingTokensAreKeptOut() {
        for (var role : List.of(Role.CLERK, Role.ARCHIVIST)) {
            var l = TestAccounts.create(
                    accounts,
                    "gx" + role.name().toLowerCase().substring(0, 4) + run,
                    city.id(),
                    Set.of(role),
                    3,
                    false);
            var s = new ConsoleSession(port);
            s.login(l.username(), l.password(), l.codes());
            s.get("/");
            assertThat(s.get("/admin/sharing-clients").status()).as(role.name()).isEqualTo(403);
            assertThat(s.post("/admin/sharing-clients", form("XX" + run, "DIBAO", "ENROLLED", "1", "", city.id()))
                            .status())
                    .isEqualTo(403);
            assertThat(s.get("/audit/exchange").status()).isEqualTo(403);
            assertThat(s.api("GET", "/audit/exchange/lines", null).status()).isEqualTo(403);
        }
        assertThat(jdbc.sql("select count(*) from sharing_client where code = :c")
                        .param("c", "XX" + run)
                        .query(Integer.class)
                        .single())
                .isZero();
        var api = new ApiClient(port, main.token());
        assertThat(api.get("/api/v1/items").status()).isEqualTo(403);
        assertThat(api.get("/audit/exchange/lines").status()).isNotEqualTo(200);
    }

    @Test
    void concurrentRequestsNeverExceedTheQuota() throws Exception {
        var quota = registerClient(form("QC" + run, "DIBAO", "ENROLLED", "5", "", city.id()));
        var pool = java.util.concurrent.Executors.newFixedThreadPool(6);
        try {
            var futures = new ArrayList<java.util.concurrent.Future<Integer>>();
            for (int i = 0; i < 12; i++) {
                futures.add(pool.submit(() -> verify(quota, request("DIBAO", known, List.of("ENROLLED")))
                        .status()));
            }
            var statuses = new ArrayList<Integer>();
            for (var f : futures) {
                statuses.add(f.get());
            }
            assertThat(statuses).filteredOn(s -> s == 200).hasSize(5);
            assertThat(statuses).filteredOn(s -> s == 429).hasSize(7);
        } finally {
            pool.shutdownNow();
        }
        assertThat(results(quota.id())).filteredOn("ANSWERED"::equals).hasSize(5);
        assertThat(results(quota.id())).filteredOn("REFUSED:quota"::equals).hasSize(7);
    }

    @Test
    void aRefusedRegistrationComesBackWithItsErrorsAndWritesNothing() {
        var bad = form("bad code" + run, "", "NOT_A_FIELD", "0", "300.1.1.1/8", city.id());
        var r = secadmin.post("/admin/sharing-clients", bad);
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.body())
                .contains("code-error", "purposes-error", "fields-error", "dailyQuota-error", "networks-error");
        assertThat(r.body()).contains("bad code" + run).as("input kept");
        assertThat(jdbc.sql("select count(*) from sharing_client where code like :c")
                        .param("c", "%" + run + "%")
                        .query(Integer.class)
                        .single())
                .isEqualTo(jdbc.sql("select count(*) from sharing_client where code like :c and code <> :b")
                        .param("c", "%" + run + "%")
                        .param("b", "bad code" + run)
                        .query(Integer.class)
                        .single());
    }

    @Test
    void changingAClientTakesEffectAndRotatingReplacesItsToken() {
        var c = registerClient(form("RT" + run, "DIBAO", "ENROLLED", "10", "", city.id()));
        assertThat(verify(c, request("DIBAO", known, List.of("RECEIVING"))).status())
                .isEqualTo(403);
        var changed = form("RT" + run, "DIBAO", "ENROLLED,RECEIVING", "10", "", city.id());
        assertThat(secadmin.post("/admin/sharing-clients/" + c.id(), changed).status())
                .isEqualTo(302);
        var r = verify(c, request("DIBAO", known, List.of("RECEIVING")));
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().path("answer").path("RECEIVING").asBoolean()).isTrue();

        var rotated = secadmin.post("/admin/sharing-clients/" + c.id() + "/rotate", Map.of());
        assertThat(rotated.status()).isEqualTo(302);
        var t = TOKEN.matcher(secadmin.get("/admin/sharing-clients/" + c.id()).body());
        assertThat(t.find()).isTrue();
        assertThat(verify(c, request("DIBAO", known, List.of("ENROLLED"))).status())
                .as("the old token is revoked")
                .isEqualTo(401);
        assertThat(verify(new Client(c.id(), t.group(1)), request("DIBAO", known, List.of("ENROLLED")))
                        .status())
                .isEqualTo(200);
        assertThat(audit.forObject(AuditedObject.SHARING_CLIENT, "RT" + run))
                .extracting(e -> e.operation())
                .contains(AuditOperation.REGISTER.name(), AuditOperation.UPDATE.name(), AuditOperation.ISSUE.name());
    }
}
