package org.siarchive.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.siarchive.capture.Captures;
import org.siarchive.capture.Upload;
import org.siarchive.catalog.Catalog;
import org.siarchive.catalog.ItemCorrected;
import org.siarchive.catalog.ItemDestroyed;
import org.siarchive.checks.CheckRunFinished;
import org.siarchive.checks.Stage;
import org.siarchive.digitisation.ScanBatchDecided;
import org.siarchive.integrity.FixityFindingRecorded;
import org.siarchive.lending.LoanGranted;
import org.siarchive.lending.LoanReturned;
import org.siarchive.shared.Actor;
import org.siarchive.shared.InvalidInputException;
import org.siarchive.shared.ReadableTime;
import org.siarchive.shared.Scope;
import org.siarchive.support.IntegrationTest;
import org.siarchive.support.Samples;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.CompletedEventPublications;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The daily activity read model is counted from the business events (ADR 0047): each event kind adds to its
 * activity on its Beijing day, a redelivered event is counted once, and a caller's data scope sees only its own
 * organisation subtree. Listeners run asynchronously after the commit, so the test waits (at most 20 s).
 */
class ActivityFromEventsIT extends IntegrationTest {

    private static final AtomicLong IDS = new AtomicLong(System.nanoTime() % 1_000_000_000L * 1_000);

    /** 12:00 Beijing time on 3 March 2025. */
    private static final OffsetDateTime NOON = OffsetDateTime.parse("2025-03-03T12:00:00+08:00");

    private static final LocalDate MARCH_3 = LocalDate.of(2025, 3, 3);

    @Autowired
    Activity activity;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate tx;

    @Autowired
    Captures captures;

    @Autowired
    Catalog catalog;

    @Autowired
    ReadableTime time;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    CompletedEventPublications completed;

    /** An organisation subtree of this test's own, so what other tests publish never mixes in. */
    private final String org = "/" + (900_000 + ThreadLocalRandom.current().nextInt(99_999)) + "/"
            + ThreadLocalRandom.current().nextInt(1_000_000) + "/";

    @Test
    void eachBusinessEventAddsToItsActivityOnItsDay() {
        // when each event kind of lending, integrity, checks and digitisation is published
        publish(new LoanGranted(id(), "reader", "AUDIT", 3, org, NOON, NOON.plusDays(3)));
        publish(new LoanReturned(id(), "郑借", "区审计局", 2, 1, true, org, NOON));
        publish(new FixityFindingRecorded(
                id(), UUID.randomUUID(), "0001-2025-1", "CONTENT", "content/a.pdf", org, NOON));
        publish(new FixityFindingRecorded(
                id(), UUID.randomUUID(), "0001-2025-2", "MISSING", "content/b.pdf", org, NOON));
        publish(new CheckRunFinished(id(), Stage.GD, 10, 0, 1, 4, org, NOON));
        publish(new CheckRunFinished(id(), Stage.CQ, 8, 2, 0, 5, org, NOON));
        publish(new CheckRunFinished(id(), Stage.YJ, 9, 1, 0, 6, org, NOON));
        publish(new ScanBatchDecided(UUID.randomUUID(), ScanBatchDecided.Decision.ACCEPTED, 20, org, NOON));
        publish(new ScanBatchDecided(UUID.randomUUID(), ScanBatchDecided.Decision.REJECTED, 7, org, NOON));

        // then each is counted on 3 March in the organisation, with what it carried
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(activity.perDay(scope(org), MARCH_3, MARCH_3))
                        .containsExactlyInAnyOrder(
                                day(ActivityKind.LOAN_GRANTED, 1, 3),
                                day(ActivityKind.LOAN_RETURNED, 1, 2),
                                day(ActivityKind.FIXITY_FINDING, 2, 2),
                                day(ActivityKind.CHECK_RUN_PASSED, 1, 4),
                                day(ActivityKind.CHECK_RUN_FAILED, 2, 11),
                                day(ActivityKind.SCAN_BATCH_ACCEPTED, 1, 20),
                                day(ActivityKind.SCAN_BATCH_REJECTED, 1, 7)));
    }

    @Test
    void itemEventsAreCountedUnderTheOrganisationOfTheItemsFonds() {
        // given an item captured through the real capture path (which publishes ItemCaptured)
        var item = captures.capture(
                        Samples.personEnrolment(Samples.acceptanceNo(), Samples.citizenId(1968), "统计"),
                        List.of(
                                Upload.ofBytes("a.png", Samples.png(6700)),
                                Upload.ofBytes("b.pdf", Samples.pdf("analytics " + UUID.randomUUID()))),
                        null,
                        Actor.SYSTEM)
                .item();
        String fondsOrg = catalog.scopeAttributes(item.id()).orgPath();
        var destroyedAt = OffsetDateTime.parse("2025-04-01T23:30:00Z");
        UUID unknown = UUID.randomUUID();

        // when it is corrected and destroyed, and an item the catalogue does not know is destroyed
        publish(new ItemCorrected(item.id(), item.archiveCode(), item.objectVersion() + 1));
        publish(new ItemDestroyed(item.id(), item.archiveCode(), "XH-2025-001", destroyedAt));
        publish(new ItemDestroyed(unknown, "0001-2025-X", "XH-2025-001", destroyedAt));

        // then each is counted once under the fonds' organisation, asked of the catalogue
        var captured = awaitCounted("ItemCaptured|" + item.id());
        assertThat(captured.orgPath()).isEqualTo(fondsOrg);
        assertThat(captured.day()).isBetween(time.today().minusDays(1), time.today());
        var corrected = awaitCounted("ItemCorrected|" + item.id() + "|v" + (item.objectVersion() + 1));
        assertThat(corrected.orgPath()).isEqualTo(fondsOrg);
        var destroyed = awaitCounted("ItemDestroyed|" + item.id());
        assertThat(destroyed).isEqualTo(new Counted(ActivityKind.ITEM_DESTROYED, LocalDate.of(2025, 4, 2), fondsOrg));
        // and one whose item is gone belongs to the whole tree
        assertThat(awaitCounted("ItemDestroyed|" + unknown).orgPath()).isEqualTo(ActivityCounter.WHOLE_TREE);
        assertThat(activity.perDay(scope(fondsOrg), LocalDate.of(2025, 4, 2), LocalDate.of(2025, 4, 2)))
                .filteredOn(d -> d.activity() == ActivityKind.ITEM_DESTROYED
                        && d.orgPath().equals(fondsOrg))
                .singleElement()
                .satisfies(d -> assertThat(d.count()).isPositive());
    }

    @Test
    void aRedeliveredEventIsCountedOnce() {
        // given a grant that was counted
        var granted = new LoanGranted(id(), "reader", "QUERY", 4, org, NOON, NOON.plusDays(1));
        publish(granted);
        awaitRows(scope(org), MARCH_3, MARCH_3, 1);

        // when the same event is delivered again and that delivery has completed
        publish(granted);
        await().atMost(Duration.ofSeconds(20))
                .until(() -> completed.findAll().stream()
                                .filter(p -> p.getEvent() instanceof LoanGranted g
                                        && g.requestId() == granted.requestId()
                                        // other modules (notifications) listen to the same event
                                        && p
                                                instanceof
                                                org.springframework.modulith.events.core.TargetEventPublication t
                                        && t.getTargetIdentifier().getValue().contains("ActivityCounter"))
                                .count()
                        == 2);

        // then the day still holds it once
        assertThat(activity.perDay(scope(org), MARCH_3, MARCH_3)).containsExactly(day(ActivityKind.LOAN_GRANTED, 1, 4));
    }

    @Test
    void aScopeSeesOnlyTheDaysOfItsOwnSubtree() {
        // given grants in two counties of the test's organisation
        String county = org + "7/";
        String other = org + "8/";
        publish(new LoanGranted(id(), "reader", "AUDIT", 2, county, NOON, NOON.plusDays(3)));
        publish(new LoanGranted(id(), "reader", "AUDIT", 5, other, NOON, NOON.plusDays(3)));

        // then the organisation above them sees both, each county only its own, and nothing sees nothing
        assertThat(awaitRows(scope(org), MARCH_3, MARCH_3, 2))
                .extracting(Activity.Day::orgPath)
                .containsExactly(county, other);
        assertThat(activity.perDay(scope(county), MARCH_3, MARCH_3))
                .containsExactly(new Activity.Day(MARCH_3, county, ActivityKind.LOAN_GRANTED, 1, 2));
        assertThat(activity.perDay(Scope.NOTHING, MARCH_3, MARCH_3)).isEmpty();
    }

    @Test
    void anEventAt2330UtcIsCountedOnTheNextBeijingDay() {
        // when originals come back at 23:30 UTC on 30 June (07:30 on 1 July in Beijing)
        publish(new LoanReturned(id(), "郑借", "区审计局", 1, 0, false, org, OffsetDateTime.parse("2025-06-30T23:30:00Z")));

        // then the return is counted on 1 July
        assertThat(awaitRows(scope(org), LocalDate.of(2025, 6, 30), LocalDate.of(2025, 7, 1), 1))
                .containsExactly(new Activity.Day(LocalDate.of(2025, 7, 1), org, ActivityKind.LOAN_RETURNED, 1, 1));
    }

    @Test
    void aReadCoversAtMostAYearAndNeverABackwardPeriod() {
        var from = LocalDate.of(2024, 1, 1);
        assertThat(activity.perDay(scope(org), from, from.plusDays(Activity.MAX_DAYS - 1)))
                .isEmpty();
        assertThatThrownBy(() -> activity.perDay(scope(org), from, from.plusDays(Activity.MAX_DAYS)))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> activity.perDay(scope(org), from, from.minusDays(1)))
                .isInstanceOf(InvalidInputException.class);
    }

    // ----------------------------------------------------------------------------------------------------------

    private record Counted(ActivityKind activity, LocalDate day, String orgPath) {}

    private void publish(Object event) {
        tx.executeWithoutResult(s -> events.publishEvent(event));
    }

    private List<Activity.Day> awaitRows(Scope scope, LocalDate from, LocalDate to, int rows) {
        return await().atMost(Duration.ofSeconds(20))
                .until(() -> activity.perDay(scope, from, to), r -> r.size() >= rows);
    }

    /** What the read model remembers of the event with this identity (analytics' own table). */
    private Counted awaitCounted(String identity) {
        return await().atMost(Duration.ofSeconds(20))
                .until(
                        () -> jdbc.sql("select activity, day, org_path from activity_event where event_key = :k")
                                .param("k", ActivityDays.key(identity))
                                .query((rs, n) -> new Counted(
                                        ActivityKind.valueOf(rs.getString(1)),
                                        rs.getObject(2, LocalDate.class),
                                        rs.getString(3)))
                                .optional(),
                        java.util.Optional::isPresent)
                .orElseThrow();
    }

    private Activity.Day day(ActivityKind kind, long count, long amount) {
        return new Activity.Day(MARCH_3, org, kind, count, amount);
    }

    private static Scope scope(String orgPath) {
        return new Scope(orgPath, null, 3);
    }

    private static long id() {
        return IDS.incrementAndGet();
    }
}
