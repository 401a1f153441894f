package org.siarchive.supervision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.time.LocalDate;
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
import org.siarchive.organisation.WorkingDays;
import org.siarchive.security.Accounts;
import org.siarchive.shared.InvalidInputException;
import org.siarchive.shared.ReadableTime;
import org.siarchive.support.ConsoleSession;
import org.siarchive.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

/**
 * Rectification items (整改事项) on the real stack: raised from a started plan for one county with its clerk
 * as owner (RectificationAssigned published; an owner of another unit refused beside the field), a deadline
 * counted in working days; the owner reports (empty report 422), the inspector returns it with a reason, the
 * owner reports again, the inspector accepts (已销号); overdue items marked; the other county's clerk gets 404
 * for every id, the clerk 403 for accepting; the list exported as Excel and PDF; every step audited.
 */
@RecordApplicationEvents
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RectificationLifecycleIT extends IntegrationTest {

    @LocalServerPort
    int port;

    @Autowired
    Organisations organisations;

    @Autowired
    Accounts accounts;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    InspectionPlans plans;

    @Autowired
    Rectifications rectifications;

    @Autowired
    WorkingDays workingDays;

    @Autowired
    ReadableTime time;

    @Autowired
    ApplicationEvents events;

    SupervisionFixture f;
    UUID plan;

    @BeforeAll
    void setUp() {
        String run = Integer.toString(ThreadLocalRandom.current().nextInt(100_000, 999_999));
        f = new SupervisionFixture(organisations, accounts, run, "RL");
        var request = new PlanRequest(
                "整改考核" + run, "YEAR", "2025", "", java.util.List.of("" + f.east.id(), "" + f.west.id()));
        plan = plans.create(request, f.inspectorAccess()).id();
    }

    @Test
    void anItemIsRaisedReportedReturnedReportedAgainAndAccepted() {
        var draft = new RaiseRequest("" + f.east.id(), f.eastClerk.username(), "库房温湿度记录不全", "", "", "10");
        assertThatThrownBy(() -> rectifications.raise(plan, draft, f.inspectorAccess()))
                .isInstanceOf(org.siarchive.shared.ConflictException.class); // the plan is still a draft
        plans.start(plan, f.inspectorAccess());
        var wrongOwner = new RaiseRequest("" + f.east.id(), f.westClerk.username(), "记录不全", "", "", "10");
        assertThatThrownBy(() -> rectifications.raise(plan, wrongOwner, f.inspectorAccess()))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.violations())
                        .extracting(v -> v.field())
                        .containsExactly("owner"));

        var r = rectifications.raise(plan, draft, f.inspectorAccess());
        assertThat(r.state()).isEqualTo(RectificationState.OPEN);
        assertThat(r.deadline()).isEqualTo(workingDays.plus(time.today(), 10));
        assertThat(events.stream(RectificationAssigned.class)).anySatisfy(e -> {
            assertThat(e.rectificationId()).isEqualTo(r.id());
            assertThat(e.owner()).isEqualTo(f.eastClerk.username());
            assertThat(e.orgPath()).isEqualTo(f.east.path());
            assertThat(e.deadline()).isEqualTo(r.deadline());
        });

        var clerk = SupervisionFixture.login(port, f.eastClerk);
        var inspector = SupervisionFixture.login(port, f.inspector);
        String path = "/supervision/rectifications/" + r.id();
        assertThat(clerk.get("/supervision/rectifications").body()).contains(r.rectNo(), "待整改");
        var empty = clerk.post(path + "/submit", Map.of("report", " "));
        assertThat(empty.status()).isEqualTo(422);
        assertThat(empty.body()).contains("id=\"report-error\"");
        assertThat(clerk.post(path + "/submit", Map.of("report", "已补齐温湿度记录")).status())
                .isEqualTo(302);
        assertThat(clerk.post(path + "/accept", Map.of()).status()).isEqualTo(403);
        assertThat(inspector.post(path + "/return", Map.of("reason", "")).status())
                .isEqualTo(422);
        assertThat(inspector.post(path + "/return", Map.of("reason", "缺三月份记录")).status())
                .isEqualTo(302);
        assertThat(clerk.get(path).body()).contains("待整改", "缺三月份记录");
        assertThat(clerk.post(path + "/submit", Map.of("report", "三月份记录已补")).status())
                .isEqualTo(302);
        assertThat(inspector.post(path + "/accept", Map.of()).status()).isEqualTo(302);
        assertThat(inspector.post(path + "/accept", Map.of()).status()).isEqualTo(409);
        var done = rectifications.get(r.id(), f.inspectorAccess());
        assertThat(done.state()).isEqualTo(RectificationState.CLOSED);
        assertThat(done.returns()).isEqualTo(1);
        assertThat(audited(r.rectNo())).containsExactly("RAISE", "SUBMIT", "SEND_BACK", "SUBMIT", "CLOSE");
    }

    @Test
    void anotherCountysClerkFindsNoneOfTheItemsAndOverdueItemsAreMarked() {
        if (plans.get(plan, f.inspectorAccess()).state() == PlanState.DRAFT) {
            plans.start(plan, f.inspectorAccess());
        }
        var r = rectifications.raise(
                plan, new RaiseRequest("" + f.east.id(), "", "归档范围表未更新", "按新版归档范围修订", "", "1"), f.inspectorAccess());
        jdbc.sql("update rectification set deadline = :d where id = :id")
                .param("d", time.today().minusDays(3))
                .param("id", r.id())
                .update();
        var west = SupervisionFixture.login(port, f.westClerk);
        String path = "/supervision/rectifications/" + r.id();
        assertThat(west.get(path).status()).isEqualTo(404);
        assertThat(west.post(path + "/submit", Map.of("report", "越权提交")).status())
                .isEqualTo(404);
        assertThat(west.get("/supervision/rectifications").body()).doesNotContain(r.rectNo());
        var stranger = SupervisionFixture.login(port, f.stranger);
        assertThat(stranger.post(path + "/accept", Map.of()).status()).isEqualTo(404);

        ConsoleSession east = SupervisionFixture.login(port, f.eastClerk);
        var list = east.get("/supervision/rectifications").body();
        assertThat(list).contains(r.rectNo(), "逾期", "本单位");
        assertThat(east.get(path).body()).contains("id=\"rect-overdue\"");
        assertThat(r.overdue(time.today())).isFalse();
        assertThat(rectifications.get(r.id(), f.inspectorAccess()).overdue(time.today()))
                .isTrue();
        var bad = new RaiseRequest(
                "" + f.east.id(), "", "x", "", LocalDate.of(2001, 1, 1).toString(), "");
        assertThatThrownBy(() -> rectifications.raise(plan, bad, f.inspectorAccess()))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.violations())
                        .extracting(v -> v.field())
                        .containsExactly("deadline"));
    }

    @Test
    void theListIsExportedAsExcelAndPdfWithinTheReadersUnits() throws Exception {
        if (plans.get(plan, f.inspectorAccess()).state() == PlanState.DRAFT) {
            plans.start(plan, f.inspectorAccess());
        }
        var mine = rectifications.raise(
                plan, new RaiseRequest("" + f.west.id(), "", "西县利用登记缺项", "", "", "5"), f.inspectorAccess());
        var other = rectifications.raise(
                plan, new RaiseRequest("" + f.east.id(), "", "东县扫描质检", "", "", "5"), f.inspectorAccess());
        var west = SupervisionFixture.login(port, f.westClerk);
        var xlsx = west.bytes("/supervision/rectifications/export?format=xlsx");
        assertThat(xlsx.statusCode()).isEqualTo(200);
        try (var wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
            var sheet = wb.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).contains("导出人", "北京时间");
            assertThat(sheet.getRow(1).getCell(0).getStringCellValue()).isEqualTo("整改编号");
            var codes = new java.util.ArrayList<String>();
            for (int i = 2; i <= sheet.getLastRowNum(); i++) {
                codes.add(sheet.getRow(i).getCell(0).getStringCellValue());
            }
            assertThat(codes).contains(mine.rectNo()).doesNotContain(other.rectNo());
        }
        var pdf = west.bytes("/supervision/rectifications/export?format=pdf");
        try (var doc = Loader.loadPDF(pdf.body())) {
            assertThat(new PDFTextStripper().getText(doc)).contains("整改事项清单", "西县利用登记缺项");
        }
        assertThat(jdbc.sql("select count(*) from audit_entry where object_type = 'RECTIFICATION'"
                                + " and operation = 'EXPORT' and actor = :a")
                        .param("a", f.westClerk.username())
                        .query(Long.class)
                        .single())
                .isEqualTo(2);
    }

    private java.util.List<String> audited(String objectId) {
        return jdbc.sql("select operation from audit_entry where object_type = 'RECTIFICATION' and object_id = :o"
                        + " order by id")
                .param("o", objectId)
                .query(String.class)
                .list();
    }
}
