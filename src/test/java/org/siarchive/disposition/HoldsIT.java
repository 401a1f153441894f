package org.siarchive.disposition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.siarchive.audit.AuditTrail;
import org.siarchive.audit.AuditedObject;
import org.siarchive.capture.Captures;
import org.siarchive.capture.Upload;
import org.siarchive.catalog.Catalog;
import org.siarchive.catalog.GuardedOperation;
import org.siarchive.catalog.ItemGuards;
import org.siarchive.catalog.ItemRecord;
import org.siarchive.organisation.OrgUnit;
import org.siarchive.organisation.Organisations;
import org.siarchive.quality.CreditCode;
import org.siarchive.quality.Submission;
import org.siarchive.security.Accounts;
import org.siarchive.security.Permission;
import org.siarchive.security.Role;
import org.siarchive.security.TestAccounts;
import org.siarchive.shared.Access;
import org.siarchive.shared.Actor;
import org.siarchive.shared.ConflictException;
import org.siarchive.shared.Scope;
import org.siarchive.support.ConsoleSession;
import org.siarchive.support.IntegrationTest;
import org.siarchive.support.Samples;
import org.siarchive.transfer.TransferPackages;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Legal holds (冻结) on the real stack: each guarded operation answers 409 naming the hold while an item is
 * held — correction by API and console, transfer export, appraisal for destruction and destruction at the
 * door — and succeeds once the hold is released; holds on a person, an employer and a query (covering
 * items captured later); another unit's hold is 404 and blocks nothing outside its subtree; audit; the
 * lock between placing a hold and a check; the bulk check of 10,000 ids.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HoldsIT extends IntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

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
    Holds holds;

    @Autowired
    ItemGuards guards;

    @Autowired
    TransferPackages transfers;

    @Autowired
    AuditTrail audit;

    @Autowired
    TransactionTemplate tx;

    final String run = Integer.toString(ThreadLocalRandom.current().nextInt(100_000, 999_999));
    OrgUnit east;
    OrgUnit west;
    String fondsEast;
    String fondsWest;
    ConsoleSession eastArchivist;
    ConsoleSession westArchivist;
    Access eastAccess;
    Access westAccess;
    int seed = 1;

    @BeforeAll
    void twoUnits() {
        var root = organisations.root();
        var city = organisations.create(root.id(), "HC" + run, "冻结市社保中心" + run, "CITY", Actor.SYSTEM);
        east = organisations.create(city.id(), "HE" + run, "东区社保中心" + run, "COUNTY", Actor.SYSTEM);
        west = organisations.create(city.id(), "HW" + run, "西区社保中心" + run, "COUNTY", Actor.SYSTEM);
        fondsEast = "E" + run.substring(0, 4);
        fondsWest = "W" + run.substring(0, 4);
        catalog.ensureFonds(fondsEast, "东区档案", east.name(), east.id(), Actor.SYSTEM);
        catalog.ensureFonds(fondsWest, "西区档案", west.name(), west.id(), Actor.SYSTEM);
        eastArchivist = login("hearch", east);
        westArchivist = login("hwarch", west);
        eastAccess = access("hearch" + run, east);
        westAccess = access("hwarch" + run, west);
    }

    private ConsoleSession login(String name, OrgUnit org) {
        var l = TestAccounts.create(accounts, name + run, org.id(), Set.of(Role.ARCHIVIST), 3, true);
        var s = new ConsoleSession(port);
        assertThat(s.login(l.username(), l.password(), l.codes())).isEqualTo("/");
        s.get("/account");
        return s;
    }

    private static Access access(String login, OrgUnit org) {
        return new Access(
                new Actor(login, "127.0.0.1", "test"), new Scope(org.path(), null, 3), Set.of(Permission.HOLD_MANAGE));
    }

    private ItemRecord capture(String fonds, String cert, String title, Submission.Employer employer) {
        var base = Samples.personEnrolment(fonds, "1", Samples.acceptanceNo(), cert, "冻结测试", "13800138000", null);
        var s = new Submission(
                base.fondsCode(),
                base.acceptanceNo(),
                base.businessStep(),
                base.insuranceType(),
                title,
                base.responsible(),
                base.docDate(),
                base.docNo(),
                base.securityLevel(),
                base.person(),
                employer,
                base.handler(),
                base.handlingAgency(),
                base.handledAt(),
                base.files());
        int n = seed++;
        return captures.capture(
                        s,
                        List.of(
                                Upload.ofBytes("a.png", Samples.png(run.hashCode() + n)),
                                Upload.ofBytes("b.pdf", Samples.pdf(run + "-" + n))),
                        null,
                        Actor.SYSTEM)
                .item();
    }

    private ItemRecord capture(String fonds, String title) {
        return capture(fonds, Samples.citizenId(1960 + seed % 40), title, null);
    }

    private static String creditCode(int n) {
        String body8 = "%08d".formatted(n);
        String org = body8 + CreditCode.organisationCheckChar(body8);
        String first17 = "91110000" + org;
        return first17 + CreditCode.checkChar(first17);
    }

    private Hold holdOn(
            Access who,
            HoldSubject subject,
            List<String> codes,
            String idNumber,
            String credit,
            org.siarchive.catalog.ItemFacts.Criteria query) {
        return holds.place(
                new HoldRequest(
                        "LITIGATION",
                        "（2026）民初" + run,
                        "诉讼保全，暂停处置",
                        null,
                        subject.name(),
                        codes,
                        null,
                        idNumber,
                        credit,
                        query),
                who);
    }

    private Hold holdOnItems(ItemRecord... items) {
        var codes = java.util.Arrays.stream(items).map(ItemRecord::archiveCode).toList();
        return holdOn(eastAccess, HoldSubject.ITEMS, codes, null, null, null);
    }

    private static String json(Object o) {
        return JSON.writeValueAsString(o);
    }

    // ---------------------------------------------------------------- each blocked operation, then release

    @Test
    void correctionByApiIsRefusedWhileHeldAndSucceedsAfterRelease() {
        var item = capture(fondsEast, "更正冻结（接口）");
        var hold = holdOnItems(item);
        String body = json(Map.of("title", "更正后的题名", "responsible", "东区中心", "reason", "题名笔误"));

        var refused = eastArchivist.api("POST", "/api/v1/items/" + item.id() + "/corrections", body);

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.body()).contains(hold.holdNo(), "诉讼", "（2026）民初" + run, "更正", item.archiveCode());
        assertThat(catalog.requireItem(item.id()).objectVersion()).isEqualTo(1);

        var released = eastArchivist.api(
                "POST", "/api/v1/disposition/holds/" + hold.holdNo() + "/release", json(Map.of("reason", "案件已审结")));
        assertThat(released.status()).as(released.body()).isEqualTo(200);
        var corrected = eastArchivist.api("POST", "/api/v1/items/" + item.id() + "/corrections", body);
        assertThat(corrected.status()).as(corrected.body()).isEqualTo(200);
        assertThat(catalog.requireItem(item.id()).title()).isEqualTo("更正后的题名");
    }

    @Test
    void correctionInTheConsoleShowsTheHoldBesideTheActionAndKeepsTheInput() {
        var item = capture(fondsEast, "更正冻结（控制台）");
        var hold = holdOnItems(item);
        var form = Map.of("title", "控制台更正题名", "responsible", "东区中心", "reason", "题名笔误");

        var refused = eastArchivist.post("/items/" + item.id() + "/correction", form);

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.body()).contains("item-error", hold.holdNo(), "控制台更正题名");
        assertThat(eastArchivist.get("/items/" + item.id()).body()).contains("notice-0", hold.holdNo());
        holds.release(hold.holdNo(), "案件已审结", eastAccess);
        assertThat(eastArchivist
                        .post("/items/" + item.id() + "/correction", form)
                        .status())
                .isEqualTo(302);
    }

    @Test
    void transferExportIsRefusedWhileHeldAndSucceedsAfterRelease() {
        var free = capture(fondsEast, "移出未冻结");
        var held = capture(fondsEast, "移出冻结");
        var hold = holdOnItems(held);
        var exporter = new Access(eastAccess.actor(), eastAccess.scope(), Set.of());

        assertThatThrownBy(() -> transfers.export(List.of(free.id(), held.id()), TransferPackages.Format.EEP, exporter))
                .isInstanceOf(ConflictException.class)
                .satisfies(e -> assertThat(((ConflictException) e).args()).contains(held.archiveCode(), hold.holdNo()));
        assertThat(audit.forObject(AuditedObject.ITEM, held.id().toString()))
                .noneMatch(e -> e.operation().equals("TRANSFER_EXPORT"));

        holds.release(hold.holdNo(), "案件已审结", eastAccess);
        var exported = transfers.export(List.of(free.id(), held.id()), TransferPackages.Format.EEP, exporter);
        assertThat(exported.items()).isEqualTo(2);
    }

    @Test
    void appraisalForDestructionAndDestructionAreRefusedAtTheDoorWhileHeld() {
        var item = capture(fondsEast, "销毁冻结");
        var hold = holdOnItems(item);
        for (var op : List.of(GuardedOperation.APPRAISE_FOR_DESTRUCTION, GuardedOperation.DESTROY)) {
            assertThatThrownBy(() -> guards.check(List.of(item.id()), op))
                    .isInstanceOf(ConflictException.class)
                    .hasMessageContaining(hold.holdNo());
        }
        holds.release(hold.holdNo(), "案件已审结", eastAccess);
        guards.check(List.of(item.id()), GuardedOperation.APPRAISE_FOR_DESTRUCTION);
        guards.check(List.of(item.id()), GuardedOperation.DESTROY);
    }

    // ---------------------------------------------------------------- subjects

    @Test
    void aHoldOnAPersonCoversTheirItemsAndThoseCapturedLater() {
        String cert = Samples.citizenId(1958);
        var before = capture(fondsEast, cert, "参保人冻结之前", null);
        var other = capture(fondsEast, "别人的件");
        var hold = holdOn(eastAccess, HoldSubject.PERSON, null, cert, null, null);
        var after = capture(fondsEast, cert, "参保人冻结之后", null);

        assertThat(holds.heldItemIds(List.of(before.id(), other.id(), after.id())))
                .containsExactlyInAnyOrder(before.id(), after.id());
        assertThat(jdbcText("select count(*) from legal_hold where hold_no = '" + hold.holdNo()
                        + "' and (reason like '%" + cert + "%' or case_ref like '%" + cert + "%' or query::text like '%"
                        + cert + "%')"))
                .isEqualTo("0");
        var found = holds.search(new Holds.Search(null, null, null, null, null, cert), eastAccess);
        assertThat(found).extracting(Hold::holdNo).contains(hold.holdNo());
    }

    @Test
    void aHoldOnAnEmployerCoversItsItems() {
        String credit = creditCode(Integer.parseInt(run));
        var employer = new Submission.Employer(credit, "冻结测试有限公司" + run);
        var item = capture(fondsEast, Samples.citizenId(1957), "单位冻结", employer);
        var other = capture(fondsEast, "无单位的件");
        var hold = holdOn(eastAccess, HoldSubject.EMPLOYER, null, null, credit, null);

        assertThat(holds.heldItemIds(List.of(item.id(), other.id()))).containsExactly(item.id());
        assertThatThrownBy(() -> guards.check(List.of(other.id(), item.id()), GuardedOperation.DESTROY))
                .hasMessageContaining(hold.holdNo())
                .hasMessageContaining(item.archiveCode());
    }

    @Test
    void aHoldOnAQueryCoversItemsCapturedAfterItAndOnlyMatchingOnes() {
        String word = "稽核专查" + run;
        var query = new org.siarchive.catalog.ItemFacts.Criteria(
                null, null, fondsEast, null, null, null, 2000, 2100, null, List.of(word));
        var hold = holdOn(eastAccess, HoldSubject.QUERY, null, null, null, query);
        var later = capture(fondsEast, word + "之后采集");
        var unrelated = capture(fondsEast, "不相关的件");
        var otherFonds = capture(fondsWest, word + "西区");

        assertThat(holds.heldItemIds(List.of(later.id(), unrelated.id(), otherFonds.id())))
                .containsExactly(later.id());
        var page = holds.covered(hold, 0, eastAccess);
        assertThat(page.items()).extracting(f -> f.id()).containsExactly(later.id());
        assertThat(eastArchivist.get("/disposition/holds/" + hold.holdNo()).body())
                .contains(later.archiveCode(), word)
                .doesNotContain(unrelated.archiveCode());
    }

    // ---------------------------------------------------------------- scope, audit, console, bad input

    @Test
    void anotherUnitsHoldIsNotFoundAndBlocksNothingOutsideItsSubtree() {
        var westItem = capture(fondsWest, "西区件");
        var eastItem = capture(fondsEast, "东区件");
        var everything = new org.siarchive.catalog.ItemFacts.Criteria(
                null, null, null, null, null, null, 1900, 2200, null, List.of());
        var westHold = holdOn(westAccess, HoldSubject.QUERY, null, null, null, everything);

        assertThat(holds.heldItemIds(List.of(westItem.id(), eastItem.id()))).containsExactly(westItem.id());
        guards.check(List.of(eastItem.id()), GuardedOperation.CORRECT);
        assertThat(eastArchivist.get("/disposition/holds/" + westHold.holdNo()).status())
                .isEqualTo(404);
        assertThat(eastArchivist
                        .api("GET", "/api/v1/disposition/holds/" + westHold.holdNo(), null)
                        .status())
                .isEqualTo(404);
        assertThat(eastArchivist
                        .api(
                                "POST",
                                "/api/v1/disposition/holds/" + westHold.holdNo() + "/release",
                                json(Map.of("reason", "越权解除")))
                        .status())
                .isEqualTo(404);
        assertThat(eastArchivist.get("/disposition/holds").body()).doesNotContain(westHold.holdNo());
        assertThat(westArchivist.get("/disposition/holds").body()).contains(westHold.holdNo());
        holds.release(westHold.holdNo(), "测试结束", westAccess);
    }

    @Test
    void placingAndReleasingAreAudited() {
        var item = capture(fondsEast, "审计冻结");
        var hold = holdOnItems(item);
        var stranger = new Access(
                new Actor("stranger" + run, "127.0.0.1", "test"), eastAccess.scope(), Set.of(Permission.HOLD_MANAGE));
        assertThatThrownBy(() -> holds.release(hold.holdNo(), "不是负责人", stranger))
                .isInstanceOf(org.siarchive.shared.ForbiddenException.class);
        holds.release(hold.holdNo(), "案件已审结", eastAccess);

        var entries = audit.forObject(AuditedObject.LEGAL_HOLD, hold.holdNo());
        assertThat(entries).extracting(AuditTrail.Entry::operation).containsExactly("HOLD", "RELEASE");
        assertThat(entries).extracting(AuditTrail.Entry::actor).containsOnly("hearch" + run);
        assertThat(hold.holdNo()).matches("DJ\\d{4}-\\d{4}");
        assertThatThrownBy(() -> holds.release(hold.holdNo(), "再次解除", eastAccess))
                .isInstanceOf(ConflictException.class);
    }

    @Test
    void theConsolePlacesAHoldAndRefusesABadFormFieldByField() {
        var item = capture(fondsEast, "控制台冻结");
        var bad = eastArchivist.post(
                "/disposition/holds",
                Map.of(
                        "caseType",
                        "AUDIT",
                        "subject",
                        "ITEMS",
                        "caseRef",
                        "",
                        "reason",
                        "x",
                        "archiveCodes",
                        item.archiveCode()));
        assertThat(bad.status()).isEqualTo(422);
        assertThat(bad.body()).contains("caseRef-error", "reason-error", item.archiveCode());

        var placed = eastArchivist.post(
                "/disposition/holds",
                Map.of(
                        "caseType",
                        "AUDIT",
                        "subject",
                        "ITEMS",
                        "caseRef",
                        "稽核" + run,
                        "reason",
                        "基金稽核",
                        "archiveCodes",
                        item.archiveCode()));
        assertThat(placed.status()).isEqualTo(302);
        String no = placed.location().substring(placed.location().lastIndexOf('/') + 1);
        var page = eastArchivist.get("/disposition/holds/" + no);
        assertThat(page.body()).contains(item.archiveCode(), "稽核", "冻结中");
        assertThat(eastArchivist
                        .post("/disposition/holds/" + no + "/release", Map.of("reason", ""))
                        .status())
                .isEqualTo(422);
        assertThat(eastArchivist
                        .post("/disposition/holds/" + no + "/release", Map.of("reason", "稽核结束"))
                        .status())
                .isEqualTo(302);
        assertThat(holds.get(no, eastAccess).active()).isFalse();
        var api = eastArchivist.api("POST", "/api/v1/disposition/holds", json(Map.of("caseType", "NONE")));
        assertThat(api.status()).isEqualTo(422);
        assertThat(api.body()).contains("caseType", "caseRef", "reason");
    }

    // ---------------------------------------------------------------- concurrency and bulk

    @Test
    void aHoldBeingPlacedWaitsForACheckInProgressAndIsSeenByTheNextOne() throws Exception {
        var item = capture(fondsEast, "并发冻结");
        var checked = new CompletableFuture<Void>();
        var finish = new CompletableFuture<Void>();
        var destruction = CompletableFuture.runAsync(() -> tx.executeWithoutResult(s -> {
            guards.check(List.of(item.id()), GuardedOperation.DESTROY);
            checked.complete(null);
            finish.join();
        }));
        checked.get(30, TimeUnit.SECONDS);
        var placing = CompletableFuture.supplyAsync(() -> holdOnItems(item));
        Thread.sleep(1_000);
        assertThat(placing)
                .as("the hold waits for the destruction's transaction")
                .isNotDone();
        finish.complete(null);
        destruction.get(30, TimeUnit.SECONDS);
        var hold = placing.get(30, TimeUnit.SECONDS);
        assertThatThrownBy(() -> guards.check(List.of(item.id()), GuardedOperation.DESTROY))
                .hasMessageContaining(hold.holdNo());
        holds.release(hold.holdNo(), "测试结束", eastAccess);
    }

    @Test
    void checkingTenThousandIdsIsSetBased() {
        var held = capture(fondsEast, "批量冻结");
        var query = new org.siarchive.catalog.ItemFacts.Criteria(
                null, null, fondsEast, null, null, null, null, null, held.archiveCode(), List.of());
        var hold = holdOn(eastAccess, HoldSubject.QUERY, null, null, null, query);
        var ids = new ArrayList<UUID>();
        for (int n = 0; n < 9_999; n++) {
            ids.add(UUID.randomUUID());
        }
        ids.add(held.id());
        holds.heldItemIds(ids); // warm

        long start = System.nanoTime();
        assertThatThrownBy(() -> tx.executeWithoutResult(s -> guards.check(ids, GuardedOperation.DESTROY)))
                .hasMessageContaining(hold.holdNo());
        long millis = (System.nanoTime() - start) / 1_000_000;
        System.out.println("hold check of 10,000 ids: " + millis + " ms");
        assertThat(millis).as("10,000 ids in a few queries, not one per id").isLessThan(3_000);
        holds.release(hold.holdNo(), "测试结束", eastAccess);
    }

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    private String jdbcText(String sql) {
        return String.valueOf(jdbc.sql(sql).query(Long.class).single());
    }
}
