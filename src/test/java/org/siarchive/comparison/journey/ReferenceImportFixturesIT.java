package org.siarchive.comparison.journey;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.siarchive.comparison.ReferenceTokens;
import org.siarchive.support.ApiClient;
import org.siarchive.support.HostileReferenceFiles;
import org.siarchive.support.HostileXml;
import org.siarchive.support.IntegrationTest;
import org.siarchive.support.ReferenceFixtures;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Every independent fixture through the import API (issue 17, journey part 1): real departments' files load with
 * the right counts and tokens, hostile ones are refused naming the rule — a 4xx, or a dataset that FAILED with
 * its reason and no rows — and nothing ever answers 500, leaks a file or stores half a file.
 */
class ReferenceImportFixturesIT extends IntegrationTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ReferenceTokens tokens;

    private DatasetUploads api;
    private ReferenceFixtures fixtures;
    private final LocalDate died = LocalDate.of(2025, 8, 14);

    @BeforeEach
    void setUp() {
        api = new DatasetUploads(port, ApiClient.initialToken());
        fixtures = new ReferenceFixtures(System.nanoTime());
    }

    @Test
    void aGbkPoliceExportLoadsWithLegacyAndFullWidthNumbersAndOnceOnly() {
        var f = fixtures.gonganCancellations(fixtures.persons(5), died);
        long id = loaded(f);
        for (String cert : f.loadedCertNos()) {
            assertThat(rowsWithToken(id, cert)).as("row of %s", cert).isEqualTo(1);
        }
        assertThat(jdbc.sql("select count(*) from reference_row where dataset_id = ? and event_date = ?")
                        .params(id, died)
                        .query(Long.class)
                        .single())
                .isEqualTo(f.loaded());

        var again = api.upload(f);
        assertThat(again.status()).as(body(again)).isIn(200, 202, 303);
        assertThat(jdbc.sql("select count(*) from reference_dataset where file_sm3 = (select file_sm3 from"
                                + " reference_dataset where id = ?) and state in ('RECEIVING', 'LOADED')")
                        .param(id)
                        .query(Long.class)
                        .single())
                .as("the same bytes load once")
                .isEqualTo(1);
    }

    @Test
    void aCremationListWithAMarkAndARegistrationFileWithUnknownColumnsLoad() {
        var cremations = fixtures.minzhengCremations(fixtures.persons(3), died);
        long a = loaded(cremations);
        assertThat(rowsWithToken(a, cremations.loadedCertNos().get(0))).isEqualTo(1);
        var registrations = fixtures.weijianRegistrations(fixtures.persons(4), died);
        long b = loaded(registrations);
        for (String cert : registrations.loadedCertNos()) {
            assertThat(rowsWithToken(b, cert)).isEqualTo(1);
        }
    }

    @Test
    void aFileMixingUtf8AndGbkLinesIsDecodedLineByLine() {
        var persons = fixtures.persons(6);
        var f = fixtures.mixedEncodings(persons, died);
        long id = loaded(f);
        for (var p : persons) {
            String masked = jdbc.sql("select name_masked from reference_row where dataset_id = ? and token = ?")
                    .params(id, tokens.token(p.certNo()))
                    .query(String.class)
                    .single();
            assertThat(masked)
                    .as("decoded name of %s", p.name())
                    .startsWith(p.firstChar())
                    .doesNotContain(p.name());
        }
    }

    @Test
    void aHandWrittenXlsxWithSerialDatesLoadsItsDates() {
        var persons = fixtures.persons(4);
        var lastPaid = LocalDate.of(2025, 9, 1);
        var f = fixtures.benefitSnapshotXlsx(persons, lastPaid, "CD-JJ");
        long id = loaded(f);
        for (var p : persons) {
            var dates = jdbc.sql("select start_date, last_paid from reference_row where dataset_id = ? and token = ?")
                    .params(id, tokens.token(p.certNo()))
                    .query((rs, n) -> List.of(rs.getObject(1, LocalDate.class), rs.getObject(2, LocalDate.class)))
                    .single();
            assertThat(dates)
                    .containsExactly(p.birth().plusYears(p.male() ? 60 : 50).withDayOfMonth(1), lastPaid);
        }
    }

    @Test
    void formulasLoadInertAndTheErrorReportNeverStartsAFormula() throws Exception {
        var f = HostileReferenceFiles.formulaInjection(fixtures, died);
        var r = api.upload(f);
        assertThat(r.status()).as(body(r)).isEqualTo(202);
        String location = r.header("Location");
        var json = api.settled(location);
        assertCounts(json, f);
        var report = api.get(location + "/errors.xlsx");
        assertThat(report.status()).isEqualTo(200);
        var cells = new ArrayList<String>();
        try (var wb = new XSSFWorkbook(new ByteArrayInputStream(report.body()))) {
            wb.getSheetAt(0)
                    .forEach(row -> row.forEach(c -> {
                        assertThat(c.getCellType())
                                .as("cell %s", c.getAddress())
                                .isNotEqualTo(CellType.FORMULA);
                        if (c.getCellType() == CellType.STRING) {
                            String s = c.getStringCellValue();
                            cells.add(s);
                            if (!s.isEmpty() && "=+-@".indexOf(s.charAt(0)) >= 0) {
                                assertThat(c.getCellStyle().getQuotePrefixed())
                                        .as("cell %s «%s» is shown as text", c.getAddress(), s)
                                        .isTrue();
                            }
                        }
                    }));
        }
        assertThat(cells).as("the report lists the rejected rows").isNotEmpty();
        assertThat(jdbc.sql("select name_masked from reference_row where dataset_id = ?")
                        .param(id(location))
                        .query(String.class)
                        .list())
                .noneMatch(s -> s.contains("HYPERLINK") || s.contains("cmd"));
    }

    @Test
    void wrongColumnsAreRefusedNamingTheRule() {
        refused(api.upload(
                "DEATH",
                "GA",
                "错列名单",
                died,
                "错列.csv",
                ReferenceFixtures.CSV,
                () -> new ByteArrayInputStream(HostileReferenceFiles.wrongColumns())));
    }

    @Test
    void binaryJunkNamedCsvIsRefused() {
        refused(api.upload(
                "DEATH",
                "GA",
                "乱码文件",
                died,
                "名单.csv",
                ReferenceFixtures.CSV,
                () -> new ByteArrayInputStream(HostileReferenceFiles.binaryJunk(System.nanoTime(), 64 * 1024))));
    }

    @Test
    void oneEndlessLineIsRefusedAndAHundredMegabytesNeverReachTheImporter() {
        // the header is fine: the endless line is one record, refused alone or with the file
        refused(
                api.upload(
                        "DEATH",
                        "GA",
                        "超长行",
                        died,
                        "超长行.csv",
                        ReferenceFixtures.CSV,
                        () -> new ByteArrayInputStream(HostileReferenceFiles.oneLineBytes(4 << 20))),
                true);
        long before = datasets();
        var r = api.upload(
                "DEATH",
                "GA",
                "一百兆一行",
                died,
                "百兆.csv",
                ReferenceFixtures.CSV,
                () -> HostileReferenceFiles.oneLine(100L << 20));
        assertThat(r.status()).as(body(r)).isIn(413, 422, -1);
        assertThat(datasets()).isEqualTo(before);
    }

    @Test
    void anXlsxZipBombIsRefused() {
        refused(api.upload(
                "BENEFIT",
                "RS",
                "压缩炸弹",
                died,
                "炸弹.xlsx",
                ReferenceFixtures.XLSX,
                () -> new ByteArrayInputStream(HostileReferenceFiles.zipBomb(1L << 30))));
    }

    @Test
    void entitiesInTheXlsxPartsReachNeitherTheNetworkNorTheDisk() {
        var f = fixtures.benefitSnapshotXlsx(fixtures.persons(2), LocalDate.of(2025, 9, 1), "CD-JJ");
        try (var xxe = new HostileXml()) {
            byte[] planted = xxe.plantIntoZip(f.bytes(), name -> name.endsWith(".xml"));
            var r = api.upload(
                    "BENEFIT",
                    "RS",
                    "实体攻击",
                    died,
                    "实体.xlsx",
                    ReferenceFixtures.XLSX,
                    () -> new ByteArrayInputStream(planted));
            assertThat(r.status()).as(body(r)).isNotEqualTo(500);
            assertThat(body(r)).doesNotContain(xxe.marker());
            if (r.status() == 202) {
                var json = api.settled(r.header("Location"));
                assertThat(json.toString()).doesNotContain(xxe.marker());
                var report = api.get(r.header("Location") + "/errors.xlsx");
                assertThat(new String(report.body(), StandardCharsets.ISO_8859_1))
                        .doesNotContain(xxe.marker());
            } else {
                assertThat(r.status()).isBetween(400, 499);
            }
            assertThat(xxe.hits()).as("requests to the attacker's server").isZero();
        }
    }

    /** Uploads, waits, checks the counts; the dataset's id. */
    private long loaded(ReferenceFixtures.Fixture f) {
        var r = api.upload(f);
        assertThat(r.status()).as("%s: %s", f.fileName(), body(r)).isEqualTo(202);
        var json = api.settled(r.header("Location"));
        assertThat(DatasetUploads.text(json, "state")).as(json.toString()).isEqualTo("LOADED");
        assertCounts(json, f);
        return id(r.header("Location"));
    }

    private static void assertCounts(JsonNode json, ReferenceFixtures.Fixture f) {
        assertThat(DatasetUploads.number(json, "rowsRead")).as(json.toString()).isEqualTo(f.dataRows());
        assertThat(DatasetUploads.number(json, "rowsLoaded"))
                .as(json.toString())
                .isEqualTo(f.loaded());
        assertThat(DatasetUploads.number(json, "rowsRejected"))
                .as(json.toString())
                .isEqualTo(f.rejected());
    }

    private void refused(ApiClient.Response r) {
        refused(r, false);
    }

    /**
     * A 4xx problem naming a field and rule, or an accepted upload that FAILED with its reason and no rows (or,
     * when {@code rowLevel}, that LOADED with every record rejected in the row report).
     */
    private void refused(ApiClient.Response r, boolean rowLevel) {
        assertThat(r.status()).as(body(r)).isNotEqualTo(500);
        if (r.status() == 202) {
            var json = api.settled(r.header("Location"));
            if (rowLevel && "LOADED".equals(DatasetUploads.text(json, "state"))) {
                assertThat(DatasetUploads.number(json, "rowsLoaded"))
                        .as(json.toString())
                        .isZero();
                assertThat(DatasetUploads.number(json, "rowsRejected"))
                        .as(json.toString())
                        .isPositive();
                return;
            }
            assertThat(DatasetUploads.text(json, "state")).as(json.toString()).isEqualTo("FAILED");
            assertThat(DatasetUploads.text(json, "failure")).as(json.toString()).isNotBlank();
            assertThat(jdbc.sql("select count(*) from reference_row where dataset_id = ?")
                            .param(id(r.header("Location")))
                            .query(Long.class)
                            .single())
                    .isZero();
            return;
        }
        assertThat(r.status()).as(body(r)).isBetween(400, 499);
        var errors = r.json().get("errors");
        assertThat(errors).as(body(r)).isNotNull();
        assertThat(errors.get(0).get("rule").asString()).isNotBlank();
        assertThat(errors.get(0).get("message").asString()).as("in Chinese").containsPattern("\\p{IsHan}");
    }

    private long rowsWithToken(long dataset, String cert) {
        return jdbc.sql("select count(*) from reference_row where dataset_id = ? and token = ?")
                .params(dataset, tokens.token(cert))
                .query(Long.class)
                .single();
    }

    private long datasets() {
        return jdbc.sql("select count(*) from reference_dataset")
                .query(Long.class)
                .single();
    }

    private static long id(String location) {
        return Long.parseLong(location.replaceAll(".*/datasets/(\\d+).*", "$1"));
    }

    private static String body(ApiClient.Response r) {
        return r.status() + " " + new String(r.body(), StandardCharsets.UTF_8);
    }
}
