package org.siarchive.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.siarchive.capture.Captures;
import org.siarchive.catalog.Catalog;
import org.siarchive.catalog.ItemCaptured;
import org.siarchive.catalog.ItemCorrected;
import org.siarchive.catalog.ItemRecord;
import org.siarchive.digitisation.ScanBatchDecided;
import org.siarchive.lending.LoanDecided;
import org.siarchive.organisation.Organisations;
import org.siarchive.shared.InvalidInputException;
import org.siarchive.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Every figure of {@link UnitFigures} equals a direct count on a generated data set (a city with two counties,
 * items filed over three years): the filing figures against the catalogue's own tables, fixity against integrity's,
 * originals out against lending's, the event-fed figures against what was published. A county's figures never hold
 * the other county's; the city's hold both. Redelivered events count once and the backfill counts what the events
 * counted.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UnitFiguresIT extends IntegrationTest {

    private static final AtomicLong IDS = new AtomicLong(System.nanoTime() % 1_000_000_000L * 1_000 + 7);

    @Autowired
    UnitFigures figures;

    @Autowired
    FilingBackfill backfill;

    @Autowired
    FixityRefresh fixity;

    @Autowired
    Organisations organisations;

    @Autowired
    Catalog catalog;

    @Autowired
    Captures captures;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate tx;

    OperationsData data;

    @BeforeAll
    void generate() {
        data = new OperationsData(organisations, catalog, captures, jdbc);
        data.awaitFiled();
    }

    @Test
    void theBackfillCountsWhatTheEventsCountedAndRedeliveryCountsNothing() {
        var byEvents = snapshot();
        assertThat(byEvents).hasSizeGreaterThan(OperationsData.PER_COUNTY * 2);

        // a redelivered capture changes nothing
        tx.executeWithoutResult(
                s -> data.all().forEach(i -> events.publishEvent(new ItemCaptured(i.id(), i.archiveCode()))));
        awaitFilingListener();
        assertThat(snapshot()).isEqualTo(byEvents);

        // forgotten and backfilled: the same rows
        data.forgetFiling();
        backfill.restart();
        backfill.run();
        assertThat(snapshot()).isEqualTo(byEvents);
        backfill.run();
        assertThat(snapshot()).isEqualTo(byEvents);
    }

    @Test
    void everyFigureEqualsADirectCountInsideAndOutsideTheScope() {
        // the items dated over three years, a few corrected (twice, once redelivered), then counted again
        data.dateOverSeveralYears();
        var corrected = List.of(data.eastItems.get(1), data.eastItems.get(4), data.westItems.get(2));
        for (ItemRecord item : corrected) {
            publish(new ItemCorrected(item.id(), item.archiveCode(), 2));
            publish(new ItemCorrected(item.id(), item.archiveCode(), 3));
            publish(new ItemCorrected(item.id(), item.archiveCode(), 3));
        }
        awaitFilingListener();
        assertThat(correctedCount()).isEqualTo(corrected.size());
        data.forgetFiling();
        backfill.restart();
        backfill.run();

        // scan, loan and fixity facts of both counties
        var east = data.east.path();
        var west = data.west.path();
        var day = OffsetDateTime.parse("2023-05-10T09:00:00+08:00");
        publish(new ScanBatchDecided(UUID.randomUUID(), ScanBatchDecided.Decision.ACCEPTED, 30, east, day));
        publish(new ScanBatchDecided(UUID.randomUUID(), ScanBatchDecided.Decision.REJECTED, 6, east, day));
        publish(new ScanBatchDecided(UUID.randomUUID(), ScanBatchDecided.Decision.ACCEPTED, 11, west, day));
        publish(new LoanDecided(id(), true, east, day.minusHours(30), day));
        publish(new LoanDecided(id(), false, east, day.minusHours(6), day));
        publish(new LoanDecided(id(), true, west, day.minusHours(2), day));
        publish(new LoanDecided(
                id(), true, east, day.minusYears(2), day.minusYears(2).plusHours(1)));
        fixityChecks();
        physicalLoans();
        await().atMost(Duration.ofSeconds(20))
                .until(() -> figures.of(data.city.path(), y(2023, 1, 1), y(2023, 12, 31))
                                .loansDecided()
                        == 3);

        var year = List.of(y(2023, 1, 1), y(2023, 12, 31));
        var span = List.of(y(2022, 6, 1), y(2023, 5, 31));
        for (var period : List.of(year, span, List.of(y(2024, 1, 1), y(2024, 12, 30)))) {
            for (var org : List.of(east, west, data.city.path())) {
                assertFiling(org, period.get(0), period.get(1), corrected);
            }
        }
        var eastYear = figures.of(east, y(2023, 1, 1), y(2023, 12, 31));
        assertThat(eastYear.digitisation()).isEqualTo(new UnitFigures.Ratio(30, 36));
        assertThat(eastYear.loansDecided()).isEqualTo(2);
        assertThat(eastYear.averageApprovalHours()).isEqualTo(18.0);
        var westYear = figures.of(west, y(2023, 1, 1), y(2023, 12, 31));
        assertThat(westYear.digitisation()).isEqualTo(new UnitFigures.Ratio(11, 11));
        assertThat(westYear.loansDecided()).isEqualTo(1);
        var cityYear = figures.of(data.city.path(), y(2023, 1, 1), y(2023, 12, 31));
        assertThat(cityYear.digitisation()).isEqualTo(new UnitFigures.Ratio(41, 47));
        assertThat(cityYear.averageApprovalHours()).isEqualTo(38.0 / 3);
        for (var org : List.of(east, west, data.city.path())) {
            assertFixity(org);
            assertOut(org);
        }
    }

    @Test
    void aReversedOrOverLongPeriodIsRefused() {
        String org = data.east.path();
        assertThat(figures.of(org, y(2024, 1, 1), y(2024, 12, 31)).withinDays()).isBetween(0, 365);
        assertThatThrownBy(() -> figures.of(org, y(2024, 1, 1), y(2025, 1, 1)))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> figures.of(org, y(2024, 1, 2), y(2024, 1, 1)))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> figures.of("/1/%", y(2024, 1, 1), y(2024, 1, 1)))
                .isInstanceOf(InvalidInputException.class);
    }

    // ----------------------------------------------------------------------------------------------------------

    private void assertFiling(String org, LocalDate from, LocalDate to, List<ItemRecord> corrected) {
        var f = figures.of(org, from, to);
        int n = f.withinDays();
        var ids = corrected.stream().map(ItemRecord::id).toArray(UUID[]::new);
        Map<String, Object> expected = jdbc.sql(
                        """
                with filed as (
                    select i.id,
                           (i.created_at at time zone 'Asia/Shanghai')::date
                             - (i.handled_at at time zone 'Asia/Shanghai')::date as days,
                           not exists (select 1 from business_step_material m
                                        where m.step_code = i.step_code and m.required
                                          and not exists (select 1 from item_file x where x.item_id = i.id
                                                             and x.material_code = m.material_code)) as complete
                      from item i join fonds f on f.id = i.fonds_id
                     where f.org_path like :org and i.status <> 'RECEIVING'
                       and (i.created_at at time zone 'Asia/Shanghai')::date between :from and :to)
                select count(*) as items, count(*) filter (where complete) as complete,
                       count(*) filter (where days <= :n) as within, coalesce(sum(days), 0) as days,
                       count(*) filter (where id <> all(:corrected)) as accurate
                  from filed
                """)
                .param("org", org + "%")
                .param("from", from)
                .param("to", to)
                .param("n", n)
                .param("corrected", ids)
                .query()
                .singleRow();
        long items = ((Number) expected.get("items")).longValue();
        assertThat(f.completeness()).isEqualTo(new UnitFigures.Ratio(num(expected, "complete"), items));
        assertThat(f.timeliness()).isEqualTo(new UnitFigures.Ratio(num(expected, "within"), items));
        assertThat(f.accuracy()).isEqualTo(new UnitFigures.Ratio(num(expected, "accurate"), items));
        assertThat(f.averageDaysToFile()).isEqualTo(items == 0 ? 0 : (double) num(expected, "days") / items);
    }

    /** Every item of the data set checked on a day of May 2023 or 2024; every fourth failed. */
    private void fixityChecks() {
        long sweep = jdbc.sql("insert into fixity_sweep (status, rate_mb_s, items_total, started_by, finished_at)"
                        + " values ('DONE', 0, 0, '运营指标测试', now()) returning id")
                .query(Long.class)
                .single();
        var items = data.all();
        for (int k = 0; k < items.size(); k++) {
            jdbc.sql(
                            """
                    insert into item_fixity (item_id, sweep_id, checked_at, passed) values (:id, :s, :at, :p)
                    on conflict (item_id) do update set sweep_id = excluded.sweep_id,
                        checked_at = excluded.checked_at, passed = excluded.passed
                    """)
                    .param("id", items.get(k).id())
                    .param("s", sweep)
                    .param("at", OffsetDateTime.parse("%d-05-%02dT08:00:00+08:00".formatted(2023 + k % 2, 1 + k)))
                    .param("p", k % 4 != 3)
                    .update();
        }
        // checks dated in the past lie behind the refresh's cursor: read again from the start (idempotent)
        jdbc.sql("delete from fixity_cursor").update();
        fixity.run(Duration.ZERO);
    }

    private void assertFixity(String org) {
        var period = List.of(y(2023, 1, 1), y(2023, 12, 31));
        var f = figures.of(org, period.get(0), period.get(1));
        var expected = jdbc.sql(
                        """
                select count(*) filter (where x.passed), count(*)
                  from item_fixity x join item i on i.id = x.item_id join fonds f on f.id = i.fonds_id
                 where f.org_path like :org
                   and (x.checked_at at time zone 'Asia/Shanghai')::date between :from and :to
                """)
                .param("org", org + "%")
                .param("from", period.get(0))
                .param("to", period.get(1))
                .query((rs, n) -> new UnitFigures.Ratio(rs.getLong(1), rs.getLong(2)))
                .single();
        assertThat(expected.whole()).isPositive();
        assertThat(f.fixity()).isEqualTo(expected);
    }

    /** Originals lent by both counties in 2023: some returned, some still out, some overdue. */
    private void physicalLoans() {
        var items = data.all();
        for (int k = 0; k < 6; k++) {
            String org = k % 2 == 0 ? data.east.path() : data.west.path();
            long loan = jdbc.sql(
                            """
                    insert into physical_loan (borrower, borrower_unit, borrower_kind, purpose, due_date, status,
                                               lent_by, lent_at, returned_at, org_path, purpose_code)
                    values ('运营借阅人', '审计局', 'PERSON', '核查', :due, :status, '运营指标测试', :lent, :back, :org,
                            'AUDIT') returning id
                    """)
                    .param("due", LocalDate.of(2023, 3, 1 + k * 4))
                    .param("status", k < 2 ? "RETURNED" : "OUT")
                    .param("lent", OffsetDateTime.parse("2023-02-01T09:00:00+08:00"))
                    .param("back", k < 2 ? OffsetDateTime.parse("2023-03-10T09:00:00+08:00") : null)
                    .param("org", org)
                    .query(Long.class)
                    .single();
            jdbc.sql("insert into physical_loan_item (loan_id, item_id, archive_code, returned_at)"
                            + " values (:l, :i, :c, :back)")
                    .param("l", loan)
                    .param("i", items.get(k).id())
                    .param("c", items.get(k).archiveCode())
                    .param("back", k < 2 ? OffsetDateTime.parse("2023-03-10T09:00:00+08:00") : null)
                    .update();
        }
    }

    private void assertOut(String org) {
        for (LocalDate end : List.of(y(2023, 3, 5), y(2023, 3, 31), today().plusDays(1))) {
            var f = figures.of(org, end.minusDays(30), end);
            var at = end.plusDays(1)
                    .atStartOfDay(java.time.ZoneId.of("Asia/Shanghai"))
                    .toOffsetDateTime();
            var expected = jdbc.sql(
                            """
                    select count(*), count(*) filter (where l.due_date <= :end)
                      from physical_loan l join physical_loan_item i on i.loan_id = l.id
                     where l.org_path like :org and l.lent_at < :at
                       and (i.returned_at is null or i.returned_at >= :at)
                    """)
                    .param("org", org + "%")
                    .param("end", end.isAfter(today()) ? today().minusDays(1) : end)
                    .param("at", end.isAfter(today()) ? OffsetDateTime.now() : at)
                    .query((rs, n) -> List.of(rs.getLong(1), rs.getLong(2)))
                    .single();
            assertThat(List.of(f.physicalOut(), f.overdue())).isEqualTo(expected);
        }
    }

    private List<List<Object>> snapshot() {
        var ids = data.all().stream().map(ItemRecord::id).toArray(UUID[]::new);
        var rows = jdbc.sql(
                        """
                select item_id::text, day, org_path, step_code, days_to_file, complete, corrected, destroyed
                  from filing_item where item_id = any(:ids) order by item_id
                """)
                .param("ids", ids)
                .query((rs, n) -> List.<Object>of(
                        rs.getString(1),
                        rs.getObject(2, LocalDate.class),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getInt(5),
                        rs.getBoolean(6),
                        rs.getBoolean(7),
                        rs.getBoolean(8)))
                .list();
        var months = jdbc.sql(
                        """
                select month, org_path, step_code, items, complete, corrected, destroyed, days_total,
                       array_to_string(hist, ',')
                  from filing_month where org_path like :org order by month, org_path, step_code
                """)
                .param("org", data.city.path() + "%")
                .query((rs, n) -> List.<Object>of(
                        rs.getObject(1, LocalDate.class),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getLong(4),
                        rs.getLong(5),
                        rs.getLong(6),
                        rs.getLong(7),
                        rs.getLong(8),
                        rs.getString(9)))
                .list();
        var all = new java.util.ArrayList<List<Object>>(rows);
        all.addAll(months);
        return all;
    }

    /** Until the filing listener finished every event published to it (it runs after the commit, elsewhere). */
    private void awaitFilingListener() {
        await().atMost(Duration.ofSeconds(30))
                .until(() -> jdbc.sql(
                                        """
                                select count(*) from event_publication
                                 where (listener_id like '%FilingListener%' or listener_id like '%CaptureCounters%')
                                   and completion_date is null
                                """)
                                .query(Long.class)
                                .single()
                        == 0);
    }

    private long correctedCount() {
        var ids = data.all().stream().map(ItemRecord::id).toArray(UUID[]::new);
        return jdbc.sql("select count(*) from filing_correction where item_id = any(:ids)")
                .param("ids", ids)
                .query(Long.class)
                .single();
    }

    private static long num(Map<String, Object> row, String column) {
        return ((Number) row.get(column)).longValue();
    }

    private void publish(Object event) {
        tx.executeWithoutResult(s -> events.publishEvent(event));
    }

    private static LocalDate today() {
        return LocalDate.now(java.time.ZoneId.of("Asia/Shanghai"));
    }

    private static LocalDate y(int year, int month, int day) {
        return LocalDate.of(year, month, day);
    }

    private static long id() {
        return IDS.incrementAndGet();
    }
}
