package org.siarchive.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.siarchive.organisation.Organisations;
import org.siarchive.security.Accounts;
import org.siarchive.support.ConsoleSession;
import org.siarchive.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Inspection plans through the console: made for two counties of the inspector's city (refused with every
 * broken field when the period or units are wrong), the draft's targets changed (422 beside the field when
 * out of range), started, checklist items scored within their maximum (422 beside the score otherwise), the
 * results and ranking exported as Excel and PDF that POI and PDFBox open; another city's inspector gets 404 and
 * a clerk 403; every step audited.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SupervisionConsoleIT extends IntegrationTest {

    @LocalServerPort
    int port;

    @Autowired
    Organisations organisations;

    @Autowired
    Accounts accounts;

    @Autowired
    JdbcClient jdbc;

    SupervisionFixture f;
    ConsoleSession inspector;

    @BeforeAll
    void setUp() {
        String run = Integer.toString(ThreadLocalRandom.current().nextInt(100_000, 999_999));
        f = new SupervisionFixture(organisations, accounts, run, "SC");
        inspector = SupervisionFixture.login(port, f.inspector);
    }

    private UUID createPlan(String title) {
        var page = inspector.post(
                "/supervision/plans",
                Map.of("title", title, "periodKind", "QUARTER", "periodYear", "2025", "periodNo", "2"));
        assertThat(page.status()).isEqualTo(422); // no unit chosen
        var created = inspector.send(java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create("http://127.0.0.1:" + port + "/supervision/plans"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("title="
                        + java.net.URLEncoder.encode(title, java.nio.charset.StandardCharsets.UTF_8)
                        + "&periodKind=QUARTER&periodYear=2025&periodNo=2&orgIds=" + f.east.id() + "&orgIds="
                        + f.west.id() + "&_csrf=" + inspector.csrf())));
        assertThat(created.status()).as(created.body()).isEqualTo(302);
        return UUID.fromString(created.location().replaceAll(".*/supervision/plans/", ""));
    }

    @Test
    void aPlanIsMadeChangedStartedAndScoredWithinBounds() {
        var bad = inspector.post(
                "/supervision/plans",
                Map.of("title", "", "periodKind", "QUARTER", "periodYear", "1999", "periodNo", "7", "orgIds", "x"));
        assertThat(bad.status()).isEqualTo(422);
        assertThat(bad.body()).contains("id=\"title-error\"", "id=\"periodYear-error\"", "id=\"periodNo-error\"");
        var foreign = inspector.post(
                "/supervision/plans",
                Map.of("title", "越权", "periodKind", "YEAR", "periodYear", "2025", "orgIds", "" + f.otherCity.id()));
        assertThat(foreign.status()).isEqualTo(422);
        assertThat(foreign.body()).contains("id=\"orgIds-error\"", "越权");

        UUID plan = createPlan("二〇二五年第二季度档案工作考核" + f.run);
        String no = planNo(plan);
        var page = inspector.get("/supervision/plans/" + plan);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains(no, f.east.name(), f.west.name(), "草稿", "归档完整率", "库房“八防”");

        var typed = new java.util.HashMap<String, String>();
        typed.put("title", "二〇二五年第二季度考核（修订）" + f.run);
        for (var k : InspectionKpi.values()) {
            typed.put("target." + k.name(), k.share() ? "90" : "24");
            typed.put("weight." + k.name(), "5");
        }
        typed.put("target.FIXITY", "120");
        var refused = inspector.post("/supervision/plans/" + plan + "/update", typed);
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.body()).contains("id=\"target.FIXITY-error\"", "value=\"120\"");
        typed.put("target.FIXITY", "99.5");
        assertThat(inspector
                        .post("/supervision/plans/" + plan + "/update", typed)
                        .status())
                .isEqualTo(302);
        assertThat(jdbc.sql("select target from inspection_plan_kpi where plan_id = :p and kpi = 'FIXITY'")
                        .param("p", plan)
                        .query(Double.class)
                        .single())
                .isEqualTo(0.995);

        var early = inspector.post("/supervision/plans/" + plan + "/score", score(f.east.id(), "RULES", "5", ""));
        assertThat(early.status()).isEqualTo(409); // a draft is not scored
        assertThat(inspector
                        .post("/supervision/plans/" + plan + "/start", Map.of())
                        .status())
                .isEqualTo(302);
        assertThat(inspector
                        .post("/supervision/plans/" + plan + "/update", typed)
                        .status())
                .isEqualTo(409);

        var over = inspector.post("/supervision/plans/" + plan + "/score", score(f.east.id(), "RULES", "8.5", "超"));
        assertThat(over.status()).isEqualTo(422);
        assertThat(over.body()).contains("id=\"score-error\"", "value=\"8.5\"");
        assertThat(inspector
                        .post("/supervision/plans/" + plan + "/score", score(f.east.id(), "RULES", "7.5", "制度齐全"))
                        .status())
                .isEqualTo(302);
        assertThat(inspector
                        .post("/supervision/plans/" + plan + "/score", score(f.west.id(), "STORAGE", "6", ""))
                        .status())
                .isEqualTo(302);
        assertThat(inspector
                        .post("/supervision/plans/" + plan + "/score", score(f.otherCity.id(), "RULES", "1", ""))
                        .status())
                .isEqualTo(422);
        assertThat(jdbc.sql("select sum(score) from inspection_checklist_score where plan_id = :p")
                        .param("p", plan)
                        .query(Double.class)
                        .single())
                .isEqualTo(13.5);
        assertThat(audited(no)).contains("CREATE", "UPDATE", "START", "SCORE");
    }

    @Test
    void resultsAndRankingAreExportedAsExcelAndPdfAndAudited() throws Exception {
        UUID plan = createPlan("导出考核" + f.run);
        String no = planNo(plan);
        inspector.post("/supervision/plans/" + plan + "/start", Map.of());
        inspector.post("/supervision/plans/" + plan + "/score", score(f.west.id(), "SCOPE", "8", ""));
        inspector.post("/supervision/plans/" + plan + "/score", score(f.east.id(), "SCOPE", "3", ""));

        var ranking = inspector.bytes("/supervision/plans/" + plan + "/export?what=ranking&format=xlsx");
        assertThat(ranking.statusCode()).isEqualTo(200);
        try (var wb = new XSSFWorkbook(new ByteArrayInputStream(ranking.body()))) {
            var sheet = wb.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).contains(no);
            assertThat(sheet.getRow(1).getCell(0).getStringCellValue()).contains("导出人", "北京时间");
            assertThat(sheet.getRow(2).getCell(0).getStringCellValue()).isEqualTo("名次");
            assertThat(sheet.getRow(3).getCell(1).getStringCellValue()).isEqualTo(f.west.name());
            assertThat(sheet.getRow(3).getCell(3).getNumericCellValue()).isEqualTo(8.0);
            assertThat(sheet.getRow(4).getCell(1).getStringCellValue()).isEqualTo(f.east.name());
        }
        var results = inspector.bytes("/supervision/plans/" + plan + "/export?what=results&format=xlsx");
        try (var wb = new XSSFWorkbook(new ByteArrayInputStream(results.body()))) {
            var sheet = wb.getSheetAt(0);
            // per unit: 7 KPIs and 5 checklist items, under three heading rows
            assertThat(sheet.getLastRowNum()).isEqualTo(2 + 2 * (7 + 5));
        }
        var pdf = inspector.bytes("/supervision/plans/" + plan + "/export?what=results&format=pdf");
        assertThat(pdf.statusCode()).isEqualTo(200);
        try (var doc = Loader.loadPDF(pdf.body())) {
            String text = new PDFTextStripper().getText(doc);
            assertThat(text).contains("监督考核结果", f.east.name(), "归档范围执行", "导出人");
        }
        assertThat(inspector
                        .get("/supervision/plans/" + plan + "/export?what=x&format=xlsx")
                        .status())
                .isEqualTo(422);
        assertThat(audited(no)).contains("EXPORT");
    }

    @Test
    void anotherCitysInspectorFindsNothingAndAClerkIsNotAnInspector() {
        UUID plan = createPlan("他人不可见" + f.run);
        var stranger = SupervisionFixture.login(port, f.stranger);
        assertThat(stranger.get("/supervision/plans/" + plan).status()).isEqualTo(404);
        assertThat(stranger.post("/supervision/plans/" + plan + "/start", Map.of())
                        .status())
                .isEqualTo(404);
        assertThat(stranger.get("/supervision/plans/" + plan + "/export?what=ranking&format=xlsx")
                        .status())
                .isEqualTo(404);
        assertThat(stranger.get("/supervision/plans").body()).doesNotContain(planNo(plan));
        assertThat(stranger.get("/supervision/plans/not-a-plan").status()).isEqualTo(404);
        var clerk = SupervisionFixture.login(port, f.eastClerk);
        assertThat(clerk.get("/supervision/plans").status()).isEqualTo(403);
        assertThat(clerk.get("/supervision/plans/" + plan).status()).isEqualTo(403);
    }

    private static Map<String, String> score(long org, String code, String score, String note) {
        return Map.of("orgId", "" + org, "code", code, "score", score, "note", note);
    }

    private String planNo(UUID plan) {
        return jdbc.sql("select plan_no from inspection_plan where id = :id")
                .param("id", plan)
                .query(String.class)
                .single();
    }

    private java.util.List<String> audited(String objectId) {
        return jdbc.sql("select operation from audit_entry where object_type = 'INSPECTION_PLAN' and object_id = :o")
                .param("o", objectId)
                .query(String.class)
                .list();
    }
}
