package org.siarchive.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.siarchive.capture.Captures;
import org.siarchive.catalog.Catalog;
import org.siarchive.catalog.ItemRecord;
import org.siarchive.digitisation.ScanBatchDecided;
import org.siarchive.lending.LoanDecided;
import org.siarchive.lending.LoanRequested;
import org.siarchive.organisation.OrgUnit;
import org.siarchive.organisation.Organisations;
import org.siarchive.security.Accounts;
import org.siarchive.security.Permission;
import org.siarchive.security.Role;
import org.siarchive.security.TestAccounts;
import org.siarchive.shared.Access;
import org.siarchive.shared.Actor;
import org.siarchive.shared.InvalidInputException;
import org.siarchive.shared.NotFoundException;
import org.siarchive.shared.ReadableTime;
import org.siarchive.shared.Scope;
import org.siarchive.support.ConsoleSession;
import org.siarchive.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The operations dashboards' figures equal direct counts on a generated data set (a city with two counties, items
 * filed over three years): 随办随归 and completeness against the catalogue's tables, pages scanned against the scan
 * batches, held/unchecked/findings against the catalogue and integrity's checks, originals out against lending's
 * loans, requests against what was published — for a city viewer (both counties) and a county viewer (its own
 * only; the other county's id is a 404).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OperationsDashboardsIT extends IntegrationTest {

    private static final AtomicLong IDS = new AtomicLong(System.nanoTime() % 1_000_000_000L * 1_000 + 3);

    @Autowired
    Dashboards dashboards;

    @Autowired
    FilingBackfill backfill;

    @Autowired
    FixityRefresh fixity;

    @Autowired
    FilingDays days;

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

    @Autowired
    Accounts accounts;

    @LocalServerPort
    int port;

    OperationsData data;
    Access cityViewer;
    Access eastViewer;

    @BeforeAll
    void generate() {
        data = new OperationsData(organisations, catalog, captures, jdbc);
        data.awaitFiled();
        data.dateOverSeveralYears();
        data.forgetFiling();
        backfill.restart();
        backfill.run();
        cityViewer = viewer("opscity" + data.run, data.city);
        eastViewer = viewer("opseast" + data.run, data.east);
    }

    @Test
    void efficiencyFiguresEqualDirectCountsPerUnitAndScope() {
        for (var viewer : List.of(cityViewer, eastViewer)) {
            var q = dashboards.query(null, "2022-01", "2024-12", viewer);
            var totals = dashboard("efficiency").totals(q);
            var expected = filing(viewer.scope().orgPath(), days.configured());
            assertThat(totals.get(0).value()).isEqualTo(expected[0]);
            assertThat(totals.get(1).value()).isEqualTo(OperationsCharts.percent(expected[1], expected[0]));
            assertThat(totals.get(3).value()).isEqualTo(OperationsCharts.percent(expected[2], expected[0]));
        }
        var q = dashboards.query(null, "2022-01", "2024-12", cityViewer);
        var byUnit = chart("efficiency", q, "by-unit");
        for (int i = 0; i < q.children().size(); i++) {
            var e = filing(q.children().get(i).path(), days.configured());
            assertThat(byUnit.series().get(0).values().get(i)).isEqualTo(OperationsCharts.percent(e[1], e[0]));
        }
        assertThat(q.children()).extracting(OrgUnit::id).containsExactly(data.east.id(), data.west.id());
        assertThatThrownBy(() -> dashboards.query(Long.toString(data.west.id()), "2022-01", "2024-12", eastViewer))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> days.parse("366")).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> days.parse("-1")).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void digitisationAndUtilisationFiguresEqualWhatHappened() {
        var may = OffsetDateTime.parse("2024-05-10T09:00:00+08:00");
        long eastPages = scanBatch(data.east, 40, true, may);
        long westPages = scanBatch(data.west, 25, false, may);
        publish(new LoanRequested(id(), 2, data.east.path(), may.minusHours(5)));
        publish(new LoanRequested(id(), 1, data.west.path(), may.minusHours(3)));
        publish(new LoanDecided(id(), true, data.east.path(), may.minusHours(5), may));
        publish(new LoanDecided(id(), false, data.west.path(), may.minusHours(3), may));
        physicalLoan(
                data.east,
                data.eastItems.get(0),
                LocalDate.now(ZoneId.of("Asia/Shanghai")).minusDays(2));
        physicalLoan(
                data.west,
                data.westItems.get(0),
                LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(9));
        var city = dashboards.query(null, "2024-01", "2024-12", cityViewer);
        var east = dashboards.query(null, "2024-01", "2024-12", eastViewer);
        await().atMost(Duration.ofSeconds(20))
                .until(() -> dashboard("utilisation")
                                        .totals(city)
                                        .get(1)
                                        .value()
                                        .longValue()
                                == 1
                        && dashboard("utilisation").totals(city).get(2).value().longValue() == 1
                        && dashboard("digitisation").totals(city).get(0).value().longValue() == eastPages + westPages);

        assertThat(dashboard("digitisation").totals(east).get(0).value()).isEqualTo(eastPages);
        assertThat(dashboard("digitisation").totals(east).get(2).value()).isEqualTo(100.0);
        assertThat(dashboard("digitisation").totals(city).get(1).value()).isEqualTo(OperationsCharts.percent(8, 8 + 3));
        var utilisation = dashboard("utilisation").totals(city);
        assertThat(utilisation.get(0).value()).isEqualTo(2L);
        assertThat(utilisation.get(3).value()).isEqualTo(4.0);
        assertThat(utilisation.get(4).value()).isEqualTo(out(data.city.path(), false));
        assertThat(utilisation.get(5).value()).isEqualTo(out(data.city.path(), true));
        var eastUtilisation = dashboard("utilisation").totals(east);
        assertThat(eastUtilisation.get(0).value()).isEqualTo(1L);
        assertThat(eastUtilisation.get(4).value()).isEqualTo(out(data.east.path(), false));
        assertThat(eastUtilisation.get(5).value()).isEqualTo(1L);
    }

    @Test
    void preservationFiguresEqualDirectCounts() {
        var today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        long sweep = jdbc.sql("insert into fixity_sweep (status, rate_mb_s, items_total, started_by, finished_at)"
                        + " values ('DONE', 0, 0, '运营看板测试', now()) returning id")
                .query(Long.class)
                .single();
        var items = data.all();
        for (int k = 0; k < items.size(); k++) {
            jdbc.sql("insert into item_fixity (item_id, sweep_id, checked_at, passed) values (:id, :s, :at, :p)"
                            + " on conflict (item_id) do update set checked_at = excluded.checked_at,"
                            + " passed = excluded.passed")
                    .param("id", items.get(k).id())
                    .param("s", sweep)
                    .param("at", OffsetDateTime.now().minusDays(k * 4L))
                    .param("p", k % 5 != 1)
                    .update();
        }
        jdbc.sql("delete from fixity_cursor").update();
        fixity.run(Duration.ZERO);
        for (var viewer : List.of(cityViewer, eastViewer)) {
            var q = dashboards.query(null, null, null, viewer);
            var totals = dashboard("preservation").totals(q);
            String org = viewer.scope().orgPath() + "%";
            long held = count(
                    "select count(*) from item i join fonds f on f.id = i.fonds_id where f.org_path like :o"
                            + " and i.status <> 'DESTROYED' and i.status <> 'RECEIVING'",
                    org,
                    today);
            long passedRecently = count(
                    "select count(*) from item_fixity x join item i on i.id = x.item_id join fonds f on f.id = i.fonds_id"
                            + " where f.org_path like :o and x.passed"
                            + " and (x.checked_at at time zone 'Asia/Shanghai')::date > cast(:d as date) - 30",
                    org,
                    today);
            long findings = count(
                    "select count(*) from item_fixity x join item i on i.id = x.item_id join fonds f on f.id = i.fonds_id"
                            + " where f.org_path like :o and not x.passed and cast(:d as date) is not null",
                    org,
                    today);
            assertThat(totals.get(0).value()).isEqualTo(held);
            assertThat(totals.get(1).value()).isEqualTo(held - passedRecently);
            assertThat(totals.get(2).value()).isEqualTo(findings);
            assertThat(findings).isPositive();
        }
    }

    @Test
    void warningFiguresEqualTheComparisonsWarningsOfTheSubtree() {
        var now = OffsetDateTime.now();
        warning(data.east, "DEATH_PAYMENT", now.minusDays(3), "CONFIRMED", "CONFIRMED", "1200.50");
        warning(data.east, "DEATH_PAYMENT", now.minusDays(40), null, "CHECKING", null);
        warning(data.east, "SENTENCE_PAYMENT", now.minusDays(70), "EXCLUDED", "CLOSED", null);
        warning(data.west, "DEATH_PAYMENT", now.minusDays(10), "CONFIRMED", "CLOSED", "300.25");
        warning(data.west, "SENTENCE_PAYMENT", now.minusDays(100), null, "CHECKING", null);
        for (var viewer : List.of(cityViewer, eastViewer)) {
            var q = dashboards.query(null, null, null, viewer);
            var totals = dashboard("warnings").totals(q);
            var expected = warnings(viewer.scope().orgPath() + "%", q.period());
            assertThat(expected[0])
                    .as("planted warnings")
                    .isGreaterThanOrEqualTo(java.math.BigDecimal.valueOf(viewer == cityViewer ? 5 : 3));
            for (int k = 0; k < 4; k++) {
                assertThat(totals.get(k).value()).as("total %s", k).isEqualTo(expected[k].longValue());
            }
            assertThat((java.math.BigDecimal) totals.get(4).value()).isEqualByComparingTo(expected[4]);
        }
        var city = dashboards.query(null, null, null, cityViewer);
        var byUnit = chart("warnings", city, "by-unit");
        for (int i = 0; i < city.children().size(); i++) {
            var e = warnings(city.children().get(i).path() + "%", city.period());
            assertThat(byUnit.series().get(0).values().get(i)).isEqualTo(e[0].longValue());
            assertThat(byUnit.series().get(1).values().get(i)).isEqualTo(e[1].longValue());
            assertThat(byUnit.series().get(2).values().get(i)).isEqualTo(e[2].longValue());
        }
        long byRule = chart("warnings", city, "by-rule").series().get(0).values().stream()
                .mapToLong(Number::longValue)
                .sum();
        assertThat(byRule).isEqualTo(warnings(data.city.path() + "%", city.period())[0].longValue());
        assertThat(dashboards
                        .view("warnings", null, null, null, cityViewer, java.util.Locale.CHINA)
                        .charts())
                .extracting(DashboardView.ChartView::id)
                .containsExactly("by-month", "by-rule", "by-unit");
        assertThatThrownBy(() -> dashboards.view(
                        "warnings", Long.toString(data.west.id()), null, null, eastViewer, java.util.Locale.CHINA))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void theEfficiencyExcelDownloadCountsTheDaysThePageAskedFor() throws java.io.IOException {
        var who = TestAccounts.create(accounts, "opsxls" + data.run, data.city.id(), Set.of(Role.ARCHIVIST), 3, false);
        var session = new ConsoleSession(port);
        session.login(who.username(), who.password(), who.codes());
        String query = "?org=" + data.city.id() + "&from=2022-01&to=2024-12";
        var page = session.get("/statistics/efficiency" + query + "&days=7");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body())
                .contains("/statistics/efficiency/by-unit.xlsx" + query.replace("&", "&amp;") + "&amp;days=7")
                .contains("id=\"p-days\"")
                .contains("org=" + data.east.id() + "&amp;from=2022-01&amp;to=2024-12&amp;days=7");
        var q = dashboards.query(null, "2022-01", "2024-12", cityViewer);
        var shares = new java.util.HashMap<Integer, List<Double>>();
        for (int n : new int[] {7, 60}) {
            var response = session.bytes("/statistics/efficiency/by-unit.xlsx" + query + "&days=" + n);
            assertThat(response.statusCode()).isEqualTo(200);
            var byName = new java.util.HashMap<String, Double>();
            try (var wb =
                    new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(response.body()))) {
                for (var row : wb.getSheetAt(0)) {
                    var cell = row.getCell(1);
                    if (cell != null && cell.getCellType() == org.apache.poi.ss.usermodel.CellType.NUMERIC) {
                        byName.put(row.getCell(0).getStringCellValue(), cell.getNumericCellValue());
                    }
                }
                assertThat(wb.getSheetAt(0).getRow(4).getCell(0).getStringCellValue())
                        .contains(Integer.toString(n));
            }
            var list = new java.util.ArrayList<Double>();
            for (var unit : q.children()) {
                var e = filing(unit.path(), n);
                assertThat(byName.get(unit.name()))
                        .as("%s within %s days", unit.name(), n)
                        .isEqualTo(OperationsCharts.percent(e[1], e[0]));
                list.add(byName.get(unit.name()));
            }
            shares.put(n, list);
        }
        assertThat(shares.get(7)).isNotEqualTo(shares.get(60));
    }

    // ----------------------------------------------------------------------------------------------------------

    private Dashboard dashboard(String id) {
        return dashboards.find(id);
    }

    private Chart chart(String dashboard, DashboardQuery q, String id) {
        return dashboard(dashboard).charts(q).stream()
                .filter(c -> c.id().equals(id))
                .findFirst()
                .orElseThrow();
    }

    /** items, filed within N days, complete — of the subtree, filed 2022–2024, counted from the catalogue. */
    private long[] filing(String orgPath, int n) {
        return jdbc.sql(
                        """
                with filed as (
                    select (i.created_at at time zone 'Asia/Shanghai')::date
                             - (i.handled_at at time zone 'Asia/Shanghai')::date as days,
                           not exists (select 1 from business_step_material m
                                        where m.step_code = i.step_code and m.required
                                          and not exists (select 1 from item_file x where x.item_id = i.id
                                                             and x.material_code = m.material_code)) as complete
                      from item i join fonds f on f.id = i.fonds_id
                     where f.org_path like :org and i.status <> 'RECEIVING'
                       and (i.created_at at time zone 'Asia/Shanghai')::date between '2022-01-01' and '2024-12-31')
                select count(*), count(*) filter (where days <= :n), count(*) filter (where complete) from filed
                """)
                .param("org", orgPath + "%")
                .param("n", n)
                .query((rs, row) -> new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3)})
                .single();
    }

    private long scanBatch(OrgUnit org, int pages, boolean ocr, OffsetDateTime at) {
        var id = UUID.randomUUID();
        jdbc.sql("insert into scan_batch (id, name, fonds_code, org_path, ocr, sample_percent, status, pages_total,"
                        + " created_by) values (:id, :n, '0001', :o, :ocr, 10, 'ACCEPTED', :p, '运营看板测试')")
                .param("id", id)
                .param("n", "运营批次" + id)
                .param("o", org.path())
                .param("ocr", ocr)
                .param("p", pages)
                .update();
        publish(new ScanBatchDecided(id, ScanBatchDecided.Decision.ACCEPTED, 4, org.path(), at));
        var rejected = UUID.randomUUID();
        jdbc.sql("insert into scan_batch (id, name, fonds_code, org_path, ocr, sample_percent, status, pages_total,"
                        + " created_by) values (:id, :n, '0001', :o, false, 10, 'REJECTED', 0, '运营看板测试')")
                .param("id", rejected)
                .param("n", "运营批次" + rejected)
                .param("o", org.path())
                .update();
        publish(new ScanBatchDecided(
                rejected, ScanBatchDecided.Decision.REJECTED, org == data.east ? 3 : 0, org.path(), at));
        return count(
                "select coalesce(sum(pages_total), 0) from scan_batch where org_path = :o and created_by = '运营看板测试'"
                        + " and cast(:d as date) is not null",
                org.path(),
                ReadableTime.beijing().today());
    }

    /** raised, open, closed, confirmed, amount to recover — of the subtree's warnings raised in the period. */
    private java.math.BigDecimal[] warnings(String orgPattern, Period period) {
        var zone = ZoneId.of("Asia/Shanghai");
        return jdbc.sql(
                        """
                select count(*), count(*) filter (where state <> 'CLOSED'), count(*) filter (where state = 'CLOSED'),
                       count(*) filter (where outcome = 'CONFIRMED'), coalesce(sum(amount_to_recover), 0)
                  from comparison_warning where org_path like :o and raised_at >= :from and raised_at < :to
                """)
                .param("o", orgPattern)
                .param("from", period.from().atDay(1).atStartOfDay(zone).toOffsetDateTime())
                .param(
                        "to",
                        period.to().plusMonths(1).atDay(1).atStartOfDay(zone).toOffsetDateTime())
                .query((rs, n) -> new java.math.BigDecimal[] {
                    rs.getBigDecimal(1),
                    rs.getBigDecimal(2),
                    rs.getBigDecimal(3),
                    rs.getBigDecimal(4),
                    rs.getBigDecimal(5)
                })
                .single();
    }

    /**
     * The planted warnings and their runs leave with the class: they stand in for the engine's output and carry no
     * counts or evidence, which the comparison pages of later classes in the shared database would read.
     */
    @AfterAll
    void removePlantedWarnings() {
        jdbc.sql("delete from comparison_warning where first_run_id in"
                        + " (select id from comparison_run where started_by = '运营看板测试')")
                .update();
        jdbc.sql("delete from comparison_run where started_by = '运营看板测试'").update();
        jdbc.sql("delete from comparison_rule_version v where created_by = '运营看板测试' and not exists"
                        + " (select 1 from comparison_warning w where w.rule_version_id = v.id)")
                .update();
    }

    /** A comparison warning as the engine writes it (comparison's own ITs plant them the same way). */
    private void warning(
            OrgUnit org, String rule, OffsetDateTime raised, String outcome, String state, String recover) {
        long version = jdbc.sql(
                        """
                insert into comparison_rule_version (rule_code, version, definition, digest, created_by)
                values (:code, 1, '{}', :digest, '运营看板测试') on conflict (rule_code, version) do update
                set enabled = comparison_rule_version.enabled returning id""")
                .param("code", rule)
                .param("digest", "0".repeat(64))
                .query(Long.class)
                .single();
        long run = jdbc.sql(
                        """
                insert into comparison_run (trigger_kind, org_id, org_path, as_of, state, started_by)
                values ('MANUAL', :org, :path, current_date, 'FINISHED', '运营看板测试') returning id""")
                .param("org", org.id())
                .param("path", org.path())
                .query(Long.class)
                .single();
        byte[] random = new byte[32];
        java.util.concurrent.ThreadLocalRandom.current().nextBytes(random);
        jdbc.sql(
                        """
                insert into comparison_warning (warning_no, rule_code, rule_version_id, first_run_id, last_run_id,
                    dedupe_key, token, cert_enc, name_masked, org_id, org_path, amount_at_risk, months_at_risk,
                    due_on, raised_at, outcome, state, amount_to_recover)
                values (:no, :rule, :version, :run, :run, :dedupe, :dedupe, :dedupe, '王*', :org, :path, 500, 3,
                    :due, :raised, :outcome, :state, cast(:recover as numeric))""")
                .param("no", "YJO" + data.run + id() % 100_000)
                .param("rule", rule)
                .param("version", version)
                .param("run", run)
                .param("dedupe", random)
                .param("org", org.id())
                .param("path", org.path())
                .param("due", raised.toLocalDate().plusDays(21))
                .param("raised", raised)
                .param("outcome", outcome)
                .param("state", state)
                .param("recover", recover)
                .update();
    }

    private void physicalLoan(OrgUnit org, ItemRecord item, LocalDate due) {
        long loan = jdbc.sql(
                        """
                insert into physical_loan (borrower, borrower_unit, borrower_kind, purpose, due_date, status, lent_by,
                                           org_path, purpose_code)
                values ('运营借阅人', '审计局', 'PERSON', '核查', :due, 'OUT', '运营看板测试', :org, 'AUDIT') returning id
                """)
                .param("due", due)
                .param("org", org.path())
                .query(Long.class)
                .single();
        jdbc.sql("insert into physical_loan_item (loan_id, item_id, archive_code) values (:l, :i, :c)")
                .param("l", loan)
                .param("i", item.id())
                .param("c", item.archiveCode())
                .update();
    }

    private long out(String orgPath, boolean overdue) {
        return count(
                "select count(*) from physical_loan l join physical_loan_item i on i.loan_id = l.id"
                        + " where l.org_path like :o and i.returned_at is null"
                        + (overdue ? " and l.due_date < cast(:d as date)" : " and cast(:d as date) is not null"),
                orgPath + "%",
                LocalDate.now(ZoneId.of("Asia/Shanghai")));
    }

    private long count(String sql, String org, LocalDate day) {
        return jdbc.sql(sql).param("o", org).param("d", day).query(Long.class).single();
    }

    private static Access viewer(String name, OrgUnit org) {
        return new Access(
                new Actor(name, org.path(), "127.0.0.1", "junit"),
                new Scope(org.path(), null, 3),
                Set.of(Permission.STATISTICS_VIEW));
    }

    private void publish(Object event) {
        tx.executeWithoutResult(s -> events.publishEvent(event));
    }

    private static long id() {
        return IDS.incrementAndGet();
    }
}
