package org.siarchive.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.siarchive.analytics.StatisticsFixture.PERMANENT;
import static org.siarchive.analytics.StatisticsFixture.TEN_YEARS;
import static org.siarchive.analytics.StatisticsFixture.capture;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.siarchive.capture.Captures;
import org.siarchive.catalog.Catalog;
import org.siarchive.catalog.ItemCaptured;
import org.siarchive.catalog.ItemDestroyed;
import org.siarchive.catalog.ItemRecord;
import org.siarchive.organisation.OrgUnit;
import org.siarchive.organisation.Organisations;
import org.siarchive.security.Accounts;
import org.siarchive.security.Role;
import org.siarchive.security.TestAccounts;
import org.siarchive.shared.Access;
import org.siarchive.shared.Actor;
import org.siarchive.shared.InvalidInputException;
import org.siarchive.shared.NotFoundException;
import org.siarchive.support.ConsoleSession;
import org.siarchive.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The holdings and growth dashboards (issue 18) against a data set of their own — a city with two counties, items
 * of several years, two categories, 险种 and retentions captured through the capture path, some filed in earlier
 * months, one destroyed: every figure equals a direct SQL count of the catalogue, for a county viewer (its county
 * only), a city viewer (the sum) and the other county's ids (404); the Excel download equals the chart's table; a
 * redelivered event does not count twice; a rebuild gives the figures the events gave.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HoldingsDashboardsIT extends IntegrationTest {

    private static final Locale ZH = Locale.SIMPLIFIED_CHINESE;

    @LocalServerPort
    int port;

    @Autowired
    Captures captures;

    @Autowired
    Catalog catalog;

    @Autowired
    Organisations organisations;

    @Autowired
    Accounts accounts;

    @Autowired
    Dashboards dashboards;

    @Autowired
    HoldingsCounter counter;

    @Autowired
    HoldingsRebuild rebuild;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate tx;

    @Autowired
    MessageSource messages;

    @Autowired
    JdbcClient jdbc;

    final String run = Integer.toString(ThreadLocalRandom.current().nextInt(100_000, 999_999));
    OrgUnit city;
    OrgUnit countyA;
    OrgUnit countyB;
    Access cityViewer;
    Access countyViewer;
    final List<ItemRecord> items = new ArrayList<>();

    @BeforeAll
    void aCityWithTwoCounties() {
        city = organisations.create(organisations.root().id(), "TC" + run, "统计市" + run, "CITY", Actor.SYSTEM);
        countyA = organisations.create(city.id(), "TA" + run, "统计甲县" + run, "COUNTY", Actor.SYSTEM);
        countyB = organisations.create(city.id(), "TB" + run, "统计乙县" + run, "COUNTY", Actor.SYSTEM);
        String fa = "1" + run.substring(0, 3); // four digits, as 全宗号 are
        String fb = "4" + run.substring(0, 3);
        String fc = "5" + run.substring(0, 3);
        catalog.ensureFonds(fa, "甲县档案" + run, countyA.name(), countyA.id(), Actor.SYSTEM);
        catalog.ensureFonds(fb, "乙县档案" + run, countyB.name(), countyB.id(), Actor.SYSTEM);
        catalog.ensureFonds(fc, "市本级档案" + run, city.name(), city.id(), Actor.SYSTEM);
        items.add(capture(captures, fa, TEN_YEARS, "2019-03-01", "甲县核定一"));
        items.add(capture(captures, fa, TEN_YEARS, "2019-11-20", "甲县核定二"));
        items.add(capture(captures, fa, TEN_YEARS, "2021-06-01", "甲县核定三"));
        items.add(capture(captures, fa, PERMANENT, "2021-02-01", "甲县统计报表"));
        items.add(capture(captures, fa, PERMANENT, "2023-02-01", "甲县统计报表二"));
        items.add(capture(captures, fb, TEN_YEARS, "2020-05-05", "乙县核定一"));
        items.add(capture(captures, fb, PERMANENT, "2022-01-10", "乙县统计报表"));
        items.add(capture(captures, fb, TEN_YEARS, "2022-07-07", "乙县核定二"));
        items.add(capture(captures, fc, PERMANENT, "2020-12-12", "市本级统计报表"));
        StatisticsFixture.awaitCounted(jdbc);
        // filed in earlier months: the catalogue is changed behind the events and each item recounted, as a
        // correction's event would
        shiftFiled(items.get(0), 14);
        shiftFiled(items.get(1), 3);
        shiftFiled(items.get(5), 3);
        shiftFiled(items.get(6), 40); // before the default period: counted in the storage used before it
        var destroyed = items.get(2);
        tx.executeWithoutResult(s -> {
            jdbc.sql("update item set status = 'DESTROYED', destroyed_at = now() where id = :id")
                    .param("id", destroyed.id())
                    .update();
            events.publishEvent(new ItemDestroyed(
                    destroyed.id(), destroyed.archiveCode(), "XH-TEST", java.time.OffsetDateTime.now()));
        });
        StatisticsFixture.awaitCounted(jdbc);
        cityViewer = StatisticsFixture.viewer("tjshi" + run, city.path());
        countyViewer = StatisticsFixture.viewer("tjxian" + run, countyA.path());
    }

    private void shiftFiled(ItemRecord item, int months) {
        jdbc.sql("update item set created_at = created_at - make_interval(months => :m) where id = :id")
                .param("m", months)
                .param("id", item.id())
                .update();
        counter.recount(item.id());
    }

    // ---------------------------------------------------------------- figures

    @Test
    void everyHoldingsFigureEqualsTheCatalogueForTheCityAndForEachCounty() {
        for (var who : List.of(cityViewer, countyViewer)) {
            var view = dashboards.view("holdings", null, null, null, who, ZH);
            String p = who.scope().orgPattern();
            assertThat(view.totals().get(0).value()).isEqualTo(count(p));
            assertThat(view.totals().get(1).value()).isEqualTo(pages(p));
            assertThat(view.totals().get(2).value()).isEqualTo(HoldingsDashboard.megabytes(bytes(p)));
            assertThat(series(chart(view, "by-year"), 0)).isEqualTo(expected(p, "i.year || '年'"));
            assertThat(series(chart(view, "by-year"), 1)).isEqualTo(expectedPages(p, "i.year || '年'"));
            assertThat(series(chart(view, "by-category"), 0)).isEqualTo(expected(p, "mc.name"));
            assertThat(series(chart(view, "by-insurance"), 0))
                    .isEqualTo(expected(p, "coalesce(ct.name, '" + zh("statistics.insurance.none") + "')"));
            var byRetention = new TreeMap<String, Long>();
            expected(p, "i.retention_code").forEach((k, v) -> byRetention.put(zh("directory.retention." + k), v));
            assertThat(series(chart(view, "by-retention"), 0)).isEqualTo(byRetention);
        }
        assertThat(count(cityViewer.scope().orgPattern())).isEqualTo(8); // 9 captured, 1 destroyed
        assertThat(count(countyViewer.scope().orgPattern())).isEqualTo(4);
    }

    @Test
    void theCityIsTheSumOfItsCountiesAndItsOwnLevel() {
        var view = dashboards.view("holdings", null, null, null, cityViewer, ZH);
        var byUnit = series(chart(view, "by-unit"), 0);
        assertThat(byUnit)
                .containsEntry(countyA.name(), count(countyA.path() + "%"))
                .containsEntry(countyB.name(), count(countyB.path() + "%"))
                .containsEntry(zh("statistics.ownLevel", city.name()), 1L);
        assertThat(byUnit.values().stream().mapToLong(Long::longValue).sum())
                .isEqualTo(view.totals().get(0).value());
        assertThat(view.children()).extracting(DashboardView.Unit::id).containsExactly(countyA.id(), countyB.id());
        assertThat(chart(view, "by-unit").categories().get(0).orgId()).isEqualTo(countyA.id());
    }

    @Test
    void everyGrowthFigureEqualsTheCatalogueMonthByMonth() {
        for (var who : List.of(cityViewer, countyViewer)) {
            var view = dashboards.view("growth", null, null, null, who, ZH);
            String p = who.scope().orgPattern();
            String month = "to_char(i.created_at at time zone 'Asia/Shanghai', 'YYYY\"年\"FMMM\"月\"')";
            var perMonth = series(chart(view, "per-month"), 0);
            perMonth.values().removeIf(v -> v == 0);
            assertThat(perMonth)
                    .isEqualTo(withinPeriod(expected(p, month), view))
                    .isNotEmpty();
            var forecast = chart(view, "forecast");
            var used = forecast.series().get(0).values();
            assertThat(used.get(view.charts().get(0).categories().size() - 1))
                    .isEqualTo(HoldingsDashboard.megabytes(bytes(p)));
            assertThat(forecast.series().get(1).values().get(used.size() - 1)).isNotNull();
            assertThat(forecast.note()).contains("线性回归");
            assertThat(view.totals().get(2).value()).isEqualTo(HoldingsDashboard.megabytes(bytes(p)));
        }
    }

    /** The months of the expected figures that fall in the dashboard's period. */
    private static Map<String, Long> withinPeriod(Map<String, Long> expected, DashboardView view) {
        var labels = chart(view, "per-month").categories().stream()
                .map(DashboardView.CategoryView::label)
                .toList();
        var out = new TreeMap<String, Long>();
        expected.forEach((k, v) -> {
            if (labels.contains(k)) {
                out.put(k, v);
            }
        });
        return out;
    }

    // ---------------------------------------------------------------- scope

    @Test
    void theCountyViewerSeesOnlyItsCountyAndTheOtherCountyIsNotFound() {
        var mine = dashboards.view("holdings", Long.toString(countyA.id()), null, null, countyViewer, ZH);
        assertThat(mine.org().id()).isEqualTo(countyA.id());
        assertThatThrownBy(() -> dashboards.view("holdings", Long.toString(countyB.id()), null, null, countyViewer, ZH))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> dashboards.view("growth", Long.toString(city.id()), null, null, countyViewer, ZH))
                .isInstanceOf(NotFoundException.class);
        var drilled = dashboards.view("holdings", Long.toString(countyB.id()), null, null, cityViewer, ZH);
        assertThat(drilled.totals().get(0).value()).isEqualTo(count(countyB.path() + "%"));
        assertThat(drilled.breadcrumb()).extracting(DashboardView.Unit::id).containsExactly(city.id(), countyB.id());
    }

    @Test
    void periodsAndUnitIdsAreBounded() {
        assertThatThrownBy(() -> dashboards.view("growth", null, "2020-01", "2023-01", cityViewer, ZH))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.violations().get(0).field()).isEqualTo("from"));
        assertThatThrownBy(() -> dashboards.view("growth", null, "2024-13", null, cityViewer, ZH))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> dashboards.view("growth", null, null, "2999-01", cityViewer, ZH))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.violations().get(0).field()).isEqualTo("to"));
        assertThatThrownBy(() -> dashboards.view("growth", "x1", null, null, cityViewer, ZH))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.violations().get(0).field()).isEqualTo("org"));
        assertThatThrownBy(() -> dashboards.view("nothing", null, null, null, cityViewer, ZH))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void overHttpTheOtherCountyIsNotFoundAndABadPeriodIsNamed() {
        var county = login("tjxa" + run, countyA);
        assertThat(county.api("GET", "/api/v1/statistics/dashboards/holdings?org=" + countyB.id(), null)
                        .status())
                .isEqualTo(404);
        assertThat(county.get("/statistics/holdings?org=" + countyB.id()).status())
                .isEqualTo(404);
        assertThat(county.bytes("/statistics/holdings/by-year.xlsx?org=" + city.id())
                        .statusCode())
                .isEqualTo(404);
        var ok = county.api("GET", "/api/v1/statistics/dashboards/holdings", null);
        assertThat(ok.status()).isEqualTo(200);
        assertThat(ok.body()).contains(countyA.name());
        var bad = county.get("/statistics/growth?from=2019-01&to=2024-12");
        assertThat(bad.status()).isEqualTo(422);
        assertThat(bad.body()).contains("from-error").contains("2019-01");
        var city = login("tjsa" + run, this.city);
        var page = city.get("/statistics/holdings");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body())
                .contains("child-" + countyA.id())
                .contains("data-chart=")
                .contains("/statistics/holdings/by-year.xlsx");
    }

    // ---------------------------------------------------------------- Excel

    @Test
    void theExcelDownloadEqualsTheChartsTableAndIsAudited() throws IOException {
        var session = login("tjxls" + run, city);
        var response = session.bytes("/statistics/holdings/by-year.xlsx?org=" + city.id());
        assertThat(response.statusCode()).isEqualTo(200);
        var view = dashboards.view("holdings", Long.toString(city.id()), null, null, cityViewer, ZH);
        var c = chart(view, "by-year");
        try (var wb = new XSSFWorkbook(new ByteArrayInputStream(response.body()))) {
            var sheet = wb.getSheetAt(0);
            assertThat(sheet.getRow(4).getCell(0).getStringCellValue())
                    .contains("导出人")
                    .contains("北京时间");
            Row header = sheet.getRow(5);
            assertThat(header.getCell(0).getStringCellValue()).isEqualTo("年度");
            assertThat(header.getCell(1).getStringCellValue()).isEqualTo("件数");
            var rows = new LinkedHashMap<String, List<Double>>();
            for (int r = 6; r <= sheet.getLastRowNum(); r++) {
                var row = sheet.getRow(r);
                rows.put(
                        row.getCell(0).getStringCellValue(),
                        List.of(
                                row.getCell(1).getNumericCellValue(),
                                row.getCell(2).getNumericCellValue()));
            }
            var table = new LinkedHashMap<String, List<Double>>();
            for (int i = 0; i < c.categories().size(); i++) {
                table.put(
                        c.categories().get(i).label(),
                        List.of(
                                c.series().get(0).values().get(i).doubleValue(),
                                c.series().get(1).values().get(i).doubleValue()));
            }
            assertThat(rows).isEqualTo(table).isNotEmpty();
        }
        long audited = jdbc.sql("select count(*) from audit_entry where object_type = 'STATISTICS'"
                        + " and object_id = 'holdings/by-year' and operation = 'EXPORT' and actor = :a")
                .param("a", "tjxls" + run)
                .query(Long.class)
                .single();
        assertThat(audited).isEqualTo(1);
    }

    // ---------------------------------------------------------------- events and rebuild

    @Test
    void aRedeliveredEventDoesNotCountTwice() {
        var before =
                dashboards.view("holdings", null, null, null, cityViewer, ZH).totals();
        var again = items.get(3);
        for (int i = 0; i < 3; i++) {
            tx.executeWithoutResult(s -> events.publishEvent(new ItemCaptured(again.id(), again.archiveCode())));
        }
        StatisticsFixture.awaitCounted(jdbc);
        assertThat(counter.recount(again.id())).isFalse();
        assertThat(dashboards.view("holdings", null, null, null, cityViewer, ZH).totals())
                .isEqualTo(before);
    }

    @Test
    void aRebuildGivesTheFiguresTheEventsGave() {
        var holdings = dashboards.view("holdings", null, null, null, cityViewer, ZH);
        var growth = dashboards.view("growth", null, null, null, cityViewer, ZH);
        long held = rebuild.rebuild(cityViewer.actor());
        assertThat(held).isGreaterThanOrEqualTo(8);
        assertThat(rebuild.last())
                .get()
                .extracting(HoldingsRebuild.Build::state)
                .isEqualTo("BUILT");
        assertThat(dashboards.view("holdings", null, null, null, cityViewer, ZH))
                .isEqualTo(holdings);
        assertThat(dashboards.view("growth", null, null, null, cityViewer, ZH)).isEqualTo(growth);
        long audited = jdbc.sql("select count(*) from audit_entry where object_type = 'STATISTICS'"
                        + " and operation = 'COMPUTE' and actor = :a")
                .param("a", cityViewer.actor().name())
                .query(Long.class)
                .single();
        assertThat(audited).isEqualTo(1);
    }

    @Test
    void anInterruptedRebuildIsCompletedFromWhereItStopped() {
        var holdings = dashboards.view("holdings", null, null, null, cityViewer, ZH);
        // as if the process died after the ledger was cleared and half of it written again
        tx.executeWithoutResult(s -> {
            jdbc.sql("update holdings_build set state = 'BUILDING', after_id = :a where id = 1")
                    .param("a", java.util.UUID.fromString("80000000-0000-0000-0000-000000000000"))
                    .update();
            jdbc.sql("delete from holdings_item where item_id > '80000000-0000-0000-0000-000000000000'")
                    .update();
            jdbc.sql("delete from holdings_cell").update();
            jdbc.sql("delete from holdings_month").update();
        });
        rebuild.resume(Actor.SYSTEM);
        assertThat(dashboards.view("holdings", null, null, null, cityViewer, ZH))
                .isEqualTo(holdings);
    }

    // ---------------------------------------------------------------- helpers

    private ConsoleSession login(String username, OrgUnit unit) {
        var who = TestAccounts.create(accounts, username, unit.id(), Set.of(Role.ARCHIVIST), 3, false);
        var s = new ConsoleSession(port);
        s.login(who.username(), who.password(), who.codes());
        s.get("/");
        return s;
    }

    private String zh(String key, Object... args) {
        return messages.getMessage(key, args, ZH);
    }

    private static DashboardView.ChartView chart(DashboardView view, String id) {
        return view.charts().stream().filter(c -> c.id().equals(id)).findFirst().orElseThrow();
    }

    /** A chart's series as label → figure. */
    private static Map<String, Long> series(DashboardView.ChartView c, int index) {
        var out = new TreeMap<String, Long>();
        for (int i = 0; i < c.categories().size(); i++) {
            out.put(
                    c.categories().get(i).label(),
                    c.series().get(index).values().get(i).longValue());
        }
        return out;
    }

    private static final String HELD =
            """
            from item i join fonds f on f.id = i.fonds_id
            left join material_category mc on mc.code = i.category_code
            left join code_table ct on ct.category = 'AAE140' and ct.code = i.insurance_type
            where i.status = 'PRESERVED' and f.org_path like '%s'
            """;

    private Map<String, Long> expected(String pattern, String key) {
        return grouped(pattern, key, "count(*)");
    }

    private Map<String, Long> expectedPages(String pattern, String key) {
        return grouped(pattern, key, "sum(coalesce(i.page_count, 0))");
    }

    private Map<String, Long> grouped(String pattern, String key, String figure) {
        var out = new TreeMap<String, Long>();
        jdbc.sql("select " + key + " as k, " + figure + " as n " + HELD.formatted(pattern) + " group by 1")
                .query((rs, n) -> out.put(rs.getString("k"), rs.getLong("n")))
                .list();
        return out;
    }

    private long count(String pattern) {
        return jdbc.sql("select count(*) " + HELD.formatted(pattern))
                .query(Long.class)
                .single();
    }

    private long pages(String pattern) {
        return jdbc.sql("select coalesce(sum(coalesce(i.page_count, 0)), 0) " + HELD.formatted(pattern))
                .query(Long.class)
                .single();
    }

    private long bytes(String pattern) {
        return jdbc.sql("select coalesce(sum(x.size_bytes), 0) from item_file x where x.item_id in (select i.id "
                        + HELD.formatted(pattern) + ")")
                .query(Long.class)
                .single();
    }
}
