package org.siarchive.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
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
import org.siarchive.disposition.AppraisalAwaitingApproval;
import org.siarchive.disposition.AppraisalTaskAssigned;
import org.siarchive.lending.LoanRequests;
import org.siarchive.lending.PhysicalLoans;
import org.siarchive.monitoring.AlertRaised;
import org.siarchive.organisation.OrgUnit;
import org.siarchive.organisation.Organisations;
import org.siarchive.security.Accounts;
import org.siarchive.security.Role;
import org.siarchive.security.TestAccounts;
import org.siarchive.shared.Access;
import org.siarchive.shared.Actor;
import org.siarchive.shared.ReadableTime;
import org.siarchive.shared.Scope;
import org.siarchive.supervision.RectificationAssigned;
import org.siarchive.support.IntegrationTest;
import org.siarchive.support.Samples;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Every source of notifications on the real stack, each telling the right accounts — and only them — within their
 * data scope: use requests waiting (step 1 and step 2) and granted, appraisal batches waiting and appraisal tasks,
 * physical loans due and overdue (the daily sweep), security alerts, rectification items with their reminders; a
 * redelivered event or a repeated sweep tells nobody twice. Two counties of one city: east (where things happen)
 * and west (whose people must hear nothing).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NotificationSourcesIT extends IntegrationTest {

    @Autowired
    Accounts accounts;

    @Autowired
    Organisations organisations;

    @Autowired
    Catalog catalog;

    @Autowired
    Captures captures;

    @Autowired
    LoanRequests requests;

    @Autowired
    PhysicalLoans physical;

    @Autowired
    DailySweep sweep;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate tx;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ReadableTime time;

    final String run = Integer.toString(ThreadLocalRandom.current().nextInt(100_000, 999_999));
    OrgUnit city;
    OrgUnit east;
    OrgUnit west;
    String fonds;
    Access reader;
    Access eastArchivist;
    Access cityApproverAccess;
    Access eastApproverAccess;
    String eastApprover;
    String eastApproverLow;
    String cityApprover;
    String westApprover;
    String westArchivist;
    String eastClerk;
    String westClerk;
    String eastSecadmin;
    String westAuditor;

    @BeforeAll
    void setUp() {
        var root = organisations.root();
        city = organisations.create(root.id(), "TZC" + run, "通知市社保中心" + run, "CITY", Actor.SYSTEM);
        east = organisations.create(city.id(), "TZE" + run, "通知东区社保中心" + run, "COUNTY", Actor.SYSTEM);
        west = organisations.create(city.id(), "TZW" + run, "通知西区社保中心" + run, "COUNTY", Actor.SYSTEM);
        fonds = "8" + run.substring(0, 3); // four digits, like the 全宗号 people read
        catalog.ensureFonds(fonds, "通知东区档案", east.name(), east.id(), Actor.SYSTEM);
        eastApprover = account("ntea", east, Role.APPROVER, 3);
        eastApproverLow = account("nteal", east, Role.APPROVER, 1);
        cityApprover = account("ntca", city, Role.APPROVER, 3);
        westApprover = account("ntwa", west, Role.APPROVER, 3);
        westArchivist = account("ntwar", west, Role.ARCHIVIST, 3);
        eastClerk = account("ntec", east, Role.CLERK, 1);
        westClerk = account("ntwc", west, Role.CLERK, 1);
        eastSecadmin = account("ntes", east, Role.SECADMIN, 1);
        westAuditor = account("ntwu", west, Role.AUDITOR, 1);
        reader = access(account("nter", east, Role.READER, 3), east, 3);
        eastArchivist = access(account("ntear", east, Role.ARCHIVIST, 3), east, 3);
        eastApproverAccess = access(eastApprover, east, 3);
        cityApproverAccess = access(cityApprover, city, 3);
    }

    @Test
    void aUseRequestTellsItsApproversStepByStepAndItsApplicantWhenGranted() {
        // a sensitive item: two steps
        long id = requests.request(
                new LoanRequests.NewRequest(List.of(capture("2").archiveCode()), "AUDIT", "审计抽查", 3, false, false),
                reader);

        // step 1: the approvers over the applicant's unit cleared for level 2, not the one cleared for 1, not west
        String step1 = "loan-awaiting:" + id + ":1";
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(told(step1)).containsExactlyInAnyOrder(eastApprover, cityApprover));

        // step 2 after the east approver's approval: only an approver at that level or above, not the first one
        requests.decide(id, true, null, eastApproverAccess);
        String step2 = "loan-awaiting:" + id + ":2";
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(told(step2)).containsExactly(cityApprover));

        // granted: the applicant alone
        requests.decide(id, true, null, cityApproverAccess);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(told("loan-granted:" + id))
                .containsExactly(reader.actor().name()));
        assertThat(kinds(reader.actor().name())).contains("LOAN_GRANTED");
    }

    @Test
    void physicalLoansDueAndOverdueTellTheLenderAndTheUnitsLendingManagersOncePerDayAndKind() {
        var due = time.today().plusDays(5);
        long id = physical.lend(
                new PhysicalLoans.NewLoan(
                        "郑借",
                        "区审计局",
                        "UNIT",
                        "AUDIT",
                        "审计核查",
                        List.of(capture("1").archiveCode()),
                        due),
                eastArchivist);

        // not yet within three days: nothing
        sweep.sweep(due.minusDays(4));
        assertThat(told("loan-due:" + id + ":" + due.minusDays(4))).isEmpty();

        // within three days: the lender (an archivist of east, holding lending:manage) — not west's archivist
        var soon = due.minusDays(2);
        sweep.sweep(soon);
        sweep.sweep(soon); // the same day again: nobody twice
        assertThat(told("loan-due:" + id + ":" + soon))
                .contains(eastArchivist.actor().name())
                .doesNotContain(westArchivist, eastClerk, eastApprover);
        assertThat(count("loan-due:" + id + ":" + soon, eastArchivist.actor().name()))
                .isEqualTo(1);

        // overdue: a new kind of line, once per day
        var late = due.plusDays(1);
        sweep.sweep(late);
        sweep.sweep(late);
        assertThat(told("loan-overdue:" + id + ":" + late))
                .contains(eastArchivist.actor().name())
                .doesNotContain(westArchivist);
        assertThat(count(
                        "loan-overdue:" + id + ":" + late, eastArchivist.actor().name()))
                .isEqualTo(1);
        sweep.sweep(late.plusDays(1));
        assertThat(told("loan-overdue:" + id + ":" + late.plusDays(1)))
                .contains(eastArchivist.actor().name());
    }

    @Test
    void aSecurityAlertTellsTheSecurityAdministratorsAndAuditorsOverItsUnitOnceEvenWhenRedelivered() {
        var alert = new AlertRaised(UUID.randomUUID(), "BULK_READ", "someone", east.path(), OffsetDateTime.now());
        publish(alert);
        publish(alert); // redelivered
        String key = "alert:" + alert.alertId();
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(told(key)).contains(eastSecadmin));
        assertThat(told(key)).doesNotContain(westAuditor, eastApprover, eastClerk);
        assertThat(count(key, eastSecadmin)).isEqualTo(1);

        var westAlert = new AlertRaised(UUID.randomUUID(), "BULK_READ", "someone", west.path(), OffsetDateTime.now());
        publish(westAlert);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(told("alert:" + westAlert.alertId()))
                .contains(westAuditor));
        assertThat(told("alert:" + westAlert.alertId())).doesNotContain(eastSecadmin);
    }

    @Test
    void aRectificationTellsItsOwnerOrItsUnitsRectifiersAndRemindsBeforeAndAfterTheDeadline() {
        var today = time.today();
        var deadline = today.plusDays(40);
        var unitItem =
                new RectificationAssigned(UUID.randomUUID(), UUID.randomUUID(), east.path(), null, "库房八防", deadline);
        var ownedItem = new RectificationAssigned(
                UUID.randomUUID(), UUID.randomUUID(), west.path(), westClerk, "目录补录", deadline);
        publish(unitItem);
        publish(ownedItem);

        // the unit's rectifiers (archivists and clerks of east, and none of west), or the named owner alone
        String unitKey = "rectification-assigned:" + unitItem.rectificationId();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(told(unitKey))
                .contains(eastClerk, eastArchivist.actor().name()));
        assertThat(told(unitKey)).doesNotContain(westClerk, westArchivist, eastApprover);
        String ownedKey = "rectification-assigned:" + ownedItem.rectificationId();
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(told(ownedKey)).containsExactly(westClerk));
        assertThat(jdbc.sql("select subject from notification where natural_key = :k and account = :a")
                        .param("k", unitKey)
                        .param("a", eastClerk)
                        .query(String.class)
                        .single())
                .isEqualTo("库房八防");

        // far from the deadline: no reminder; a working day or two before it: one; after it: one overdue
        sweep.sweep(deadline.minusDays(20));
        assertThat(told("rectification-due:" + unitItem.rectificationId())).isEmpty();
        var dayBefore = deadline.minusDays(1);
        sweep.sweep(dayBefore);
        sweep.sweep(dayBefore);
        assertThat(told("rectification-due:" + unitItem.rectificationId()))
                .contains(eastClerk)
                .doesNotContain(westClerk);
        assertThat(count("rectification-due:" + unitItem.rectificationId(), eastClerk))
                .isEqualTo(1);
        assertThat(told("rectification-due:" + ownedItem.rectificationId())).containsExactly(westClerk);
        sweep.sweep(deadline.plusDays(1));
        sweep.sweep(deadline.plusDays(2));
        assertThat(told("rectification-overdue:" + unitItem.rectificationId())).contains(eastClerk);
        assertThat(count("rectification-overdue:" + unitItem.rectificationId(), eastClerk))
                .isEqualTo(1);
    }

    @Test
    void anAppraisedBatchTellsTheApproversOfItsFondsAndAMemberIsToldOfTheTask() {
        long batch = -ThreadLocalRandom.current().nextLong(1, 1_000_000_000L);
        var appraised =
                new AppraisalAwaitingApproval(batch, fonds + "-JD2026-1", 0L, east.path(), OffsetDateTime.now());
        publish(appraised);
        publish(new AppraisalTaskAssigned(batch, fonds + "-JD2026-1", westClerk));
        String key =
                "appraisal-awaiting:" + batch + ":" + appraised.appraisedAt().toInstant();
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(told(key)).contains(eastApprover, eastApproverLow, cityApprover));
        assertThat(told(key)).doesNotContain(westApprover, eastClerk);
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(told("appraisal-task:" + batch + ":" + westClerk))
                        .containsExactly(westClerk));
    }

    private void publish(Object event) {
        tx.executeWithoutResult(s -> events.publishEvent(event));
    }

    private List<String> told(String naturalKey) {
        // this class's accounts only (their names end with the run): root-level accounts of other classes cover all
        return jdbc.sql(
                        "select account from notification where natural_key = :k and account like :mine order by account")
                .param("k", naturalKey)
                .param("mine", "%" + run)
                .query(String.class)
                .list();
    }

    private long count(String naturalKey, String account) {
        return jdbc.sql("select count(*) from notification where natural_key = :k and account = :a")
                .param("k", naturalKey)
                .param("a", account)
                .query(Long.class)
                .single();
    }

    private List<String> kinds(String account) {
        return jdbc.sql("select kind from notification where account = :a")
                .param("a", account)
                .query(String.class)
                .list();
    }

    private String account(String prefix, OrgUnit org, Role role, int clearance) {
        return TestAccounts.create(accounts, prefix + run, org.id(), Set.of(role), clearance, false)
                .username();
    }

    private static Access access(String name, OrgUnit org, int clearance) {
        return new Access(new Actor(name, "127.0.0.1", "test"), new Scope(org.path(), null, clearance), Set.of());
    }

    private ItemRecord capture(String level) {
        var s = Samples.personEnrolment(
                fonds, level, Samples.acceptanceNo(), Samples.citizenId(1972), "通知" + level, "13800138000", null);
        return captures.capture(
                        s,
                        List.of(
                                Upload.ofBytes("a.png", Samples.png(7900 + (int) (System.nanoTime() % 500))),
                                Upload.ofBytes("b.pdf", Samples.pdf("notification " + UUID.randomUUID()))),
                        null,
                        Actor.SYSTEM)
                .item();
    }
}
