package org.siarchive.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.siarchive.audit.AuditTrail;
import org.siarchive.capture.Captures;
import org.siarchive.catalog.Catalog;
import org.siarchive.organisation.OrgUnit;
import org.siarchive.organisation.Organisations;
import org.siarchive.security.Accounts;
import org.siarchive.security.Role;
import org.siarchive.security.TestAccounts;
import org.siarchive.shared.Actor;
import org.siarchive.shared.ReadableTime;
import org.siarchive.support.ConsoleSession;
import org.siarchive.support.IntegrationTest;
import org.siarchive.support.labels.AsciiWords;
import org.siarchive.support.labels.DocumentText;
import org.siarchive.support.labels.VisibleText;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The annual 社会保险业务档案管理基本情况统计表 on planted holdings of two counties under a city over several years: the
 * Excel workbook, opened by POI, equals cell by cell the figures computed independently with SQL; the city's report
 * is the sum of its counties' cell by cell; submission freezes the report and files it as a TJBB record (category
 * 08, 永久); bad input is 422 naming the field with the input kept; another unit's report is 404.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AnnualReportIT extends IntegrationTest {

    private static final Pattern REPORT_ID = Pattern.compile("/statistics/annual-reports/(\\d+)$");

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
    AuditTrail audit;

    @Autowired
    TransactionTemplate tx;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AnnualRows rows;

    @Autowired
    ReadableTime time;

    final String run = Integer.toString(ThreadLocalRandom.current().nextInt(100_000, 999_999));
    OrgUnit city;
    OrgUnit north;
    OrgUnit south;
    ConsoleSession cityArchivist;
    ConsoleSession northArchivist;
    final Map<String, Map<String, BigDecimal>> typed = new HashMap<>();
    AnnualFixture fixture;

    @BeforeAll
    void plant() {
        var root = organisations.root();
        city = organisations.create(root.id(), "RC" + run, "报表市社保中心" + run, "CITY", Actor.SYSTEM);
        north = organisations.create(city.id(), "RN" + run, "报表北县社保中心" + run, "COUNTY", Actor.SYSTEM);
        south = organisations.create(city.id(), "RS" + run, "报表南县社保中心" + run, "COUNTY", Actor.SYSTEM);
        String cityFonds = "7" + run.substring(0, 3);
        String northFonds = "8" + run.substring(0, 3);
        String southFonds = "9" + run.substring(0, 3);
        catalog.ensureFonds(cityFonds, "报表市档案" + run, city.name(), city.id(), Actor.SYSTEM);
        catalog.ensureFonds(northFonds, "报表北县档案" + run, north.name(), north.id(), Actor.SYSTEM);
        catalog.ensureFonds(southFonds, "报表南县档案" + run, south.name(), south.id(), Actor.SYSTEM);
        fixture = new AnnualFixture(captures, jdbc, audit, tx);
        fixture.plant(north, northFonds, 7, 0, run);
        fixture.plant(south, southFonds, 6, 1, run);
        cityArchivist =
                login(TestAccounts.create(accounts, "bbshi" + run, city.id(), Set.of(Role.ARCHIVIST), 3, false));
        northArchivist =
                login(TestAccounts.create(accounts, "bbbei" + run, north.id(), Set.of(Role.ARCHIVIST), 3, false));
        // the counties enter their building and equipment figures of 2025 by hand
        enter(northArchivist, north, 2025, Map.of("storeArea", "120.50", "scanners", "2", "storageTb", "8"));
        enter(cityArchivist, south, 2025, Map.of("storeArea", "80.25", "scanners", "3", "compactShelves", "14"));
    }

    @AfterAll
    void restore() {
        fixture.restore();
    }

    @Test
    void theWorkbookEqualsTheFiguresCountedWithSqlCellByCell() throws IOException {
        int current = time.today().getYear();
        for (int year : new int[] {2024, 2025, current}) {
            for (var unit : List.of(north, south, city)) {
                long id = compute(cityArchivist, unit, year);
                var download = cityArchivist.bytes("/statistics/annual-reports/" + id + "/xlsx");
                assertThat(download.statusCode()).isEqualTo(200);
                assertThat(download.headers().firstValue("Content-Type").orElse(""))
                        .contains("spreadsheetml");
                var expected = expected(unit, year);
                try (var wb = new XSSFWorkbook(new ByteArrayInputStream(download.body()))) {
                    var sheet = wb.getSheetAt(0);
                    assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("社会保险业务档案管理基本情况统计表");
                    assertThat(sheet.getRow(1).getCell(0).getStringCellValue()).contains(unit.name());
                    assertThat(sheet.getRow(1).getCell(3).getStringCellValue()).contains(Integer.toString(year));
                    assertThat(sheet.getRow(2).getCell(0).getStringCellValue()).isEqualTo("项目");
                    assertThat(sheet.getRow(3).getCell(1).getStringCellValue()).isEqualTo("指标");
                    assertThat(sheet.getNumMergedRegions()).isGreaterThanOrEqualTo(6);
                    var all = rows.rows();
                    for (int i = 0; i < all.size(); i++) {
                        var row = sheet.getRow(AnnualDocuments.FIRST_ROW + i);
                        var cell = row.getCell(AnnualDocuments.VALUE_COLUMN);
                        String code = all.get(i).code();
                        assertThat(cell.getCellType()).as(code).isEqualTo(CellType.NUMERIC);
                        assertThat(BigDecimal.valueOf(cell.getNumericCellValue()))
                                .as(
                                        "%s %d %s (%s)",
                                        unit.name(), year, code, row.getCell(1).getStringCellValue())
                                .isEqualByComparingTo(expected.get(code));
                    }
                    int last = AnnualDocuments.FIRST_ROW + all.size();
                    assertThat(sheet.getRow(last + 1).getCell(0).getStringCellValue())
                            .contains("单位负责人", "填表人", "填报日期");
                    assertThat(sheet.getRow(last + 2).getCell(0).getStringCellValue())
                            .contains("北京时间", time.today().toString());
                }
            }
        }
        assertThat(expected(north, 2025).get("heldItems")).isPositive();
        assertThat(expected(south, 2025).get("usePersons")).isPositive();
        assertThat(jdbc.sql("select count(*) from audit_entry where object_type = 'ANNUAL_REPORT'"
                                + " and operation = 'EXPORT' and actor = :a")
                        .param("a", "bbshi" + run)
                        .query(Long.class)
                        .single())
                .isGreaterThanOrEqualTo(9);
    }

    @Test
    void theCitysReportIsTheSumOfItsCountiesCellByCell() {
        for (int year : new int[] {2024, 2025, time.today().getYear()}) {
            var n = stored(compute(cityArchivist, north, year));
            var s = stored(compute(cityArchivist, south, year));
            var c = stored(compute(cityArchivist, city, year));
            assertThat(c.keySet()).containsExactlyInAnyOrderElementsOf(n.keySet());
            for (var row : rows.rows()) {
                assertThat(c.get(row.code()))
                        .as("%d %s", year, row.code())
                        .isEqualByComparingTo(n.get(row.code()).add(s.get(row.code())));
            }
        }
        var c2025 = stored(compute(cityArchivist, city, 2025));
        assertThat(c2025.get("storeArea")).isEqualByComparingTo("200.75");
        assertThat(c2025.get("scanners")).isEqualByComparingTo("5");
    }

    @Test
    void submissionFreezesTheReportAndFilesItPermanently() throws IOException {
        long id = compute(northArchivist, north, 2023);
        var page = northArchivist.post("/statistics/annual-reports/" + id + "/submit", Map.of());
        assertThat(page.status()).as(page.body()).isEqualTo(302);
        var report = jdbc.sql("select state, archive_item_id, archive_code from annual_report where id = :id")
                .param("id", id)
                .query((rs, i) -> new Object[] {rs.getString(1), rs.getObject(2, UUID.class), rs.getString(3)})
                .single();
        assertThat(report[0]).isEqualTo("SUBMITTED");
        var item = jdbc.sql("select step_code, category_code, retention_code, archive_code,"
                        + " (select count(*) from item_file x where x.item_id = i.id) from item i where id = :id")
                .param("id", report[1])
                .query((rs, i) ->
                        List.of(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)))
                .single();
        assertThat(item).containsExactly("TJBB", "08", "Y", (String) report[2], "2");
        assertThat(northArchivist.get("/statistics/annual-reports/" + id).body())
                .contains("id=\"annual-archive-code\"", (String) report[2], "已报送");
        assertThat(northArchivist
                        .post("/statistics/annual-reports/" + id + "/manual", Map.of("storeArea", "10"))
                        .status())
                .isEqualTo(409);
        assertThat(northArchivist
                        .post("/statistics/annual-reports", Map.of("orgId", Long.toString(north.id()), "year", "2023"))
                        .status())
                .isEqualTo(409);
        assertThat(northArchivist
                        .post("/statistics/annual-reports/" + id + "/submit", Map.of())
                        .status())
                .isEqualTo(409);
        assertThat(operations(id)).contains("COMPUTE", "SUBMIT");
        var pdf = northArchivist.bytes("/statistics/annual-reports/" + id + "/pdf");
        assertThat(pdf.statusCode()).isEqualTo(200);
        try (var doc = Loader.loadPDF(pdf.body())) {
            assertThat(new PDFTextStripper().getText(doc)).contains("社会保险业务档案管理基本情况统计表", "填表人");
        }
    }

    @Test
    void badInputIs422NamingTheFieldWithTheInputKept() {
        long id = compute(northArchivist, north, 2024);
        String path = "/statistics/annual-reports/" + id + "/manual";
        var negative = northArchivist.post(path, Map.of("storeArea", "-5", "scanners", "2"));
        assertThat(negative.status()).isEqualTo(422);
        assertThat(negative.body()).contains("id=\"storeArea-error\"", "value=\"-5\"", "value=\"2\"");
        var absurd = northArchivist.post(path, Map.of("officeArea", "99999999999", "servers", "1.5"));
        assertThat(absurd.status()).isEqualTo(422);
        assertThat(absurd.body()).contains("id=\"officeArea-error\"", "id=\"servers-error\"", "99999999999");
        var words = northArchivist.post(path, Map.of("readingArea", "十二"));
        assertThat(words.status()).isEqualTo(422);
        assertThat(words.body()).contains("id=\"readingArea-error\"", "应为数字");
        for (String year : new String[] {"1800", "3000", "20x5", ""}) {
            var bad = northArchivist.post(
                    "/statistics/annual-reports", Map.of("orgId", Long.toString(north.id()), "year", year));
            assertThat(bad.status()).as(year).isEqualTo(422);
            assertThat(bad.body()).contains("id=\"year-error\"");
        }
        assertThat(jdbc.sql("select count(*) from annual_manual_figure where org_id = :o and year = 2024")
                        .param("o", north.id())
                        .query(Long.class)
                        .single())
                .as("nothing written")
                .isZero();
    }

    @Test
    void anotherUnitsReportOrUnitDoesNotExistForACounty() {
        long southReport = compute(cityArchivist, south, 2024);
        assertThat(northArchivist
                        .get("/statistics/annual-reports/" + southReport)
                        .status())
                .isEqualTo(404);
        assertThat(northArchivist
                        .bytes("/statistics/annual-reports/" + southReport + "/xlsx")
                        .statusCode())
                .isEqualTo(404);
        assertThat(northArchivist
                        .post("/statistics/annual-reports/" + southReport + "/submit", Map.of())
                        .status())
                .isEqualTo(404);
        assertThat(northArchivist
                        .post("/statistics/annual-reports", Map.of("orgId", Long.toString(city.id()), "year", "2024"))
                        .status())
                .isEqualTo(404);
        assertThat(northArchivist.get("/statistics/annual-reports").body()).doesNotContain(south.name());
        assertThat(cityArchivist.get("/statistics/annual-reports?year=2024").body())
                .contains(south.name());
    }

    @Test
    void everyWordOnTheReportsPagesAndDocumentsIsChinese() throws IOException {
        long id = compute(cityArchivist, city, 2025);
        var words = AsciiWords.fromAllowList();
        var offences = new java.util.ArrayList<AsciiWords.Offence>();
        for (String path : List.of(
                "/statistics/annual-reports",
                "/statistics/annual-reports?year=2025",
                "/statistics/annual-reports/" + id)) {
            var page = cityArchivist.get(path);
            assertThat(page.status()).isEqualTo(200);
            offences.addAll(words.check("archivist", path, VisibleText.of(page.body())));
        }
        var invalid = cityArchivist.post("/statistics/annual-reports/" + id + "/manual", Map.of("staff", "x"));
        offences.addAll(words.check("archivist", "422", VisibleText.of(invalid.body())));
        var pdf =
                cityArchivist.bytes("/statistics/annual-reports/" + id + "/pdf").body();
        offences.addAll(words.check("archivist (PDF)", "pdf", DocumentText.pdf(pdf)));
        var xlsx = cityArchivist
                .bytes("/statistics/annual-reports/" + id + "/xlsx")
                .body();
        offences.addAll(words.check("archivist (Excel)", "xlsx", DocumentText.xlsxHeaders(xlsx)));
        assertThat(offences).isEmpty();
        assertThat(cityArchivist.get("/statistics/annual-reports/" + id).body())
                .contains("其中：", "年末馆藏", "库房面积", "平方米", "利用人次");
    }

    // ---------------------------------------------------------------- helpers

    private ConsoleSession login(TestAccounts.Login who) {
        var s = new ConsoleSession(port);
        assertThat(s.login(who.username(), who.password(), who.codes())).isEqualTo("/");
        s.get("/statistics/annual-reports");
        return s;
    }

    private long compute(ConsoleSession s, OrgUnit unit, int year) {
        var page = s.post(
                "/statistics/annual-reports",
                Map.of("orgId", Long.toString(unit.id()), "year", Integer.toString(year)));
        assertThat(page.status()).as(page.body()).isEqualTo(302);
        var m = REPORT_ID.matcher(page.location());
        assertThat(m.find()).as(page.location()).isTrue();
        return Long.parseLong(m.group(1));
    }

    private void enter(ConsoleSession s, OrgUnit unit, int year, Map<String, String> values) {
        long id = compute(s, unit, year);
        var page = s.post("/statistics/annual-reports/" + id + "/manual", values);
        assertThat(page.status()).as(page.body()).isEqualTo(302);
        var parsed = new HashMap<String, BigDecimal>();
        values.forEach((k, v) -> parsed.put(k, new BigDecimal(v)));
        typed.put(unit.id() + ":" + year, parsed);
    }

    private Map<String, BigDecimal> stored(long id) {
        var out = new LinkedHashMap<String, BigDecimal>();
        jdbc.sql("select code, value from annual_report_figure where report_id = :id")
                .param("id", id)
                .query(rs -> {
                    out.put(rs.getString(1), rs.getBigDecimal(2));
                });
        return out;
    }

    private List<String> operations(long id) {
        return jdbc.sql("select operation from audit_entry where object_type = 'ANNUAL_REPORT' and object_id = :id")
                .param("id", Long.toString(id))
                .query(String.class)
                .list();
    }

    /** Every row's figure for the unit's subtree and year, counted here with SQL of its own. */
    private Map<String, BigDecimal> expected(OrgUnit unit, int year) {
        var sql = new AnnualExpectations(jdbc, unit.path() + "%", year);
        var out = new HashMap<String, BigDecimal>(sql.counted());
        for (var row : rows.manualRows()) {
            BigDecimal sum = BigDecimal.ZERO;
            for (var u : List.of(north, south, city)) {
                if (u.path().startsWith(unit.path())) {
                    sum = sum.add(typed.getOrDefault(u.id() + ":" + year, Map.of())
                            .getOrDefault(row.code(), BigDecimal.ZERO));
                }
            }
            out.put(row.code(), sum);
        }
        return out;
    }
}
