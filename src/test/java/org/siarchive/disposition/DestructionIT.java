package org.siarchive.disposition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.siarchive.audit.AuditOperation;
import org.siarchive.audit.AuditTrail;
import org.siarchive.audit.AuditedObject;
import org.siarchive.catalog.Catalog;
import org.siarchive.organisation.Organisations;
import org.siarchive.preservation.Preservation;
import org.siarchive.security.Accounts;
import org.siarchive.security.ApiTokens;
import org.siarchive.security.Permission;
import org.siarchive.security.Role;
import org.siarchive.security.TestAccounts;
import org.siarchive.shared.Access;
import org.siarchive.shared.Actor;
import org.siarchive.shared.ConflictException;
import org.siarchive.shared.ForbiddenException;
import org.siarchive.shared.ReadableTime;
import org.siarchive.shared.Scope;
import org.siarchive.support.ApiClient;
import org.siarchive.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Supervised destruction end to end on the real stores (issue 16 item 4): every rule refused with nothing
 * written (409), every unfit supervisor refused (403), then an execution after which no file of the primary
 * store or staging holds the marker planted in the content, the tombstone keeps the 档号 and digests but
 * no personal data, the audit trail names each destroyed 档号, and the next capture gets a new 档号.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DestructionIT extends IntegrationTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Destructions destructions;

    @Autowired
    DestructionRecords records;

    @Autowired
    DestructionReconciliation reconciliation;

    @Autowired
    Accounts accounts;

    @Autowired
    Organisations organisations;

    @Autowired
    ApiTokens tokens;

    @Autowired
    AuditTrail audit;

    @Autowired
    Catalog catalog;

    @Autowired
    Preservation preservation;

    final String run = Integer.toString(ThreadLocalRandom.current().nextInt(100_000, 999_999));
    DestructionFixture fixture;
    TestAccounts.Login executor;
    TestAccounts.Login supA;
    TestAccounts.Login supB;
    TestAccounts.Login noTotp;
    TestAccounts.Login sysadmin;
    TestAccounts.Login reader;

    @BeforeAll
    void setUp() {
        fixture = new DestructionFixture(new ApiClient(port), jdbc);
        long root = organisations.root().id();
        executor = TestAccounts.create(accounts, "dexec" + run, root, Set.of(Role.ARCHIVIST), 3, true);
        supA = TestAccounts.create(accounts, "dsupa" + run, root, Set.of(Role.APPROVER), 3, true);
        supB = TestAccounts.create(accounts, "dsupb" + run, root, Set.of(Role.ARCHIVIST), 3, true);
        noTotp = TestAccounts.create(accounts, "dsupn" + run, root, Set.of(Role.ARCHIVIST), 3, false);
        sysadmin = TestAccounts.create(accounts, "dsysa" + run, root, Set.of(Role.SYSADMIN), 3, true);
        reader = TestAccounts.create(accounts, "dread" + run, root, Set.of(Role.READER), 3, true);
    }

    private Access access(TestAccounts.Login login) {
        var perms = accounts.permissions(accounts.require(login.id()));
        return new Access(new Actor(login.username(), "127.0.0.1", "junit"), Scope.EVERYTHING, perms);
    }

    private final java.util.concurrent.atomic.AtomicInteger fresh = new java.util.concurrent.atomic.AtomicInteger();
    private TestAccounts.Login lastSupA;

    /**
     * A supervisor confirming with a current code. A TOTP code is accepted once per 30-second step, so the
     * two usual supervisors stand for a fresh account of their role at each confirmation (the last one
     * standing for supA is kept for the record's assertions); the others confirm as themselves.
     */
    private Destructions.Supervisor sup(TestAccounts.Login l) {
        var who = l;
        if (l == supA || l == supB) {
            who = TestAccounts.create(
                    accounts,
                    "dsf" + run + fresh.incrementAndGet(),
                    organisations.root().id(),
                    Set.of(l == supA ? Role.APPROVER : Role.ARCHIVIST),
                    3,
                    true);
            if (l == supA) {
                lastSupA = who;
            }
        }
        return new Destructions.Supervisor(
                who.username(), who.password(), who.codes().get());
    }

    private Destructions.Request request(Destructions.Supervisor a, Destructions.Supervisor b) {
        return new Destructions.Request("电子数据彻底删除", "档案馆三楼销毁室", a, b);
    }

    private String name() {
        return "销毁" + "甲乙丙丁戊己庚辛".charAt(ThreadLocalRandom.current().nextInt(8))
                + "子丑寅卯辰巳午未".charAt(ThreadLocalRandom.current().nextInt(8));
    }

    @Test
    void everyBrokenRuleIsA409AndNothingIsWritten() {
        var a = fixture.capture(name(), DestructionFixture.marker());
        var b = fixture.capture(name(), DestructionFixture.marker());
        var access = access(executor);
        var cases = new LinkedHashMap<String, java.util.function.LongSupplier>();
        cases.put("notApproved", () -> fixture.batch("APPRAISED", true, Map.of(a, "DESTROY")));
        cases.put("listNotFiled", () -> fixture.batch("APPROVED", false, Map.of(a, "DESTROY")));
        cases.put("nothingToDestroy", () -> fixture.batch("APPROVED", true, Map.of(a, "EXTEND")));
        var refused = new java.util.ArrayList<Long>();
        for (var c : cases.entrySet()) {
            long batch = c.getValue().getAsLong();
            refused.add(batch);
            assertThatThrownBy(() -> destructions.execute(batch, request(sup(supA), sup(supB)), access))
                    .as(c.getKey())
                    .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.messageKey())
                            .isEqualTo("disposition.destruction." + c.getKey()));
            fixture.close(batch);
        }
        long valid = fixture.batch("APPROVED", true, Map.of(a, "DESTROY", b, "DESTROY"));
        fixture.retention(b.id(), "Y", null);
        expect409(valid, "permanent", access);
        fixture.retention(b.id(), "D10", ReadableTime.beijing().today().plusYears(1));
        expect409(valid, "termNotEnded", access);
        fixture.retention(b.id(), "D10", LocalDate.of(2020, 12, 31));
        TestHolds.BLOCKED.add(b.id());
        try {
            assertThatThrownBy(() -> destructions.execute(valid, request(sup(supA), sup(supB)), access))
                    .isInstanceOfSatisfying(
                            ConflictException.class,
                            e -> assertThat(e.args().get(0)).contains("held " + b.id() + " DESTROY"));
        } finally {
            TestHolds.BLOCKED.remove(b.id());
        }
        refused.add(valid);
        for (long batch : refused) {
            assertThat(count("select count(*) from destruction where batch_id = " + batch))
                    .isZero();
        }
        for (var item : List.of(a, b)) {
            assertThat(catalog.requireItem(item.id()).status()).isEqualTo("PRESERVED");
            assertThat(preservation.validate(catalog.requireItem(item.id()).objectId()))
                    .isEmpty();
        }
    }

    private void expect409(long batch, String rule, Access access) {
        assertThatThrownBy(() -> destructions.execute(batch, request(sup(supA), sup(supB)), access))
                .as(rule)
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.messageKey())
                        .isEqualTo("disposition.destruction." + rule));
    }

    @Test
    void unfitSupervisorsAre403sThenTwoConfirmedSupervisorsDestroyAndLeaveTombstones() {
        String marker = DestructionFixture.marker();
        var a = fixture.capture(name(), marker);
        var b = fixture.capture(name(), marker);
        var kept = fixture.capture(name(), DestructionFixture.marker());
        long batch = fixture.batch("APPROVED", true, Map.of(a, "DESTROY", b, "DESTROY", kept, "EXTEND"));
        var access = access(executor);
        expect403(
                batch,
                new Destructions.Supervisor(
                        executor.username(),
                        executor.password(),
                        executor.codes().get()),
                sup(supB),
                "supervisorIsExecutor");
        var one = sup(supA);
        expect403(batch, one, new Destructions.Supervisor(one.login(), one.password(), "123456"), "sameSupervisor");
        expect403(batch, sup(supA), sup(noTotp), "supervisor.NO_SECOND_FACTOR");
        expect403(batch, sup(supA), sup(sysadmin), "supervisor.NOT_PERMITTED");
        expect403(batch, sup(supA), sup(reader), "supervisor.NOT_PERMITTED");
        int failedBefore = accounts.require(supB.id()).failedLogins();
        String wrong = Integer.toString((Integer.parseInt(supB.codes().get()) + 1) % 1_000_000);
        expect403(
                batch,
                sup(supA),
                new Destructions.Supervisor(
                        supB.username(), supB.password(), "%06d".formatted(Integer.parseInt(wrong))),
                "supervisor.WRONG_CODE");
        assertThat(accounts.require(supB.id()).failedLogins())
                .as("counted toward lockout")
                .isEqualTo(failedBefore + 1);
        expect403(
                batch,
                sup(supA),
                new Destructions.Supervisor(
                        supB.username(), "wrong-password", supB.codes().get()),
                "supervisor.WRONG_PASSWORD");
        assertThat(count("select count(*) from destruction where batch_id = " + batch))
                .isZero();

        var roots = StoreScan.roots(DATA_DIR);
        assertThat(StoreScan.filesContaining(roots, marker))
                .as("the scan finds the planted marker")
                .isNotEmpty();
        long id = destructions
                .execute(batch, request(sup(supA), sup(supB)), access)
                .destructionId();

        assertThat(StoreScan.filesContaining(roots, marker))
                .as("no byte of the content left")
                .isEmpty();
        assertThat(jdbc.sql("select state from destruction where id = :d")
                        .param("d", id)
                        .query(String.class)
                        .single())
                .isEqualTo("FINISHED");
        assertThat(jdbc.sql("select state from appraisal_batch where id = :b")
                        .param("b", batch)
                        .query(String.class)
                        .single())
                .as("the 延期 decision still waits")
                .isEqualTo("DESTROYED_NOT_EXTENDED");
        for (var item : List.of(a, b)) {
            assertTombstone(item, id);
        }
        assertThat(catalog.requireItem(kept.id()).status()).isEqualTo("PRESERVED");
        assertThat(preservation.validate(catalog.requireItem(kept.id()).objectId()))
                .isEmpty();
        assertThat(reconciliation.run()).as("nothing left to complete").isZero();

        var next = fixture.capture(name(), DestructionFixture.marker());
        assertThat(next.archiveCode()).isNotIn(a.archiveCode(), b.archiveCode());
        int destroyedNo = Math.max(
                catalog.requireItem(a.id()).itemNo(),
                catalog.requireItem(b.id()).itemNo());
        assertThat(catalog.requireItem(next.id()).itemNo()).isGreaterThan(destroyedNo);
    }

    private void assertTombstone(DestructionFixture.Captured c, long destructionId) {
        var item = catalog.requireItem(c.id());
        assertThat(item.status()).isEqualTo("DESTROYED");
        assertThat(item.archiveCode()).isEqualTo(c.archiveCode());
        assertThat(item.personName()).isNull();
        assertThat(item.certNo()).isNull();
        assertThat(item.title()).doesNotContain(c.name());
        assertThat(item.files()).hasSize(2).allSatisfy(f -> assertThat(f.originalName())
                .doesNotContain(c.name()));
        assertThat(preservation.holds(item.objectId())).isFalse();
        var record = records.of(c.id()).orElseThrow();
        assertThat(record.state()).isEqualTo("TOMBSTONED");
        assertThat(record.supervisor1()).isEqualTo(TestAccounts.displayName(lastSupA.username()));
        assertThat(record.executor()).isEqualTo(TestAccounts.displayName(executor.username()));
        assertThat(record.digests())
                .extracting(DestructionRecords.Digest::sha256)
                .containsExactlyElementsOf(
                        item.files().stream().map(f -> f.sha256()).toList());
        assertThat(record.digests()).allSatisfy(d -> assertThat(d.sm3()).hasSize(64));
        assertThat(audit.forObject(AuditedObject.ITEM, c.id().toString())).anySatisfy(e -> {
            assertThat(e.is(AuditOperation.DESTROY)).isTrue();
            assertThat(e.detail()).contains(c.archiveCode());
        });
        assertThat(audit.forObject(AuditedObject.DESTRUCTION, Long.toString(destructionId)))
                .extracting(AuditTrail.Entry::operation)
                .contains("START", "CONFIRM", "FINISH");
        assertThat(count("select count(*) from event_publication where serialized_event like '%" + c.id() + "%'"
                        + " and event_type like '%ItemDestroyed'"))
                .as("ItemDestroyed published with the tombstone")
                .isPositive();
    }

    private void expect403(long batch, Destructions.Supervisor s1, Destructions.Supervisor s2, String rule) {
        assertThatThrownBy(() -> destructions.execute(batch, request(s1, s2), access(executor)))
                .as(rule)
                .isInstanceOfSatisfying(ForbiddenException.class, e -> assertThat(e.messageKey())
                        .isEqualTo("disposition.destruction." + rule));
    }

    @Test
    void theApiExecutesAndShowsTheRecordAndAnswersProblems() {
        var a = fixture.capture(name(), DestructionFixture.marker());
        long batch = fixture.batch("APPROVED", true, Map.of(a, "DESTROY"));
        var issued = tokens.issue(
                "destroy-" + run,
                organisations.root().id(),
                Set.of(Permission.DISPOSITION_EXECUTE, Permission.ITEM_READ),
                3,
                null,
                1,
                Actor.SYSTEM);
        var api = new ApiClient(port, issued.token());
        String path = "/api/v1/disposition/batches/" + batch + "/destruction";
        var missing = api.postJson(path, Map.of("method", "电子数据彻底删除"));
        assertThat(missing.status()).isEqualTo(422);
        var unapproved = api.postJson(
                "/api/v1/disposition/batches/" + fixture.batch("UNAPPRAISED", null, Map.of()) + "/destruction",
                body(sup(supA), sup(supB)));
        assertThat(unapproved.status()).isEqualTo(409);
        assertThat(unapproved.json().path("detail").asString()).contains("尚未审核");
        var wrong = api.postJson(
                path, body(sup(supA), new Destructions.Supervisor(supB.username(), supB.password(), "12345x")));
        assertThat(wrong.status()).isEqualTo(403);
        assertThat(wrong.json().path("detail").asString()).contains("第 2 位监销人");
        assertThat(api.postJson("/api/v1/disposition/batches/abc/destruction", body(sup(supA), sup(supB)))
                        .status())
                .isEqualTo(404);
        var done = api.postJson(path, body(sup(supA), sup(supB)));
        assertThat(done.status()).as(new String(done.body())).isEqualTo(201);
        assertThat(done.json().path("destroyed").asInt()).isEqualTo(1);
        var record = api.get("/api/v1/disposition/items/" + a.id() + "/destruction");
        assertThat(record.status()).isEqualTo(200);
        assertThat(record.json().path("archiveCode").asString()).isEqualTo(a.archiveCode());
        assertThat(record.json().path("method").asString()).isEqualTo("电子数据彻底删除");
        assertThat(new ApiClient(
                                port,
                                tokens.issue(
                                                "nodestroy-" + run,
                                                organisations.root().id(),
                                                Set.of(Permission.ITEM_READ),
                                                3,
                                                null,
                                                1,
                                                Actor.SYSTEM)
                                        .token())
                        .postJson(path, body(sup(supA), sup(supB)))
                        .status())
                .isEqualTo(403);
        assertThat(api.get("/api/v1/disposition/items/" + UUID.randomUUID() + "/destruction")
                        .status())
                .isEqualTo(404);
    }

    private static Map<String, Object> body(Destructions.Supervisor a, Destructions.Supervisor b) {
        return Map.of(
                "method",
                "电子数据彻底删除",
                "place",
                "档案馆三楼销毁室",
                "supervisor1",
                Map.of("login", a.login(), "password", a.password(), "code", a.code()),
                "supervisor2",
                Map.of("login", b.login(), "password", b.password(), "code", b.code()));
    }

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }
}
