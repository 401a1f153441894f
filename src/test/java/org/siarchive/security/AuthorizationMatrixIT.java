package org.siarchive.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.siarchive.security.Role.*;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
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
import org.siarchive.organisation.Organisations;
import org.siarchive.shared.Access;
import org.siarchive.shared.Actor;
import org.siarchive.support.ConsoleSession;
import org.siarchive.support.IntegrationTest;
import org.siarchive.support.Samples;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Every role (the three administrators included) against every protected page and endpoint: allowed
 * requests get past the security layer (any status but 401/403 and no login redirect), denied ones get
 * 403. Writes are sent with invalid input, so an allowed write answers 4xx from validation and nothing
 * changes. Then data scope: ids outside a reader's organisation subtree or clearance answer 404.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthorizationMatrixIT extends IntegrationTest {

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

    final String run = Integer.toString(ThreadLocalRandom.current().nextInt(100_000, 999_999));
    final Map<Role, ConsoleSession> sessions = new EnumMap<>(Role.class);
    UUID inCountyA;
    UUID inCountyB;
    UUID sensitiveInA;
    long personA;
    String certA;
    long someAccount;

    @BeforeAll
    void setUp() {
        var root = organisations.root();
        var countyA = organisations.create(root.id(), "MA" + run, "甲县社保中心" + run, "COUNTY", Actor.SYSTEM);
        var countyB = organisations.create(root.id(), "MB" + run, "乙县社保中心" + run, "COUNTY", Actor.SYSTEM);
        String fondsA = "A" + run.substring(0, 4);
        String fondsB = "B" + run.substring(0, 4);
        catalog.ensureFonds(fondsA, "甲县档案", countyA.name(), countyA.id(), Actor.SYSTEM);
        catalog.ensureFonds(fondsB, "乙县档案", countyB.name(), countyB.id(), Actor.SYSTEM);
        certA = Samples.citizenId(1980);
        inCountyA = capture(fondsA, "2", certA);
        inCountyB = capture(fondsB, "2", Samples.citizenId(1981));
        sensitiveInA = capture(fondsA, "3", Samples.citizenId(1982));
        personA = catalog.findPerson(certA, Access.SYSTEM).orElseThrow();

        var logins = new EnumMap<Role, TestAccounts.Login>(Role.class);
        for (Role r : Role.values()) {
            long org = r == CLERK || r == READER ? countyA.id() : root.id();
            int clearance = r == CLERK || r == READER ? 2 : 3;
            logins.put(
                    r,
                    TestAccounts.create(
                            accounts,
                            r.name().toLowerCase() + run,
                            org,
                            Set.of(r),
                            clearance,
                            r.requiresSecondFactor()));
        }
        someAccount = logins.get(READER).id();
        for (var e : logins.entrySet()) {
            var s = new ConsoleSession(port);
            String landed = s.login(
                    e.getValue().username(),
                    e.getValue().password(),
                    e.getValue().codes());
            assertThat(landed).as("login of %s", e.getKey()).isEqualTo("/");
            s.get("/account"); // a page with a CSRF token for the API calls
            sessions.put(e.getKey(), s);
        }
    }

    private UUID capture(String fonds, String level, String cert) {
        var s = Samples.personEnrolment(
                fonds, level, Samples.acceptanceNo(), cert, "王测", "13800138000", "6222020200112233445");
        return captures.capture(
                        s,
                        List.of(
                                Upload.ofBytes("a.png", Samples.png(cert.hashCode())),
                                Upload.ofBytes("b.pdf", Samples.pdf(cert))),
                        null,
                        Actor.SYSTEM)
                .item()
                .id();
    }

    record Case(String method, String path, String body, Set<Role> allowed) {}

    static final Set<Role> BUSINESS = EnumSet.of(ARCHIVIST, CLERK, APPROVER, READER);
    static final Set<Role> PARTY = EnumSet.of(ARCHIVIST, CLERK, APPROVER);
    static final Set<Role> EVERY = EnumSet.allOf(Role.class);

    List<Case> cases() {
        String x = inCountyA.toString();
        var c = new ArrayList<Case>();
        // console pages
        c.add(new Case("GET", "/account", null, EVERY));
        c.add(new Case("GET", "/capture", null, EnumSet.of(ARCHIVIST, CLERK)));
        c.add(new Case("GET", "/reconciliation", null, EnumSet.of(ARCHIVIST)));
        c.add(new Case("GET", "/items/" + x, null, BUSINESS));
        c.add(new Case("GET", "/persons", null, PARTY));
        c.add(new Case("GET", "/persons/" + personA, null, PARTY));
        c.add(new Case("GET", "/employers", null, PARTY));
        c.add(new Case("GET", "/search", null, BUSINESS));
        c.add(new Case("GET", "/admin/accounts", null, EnumSet.of(SYSADMIN, SECADMIN)));
        c.add(new Case("GET", "/admin/accounts/" + someAccount, null, EnumSet.of(SYSADMIN, SECADMIN)));
        c.add(new Case("GET", "/admin/organisations", null, EnumSet.of(SYSADMIN, SECADMIN)));
        c.add(new Case("GET", "/admin/policy", null, EnumSet.of(SECADMIN)));
        c.add(new Case("GET", "/admin/tokens", null, EnumSet.of(SECADMIN)));
        c.add(new Case("GET", "/audit", null, EnumSet.of(AUDITOR)));
        c.add(new Case("GET", "/audit/export?format=csv", null, EnumSet.of(AUDITOR)));
        c.add(new Case("GET", "/actuator/prometheus", null, EnumSet.of(SYSADMIN)));
        c.add(new Case("GET", "/scan-batches", null, EnumSet.of(ARCHIVIST, CLERK, SCAN_VENDOR)));
        c.add(new Case("GET", "/integrity", null, EnumSet.of(ARCHIVIST)));
        c.add(new Case("GET", "/checks", null, EnumSet.of(ARCHIVIST)));
        c.add(new Case("GET", "/transfers", null, EnumSet.of(ARCHIVIST)));
        c.add(new Case("GET", "/lending", null, EnumSet.of(READER, CLERK, APPROVER)));
        c.add(new Case("GET", "/lending/physical", null, EnumSet.of(ARCHIVIST)));
        c.add(new Case("GET", "/lending/register", null, EnumSet.of(ARCHIVIST)));
        c.add(new Case("GET", "/disposition/holds", null, EnumSet.of(ARCHIVIST, APPROVER))); // issue 16 (holds)
        c.add(new Case("GET", "/api/v1/disposition/holds", null, EnumSet.of(ARCHIVIST, APPROVER)));
        c.add(new Case("GET", "/certificates", null, EnumSet.of(ARCHIVIST, CLERK)));
        c.add(new Case("GET", "/verify/NOSUCHCODE", null, EnumSet.allOf(Role.class)));
        // console writes, each with input that fails validation
        c.add(new Case("FORM", "/persons/" + personA + "/unmask", "reason=", EnumSet.of(ARCHIVIST, APPROVER)));
        c.add(new Case("FORM", "/admin/accounts", "username=1&displayName=", EnumSet.of(SYSADMIN)));
        c.add(new Case("FORM", "/admin/accounts/" + someAccount + "/disable", "reason=", EnumSet.of(SYSADMIN)));
        c.add(new Case("FORM", "/admin/accounts/" + someAccount + "/reset-password", "reason=", EnumSet.of(SYSADMIN)));
        c.add(new Case("FORM", "/admin/accounts/" + someAccount + "/approve", "", EnumSet.of(SECADMIN)));
        c.add(new Case("FORM", "/admin/accounts/" + someAccount + "/roles", "role=BOGUS", EnumSet.of(SECADMIN)));
        c.add(new Case(
                "FORM", "/admin/accounts/" + someAccount + "/scope", "clearance=9&orgId=1", EnumSet.of(SECADMIN)));
        c.add(new Case("FORM", "/admin/organisations", "parentId=1&code=&name=&level=X", EnumSet.of(SYSADMIN)));
        c.add(new Case("FORM", "/admin/policy", "lockout.threshold=999", EnumSet.of(SECADMIN)));
        c.add(new Case("FORM", "/admin/tokens", "client=&orgId=1", EnumSet.of(SECADMIN)));
        c.add(new Case("FORM", "/audit/verify", "", EnumSet.of(AUDITOR)));
        c.add(new Case("FORM", "/scan-batches", "name=", EnumSet.of(ARCHIVIST, CLERK, SCAN_VENDOR)));
        c.add(new Case("FORM", "/scan-batches/from-folder", "folder=", EnumSet.of(ARCHIVIST, CLERK)));
        c.add(new Case("FORM", "/integrity/sweeps", "rateMbS=-1", EnumSet.of(ARCHIVIST)));
        c.add(new Case("FORM", "/integrity/alerts/1/acknowledge", "note=", EnumSet.of(ARCHIVIST)));
        c.add(new Case("FORM", "/transfers/exports", "archiveCodes=", EnumSet.of(ARCHIVIST)));
        c.add(new Case("FORM", "/lending/requests", "archiveCodes=", EnumSet.of(READER, CLERK)));
        c.add(new Case("FORM", "/lending/requests/999999999/decision", "approve=true", EnumSet.of(APPROVER)));
        c.add(new Case("FORM", "/lending/physical", "borrower=", EnumSet.of(ARCHIVIST)));
        c.add(new Case("FORM", "/certificates", "idNumber=", EnumSet.of(ARCHIVIST, CLERK)));
        c.add(new Case("GET", "/integrity/items/" + x, null, EnumSet.of(ARCHIVIST)));
        c.add(new Case("FORM", "/checks/runs", "archiveCodes=NO-SUCH-CODE", EnumSet.of(ARCHIVIST)));
        c.add(new Case("FORM", "/checks/items/XX-9-9", "enabled=false", EnumSet.of(ARCHIVIST)));
        c.add(new Case("FORM", "/scan-batches/" + UUID.randomUUID() + "/decision", "", EnumSet.of(ARCHIVIST)));
        c.add(new Case(
                "FORM",
                "/scan-batches/" + UUID.randomUUID() + "/items/" + UUID.randomUUID() + "/confirm",
                "",
                EnumSet.of(ARCHIVIST)));
        c.add(new Case(
                "FORM",
                "/scan-batches/" + UUID.randomUUID() + "/items/" + UUID.randomUUID() + "/duplicate",
                "decision=discard",
                EnumSet.of(ARCHIVIST)));
        // API on the session
        c.add(new Case("GET", "/api/v1/items/" + x, null, BUSINESS));
        c.add(new Case("GET", "/api/v1/items/" + x + "/files/1", null, PARTY));
        c.add(new Case(
                "POST",
                "/api/v1/items/" + x + "/corrections",
                "{\"title\":\"\",\"responsible\":\"\",\"reason\":\"\"}",
                EnumSet.of(ARCHIVIST)));
        c.add(new Case("GET", "/api/v1/search?name=王", null, BUSINESS));
        c.add(new Case("POST", "/api/v1/persons/lookup", "{\"certNo\":\"" + certA + "\"}", PARTY));
        c.add(new Case(
                "POST",
                "/api/v1/persons/" + personA + "/unmask",
                "{\"reason\":\"\"}",
                EnumSet.of(ARCHIVIST, APPROVER)));
        c.add(new Case("GET", "/api/v1/classification", null, BUSINESS));
        c.add(new Case("GET", "/api/v1/labels?items=" + x, null, BUSINESS));
        c.add(new Case("GET", "/api/v1/cover-sheets?codes=SL1", null, EnumSet.of(ARCHIVIST, CLERK)));
        c.add(new Case("GET", "/api/v1/reference/archive-code-rules", null, BUSINESS));
        c.add(new Case("PUT", "/api/v1/reference/archive-code-rules", "{\"pattern\":\"\"}", EnumSet.of(ARCHIVIST)));
        c.add(new Case("POST", "/api/v1/volumes", "{\"title\":\"\",\"items\":[]}", EnumSet.of(ARCHIVIST)));
        c.add(new Case("POST", "/api/v1/boxes", "{\"fondsCode\":\"0001\",\"boxNo\":\"\"}", EnumSet.of(ARCHIVIST)));
        c.add(new Case("POST", "/api/v1/captures", "{}", EnumSet.of(ARCHIVIST, CLERK)));
        c.add(new Case("POST", "/api/v1/transfers/exports", "{\"archiveCodes\":[\"NO-SUCH\"]}", EnumSet.of(ARCHIVIST)));
        c.add(new Case("POST", "/api/v1/transfers/receipts", "{}", EnumSet.of(ARCHIVIST)));
        c.add(new Case("GET", "/api/v1/transfers/receipts", null, EnumSet.of(ARCHIVIST)));
        c.add(new Case("GET", "/api/v1/items/" + x + "/preservation-events", null, EnumSet.of(ARCHIVIST)));
        c.add(new Case("GET", "/api/v1/items/" + x + "/related", null, BUSINESS));
        // the scanning station (issue 15): vendors open, fill, submit and poll, but neither read nor confirm items
        var station = EnumSet.of(ARCHIVIST, CLERK, SCAN_VENDOR);
        String batch = "/api/v1/scan-batches/" + UUID.randomUUID();
        c.add(new Case("GET", "/api/v1/scan-batches", null, station));
        c.add(new Case("POST", "/api/v1/scan-batches", "{\"name\":\"\"}", station));
        c.add(new Case("GET", batch, null, station));
        c.add(new Case("POST", batch + "/submit", "{}", station));
        c.add(new Case("GET", batch + "/items", null, EnumSet.of(ARCHIVIST, CLERK)));
        c.add(new Case("POST", batch + "/items/" + UUID.randomUUID() + "/confirm", "{}", EnumSet.of(ARCHIVIST)));
        return c;
    }

    @Test
    void everyRoleGetsExactlyItsPermissions() {
        var wrong = new ArrayList<String>();
        for (var c : cases()) {
            for (Role r : Role.values()) {
                var s = sessions.get(r);
                var page =
                        switch (c.method()) {
                            case "GET" -> c.path().startsWith("/api/") ? s.api("GET", c.path(), null) : s.get(c.path());
                            case "FORM" -> s.post(c.path(), form(c.body()));
                            default -> s.api(c.method(), c.path(), c.body());
                        };
                boolean denied = page.status() == 403
                        || page.status() == 401
                        || (page.location() != null && page.location().contains("/login"));
                boolean expectedAllowed = c.allowed().contains(r);
                if (denied == expectedAllowed) {
                    wrong.add("%s %s %s → %d (expected %s)"
                            .formatted(r, c.method(), c.path(), page.status(), expectedAllowed ? "allowed" : "denied"));
                }
                if (expectedAllowed && !c.method().equals("GET")) {
                    assertThat(page.status())
                            .as("%s %s by %s must fail validation, not change anything", c.method(), c.path(), r)
                            .isIn(200, 400, 404, 409, 415, 422);
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void administratorsNeverSeeBusinessContentAndTheAuditorNeverWrites() {
        for (Role admin : List.of(SYSADMIN, SECADMIN, AUDITOR)) {
            var s = sessions.get(admin);
            assertThat(s.get("/items/" + inCountyA).status()).isEqualTo(403);
            assertThat(s.api("GET", "/api/v1/items/" + inCountyA, null).status())
                    .isEqualTo(403);
            assertThat(s.api("GET", "/api/v1/items/" + inCountyA + "/files/1", null)
                            .status())
                    .isEqualTo(403);
            assertThat(s.api("GET", "/api/v1/search?name=王", null).status()).isEqualTo(403);
            assertThat(s.get("/").location()).endsWith("/account");
        }
        for (var c : cases()) {
            if (!c.method().equals("GET") && !c.path().equals("/audit/verify")) {
                assertThat(c.allowed()).as(c.path()).doesNotContain(AUDITOR);
            }
        }
    }

    @Test
    void outOfScopeItemsAnswer404ByIdAndAreAbsentFromSearch() {
        var clerk = sessions.get(CLERK); // county A, clearance 2
        assertThat(clerk.api("GET", "/api/v1/items/" + inCountyA, null).status())
                .isEqualTo(200);
        assertThat(clerk.api("GET", "/api/v1/items/" + inCountyB, null).status())
                .isEqualTo(404);
        assertThat(clerk.api("GET", "/api/v1/items/" + sensitiveInA, null).status())
                .isEqualTo(404);
        assertThat(clerk.get("/items/" + inCountyB).status()).isEqualTo(404);
        assertThat(clerk.api("GET", "/api/v1/items/" + inCountyB + "/files/1", null)
                        .status())
                .isEqualTo(404);
        String codeB = catalog.requireItem(inCountyB).archiveCode();
        assertThat(clerk.api("GET", "/api/v1/search?archiveCode=" + enc(codeB), null)
                        .body())
                .contains("\"total\":0");
        var archivist = sessions.get(ARCHIVIST); // root, clearance 3
        assertThat(archivist.api("GET", "/api/v1/items/" + inCountyB, null).status())
                .isEqualTo(200);
        assertThat(archivist.api("GET", "/api/v1/items/" + sensitiveInA, null).status())
                .isEqualTo(200);
        assertThat(archivist
                        .api("GET", "/api/v1/search?archiveCode=" + enc(codeB), null)
                        .body())
                .contains("\"total\":1");
        // the same 404 as an id that does not exist at all
        assertThat(clerk.api("GET", "/api/v1/items/" + UUID.randomUUID(), null).status())
                .isEqualTo(404);
    }

    @Test
    void apiTokensCarryOnlyTheirScopes() {
        var api = new org.siarchive.support.ApiClient(port);
        assertThat(api.get("/api/v1/items/" + inCountyA).status()).isEqualTo(200);
        assertThat(api.withToken("sia_not-a-token")
                        .get("/api/v1/items/" + inCountyA)
                        .status())
                .isEqualTo(401);
        assertThat(api.withToken("").get("/api/v1/items/" + inCountyA).status()).isEqualTo(401);
    }

    private static Map<String, String> form(String body) {
        var m = new java.util.LinkedHashMap<String, String>();
        if (body != null && !body.isEmpty()) {
            for (String kv : body.split("&")) {
                int i = kv.indexOf('=');
                m.put(kv.substring(0, i), kv.substring(i + 1));
            }
        }
        return m;
    }

    private static String enc(String s) {
        return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8);
    }
}
