package org.siarchive.integrity;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.siarchive.audit.AuditTrail;
import org.siarchive.audit.AuditedObject;
import org.siarchive.capture.Captures;
import org.siarchive.capture.Upload;
import org.siarchive.catalog.Catalog;
import org.siarchive.catalog.ItemFeed;
import org.siarchive.platform.DataDirectory;
import org.siarchive.preservation.Preservation;
import org.siarchive.security.Accounts;
import org.siarchive.security.Role;
import org.siarchive.security.TestAccounts;
import org.siarchive.shared.Access;
import org.siarchive.shared.Actor;
import org.siarchive.shared.ReadableTime;
import org.siarchive.support.ConsoleSession;
import org.siarchive.support.IntegrationTest;
import org.siarchive.support.Samples;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Monitoring: storage thresholds raise one alert per condition (acknowledged with a note, audited),
 * growth is computed from the daily samples, a fixity finding raises an alert, the schedule starts a
 * sweep when due (and only then), and an item's preservation events name ingestion, the passed and the
 * failed fixity checks, each from its record. The console shows all of it to an archivist.
 */
class PreservationMonitoringIT extends IntegrationTest {

    @Autowired
    FixitySweeps sweeps;

    @Autowired
    SweepSchedule schedule;

    @Autowired
    PreservationMonitor monitor;

    @Autowired
    PreservationEvents events;

    @Autowired
    Captures captures;

    @Autowired
    Catalog catalog;

    @Autowired
    Preservation preservation;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate tx;

    @Autowired
    AuditTrail audit;

    @Autowired
    DataDirectory data;

    @Autowired
    ItemFeed feed;

    @Autowired
    Accounts accounts;

    @org.springframework.boot.test.web.server.LocalServerPort
    int port;

    static final Actor ARCHIVIST = new Actor("archivist", null, "127.0.0.1", "junit");

    @Test
    void storageThresholdsRaiseOneAlertPerConditionAndGrowthIsProjected() {
        // thresholds low enough that any real disk crosses them
        var warnOnly = new PreservationMonitor(jdbc, tx, audit, data, feed, 1, 100, ReadableTime.beijing());
        var sample = warnOnly.sample();
        assertThat(sample.fsTotal()).isPositive();
        var open = warnOnly.open().stream()
                .filter(a -> a.kind().equals("STORAGE_WARN"))
                .toList();
        assertThat(open).hasSize(1);
        warnOnly.sample();
        assertThat(warnOnly.open().stream().filter(a -> a.kind().equals("STORAGE_WARN")))
                .as("a persisting condition is not raised twice")
                .hasSize(1);

        warnOnly.acknowledge(open.get(0).id(), "已申请扩容", ARCHIVIST);
        assertThat(warnOnly.open()).noneMatch(a -> a.kind().equals("STORAGE_WARN"));
        assertThat(audit.forObject(
                        AuditedObject.PRESERVATION_ALERT,
                        Long.toString(open.get(0).id())))
                .anyMatch(e -> e.operation().equals("ACKNOWLEDGE") && "已申请扩容".equals(e.reason()));
        warnOnly.sample();
        assertThat(warnOnly.open())
                .as("acknowledged within the day: not raised again at once")
                .noneMatch(a -> a.kind().equals("STORAGE_WARN"));

        var critical = new PreservationMonitor(jdbc, tx, audit, data, feed, 1, 1, ReadableTime.beijing());
        critical.sample();
        assertThat(critical.open()).anyMatch(a -> a.kind().equals("STORAGE_CRITICAL"));

        // growth: a sample ten days ago with 10 MB less content gives 1 MB a day
        var today = critical.sample();
        // days are Beijing dates (the platform's zone), not the database session's current_date
        jdbc.sql("delete from storage_sample where day < :today")
                .param("today", today.day())
                .update();
        jdbc.sql(
                        """
                insert into storage_sample (day, stored_bytes, items, fs_total, fs_usable)
                values (:day, :b, :i, :t, :u)
                """)
                .param("day", today.day().minusDays(10))
                .param("b", today.storedBytes() - 10_000_000)
                .param("i", today.items())
                .param("t", today.fsTotal())
                .param("u", today.fsUsable())
                .update();
        var capacity = critical.capacity();
        assertThat(capacity.growthBytesPerDay()).isEqualTo(1_000_000);
        assertThat(capacity.daysUntilFull()).isEqualTo(today.fsUsable() / 1_000_000);
        jdbc.sql("delete from storage_sample where day < :today")
                .param("today", today.day())
                .update();
        for (var a : critical.open()) {
            if (a.kind().startsWith("STORAGE")) {
                critical.acknowledge(a.id(), "测试结束", ARCHIVIST);
            }
        }
    }

    @Test
    void scheduleStartsASweepOnlyWhenDue() {
        var cron = org.springframework.scheduling.support.CronExpression.parse("0 0 1 * * SUN");
        var beijing = java.time.ZoneId.of("Asia/Shanghai");
        var sunday = java.time.ZonedDateTime.of(2026, 11, 29, 1, 0, 0, 0, beijing);
        assertThat(SweepSchedule.due(cron, sunday.toInstant(), beijing))
                .isEqualTo(sunday.plusWeeks(1).toInstant());
        assertThat(SweepSchedule.due(cron, sunday.minusMinutes(1).toInstant(), beijing))
                .isEqualTo(sunday.toInstant());

        finishRunningSweep();
        var due = schedule.next(Instant.now()).orElseThrow();
        assertThat(schedule.tick(due.minusSeconds(1))).as("not due yet").isEmpty();
        var started = schedule.tick(due.plus(Duration.ofDays(8)));
        assertThat(started).isPresent();
        var sweep = sweeps.sweep(started.get());
        assertThat(sweep.startedBy()).isEqualTo(SweepSchedule.SCHEDULER);
        assertThat(schedule.tick(due.plus(Duration.ofDays(8))))
                .as("a sweep is running")
                .isEmpty();
        finishRunningSweep();
        var next = schedule.next(Instant.now()).orElseThrow();
        assertThat(next)
                .as("measured from the last scheduled sweep")
                .isEqualTo(SweepSchedule.due(cron, sweep.startedAt().toInstant(), beijing));
        assertThat(schedule.tick(next.minusSeconds(1))).isEmpty();
    }

    @Test
    void eventsAndAlertsFollowTheItem() throws Exception {
        var item = captures.capture(
                        Samples.personEnrolment(Samples.acceptanceNo(), Samples.citizenId(1961), "事件"),
                        List.of(
                                Upload.ofBytes("a.png", Samples.png(4242)),
                                Upload.ofBytes("b.pdf", Samples.pdf("events"))),
                        null,
                        Actor.SYSTEM)
                .item();
        finishRunningSweep();
        long first = runSweep();
        var access = Access.SYSTEM;
        var list = events.forItem(item.id(), access);
        assertThat(list).extracting(PreservationEvents.Event::type).startsWith("accession", "ingestion");
        assertThat(list)
                .anyMatch(e -> e.type().equals("fixity check")
                        && e.outcome().equals("SUCCESS")
                        && e.source().equals("sweep #" + first));

        var stored =
                preservation.storagePath(item.objectId(), item.files().get(0).logicalPath());
        byte[] bytes = Files.readAllBytes(stored);
        bytes[10] ^= 0x40;
        Files.write(stored, bytes);
        long second = runSweep();
        assertThat(monitor.open())
                .anyMatch(a -> a.kind().equals("FIXITY")
                        && a.subject().equals("sweep " + second)
                        && a.detail().contains(item.archiveCode()));
        var after = events.forItem(item.id(), access);
        assertThat(after)
                .anyMatch(e -> e.type().equals("fixity check")
                        && e.outcome().equals("FAILURE")
                        && e.detail() != null
                        && e.detail().contains("CONTENT"));
        assertThat(after)
                .as("the latest check failed, so no passed check is shown as latest")
                .noneMatch(e -> e.type().equals("fixity check") && e.outcome().equals("SUCCESS"));
        assertThat(sweeps.notVerifiedWithin(Duration.ofDays(30))).isPositive();

        // the archivist's console: alert, capacity, schedule, the item's events
        var login = TestAccounts.create(
                accounts, "pm" + UUID.randomUUID().toString().substring(0, 8), 1, Set.of(Role.ARCHIVIST), 3, false);
        var console = new ConsoleSession(port);
        assertThat(console.login(login.username(), login.password(), login.codes()))
                .isEqualTo("/");
        var page = console.get("/integrity");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("id=\"alerts\"", "sweep " + second, "id=\"capacity-meter\"", "下次定时巡检");
        var eventsPage = console.get("/integrity/items/" + item.id());
        assertThat(eventsPage.body()).contains("入库", "固定性校验", "失败", item.archiveCode());
        long alertId = monitor.open().stream()
                .filter(a -> a.subject().equals("sweep " + second))
                .findFirst()
                .orElseThrow()
                .id();
        var refused = console.post("/integrity/alerts/" + alertId + "/acknowledge", Map.of("note", " "));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.body()).contains("必填", "未写入任何数据");
        var done = console.post("/integrity/alerts/" + alertId + "/acknowledge", Map.of("note", "已从备份恢复"));
        assertThat(done.status()).isEqualTo(302);
        assertThat(monitor.open()).noneMatch(a -> a.id() == alertId);

        Files.write(stored, restore(bytes));
    }

    private static byte[] restore(byte[] tampered) {
        tampered[10] ^= 0x40;
        return tampered;
    }

    private long runSweep() throws InterruptedException {
        long id = sweeps.start(0, ARCHIVIST);
        for (int i = 0; i < 600 && sweeps.sweep(id).status().equals("RUNNING"); i++) {
            sweeps.work();
            Thread.sleep(50);
        }
        assertThat(sweeps.sweep(id).status()).isEqualTo("DONE");
        return id;
    }

    private void finishRunningSweep() {
        for (int i = 0; i < 600 && sweeps.current().isPresent(); i++) {
            sweeps.work();
        }
    }
}
