package org.siarchive.checks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.siarchive.capture.Captures;
import org.siarchive.capture.Upload;
import org.siarchive.organisation.Organisations;
import org.siarchive.security.Accounts;
import org.siarchive.security.Role;
import org.siarchive.security.TestAccounts;
import org.siarchive.shared.Actor;
import org.siarchive.support.ConsoleSession;
import org.siarchive.support.IntegrationTest;
import org.siarchive.support.RegisterScreenRows;
import org.siarchive.support.Samples;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The archivist's 四性检测 pages: a CQ check started on 档号 typed with hyphens and in part; a refused start
 * shown beside the field with the input kept; a running report's progress polled as it advances and its
 * result when done; the list naming each run's 档号 and 题名 (a filing run too, opened under the 业务受理号),
 * paginated with the stage filter kept; and its register, whose Excel rows are the rows on screen.
 */
class ChecksConsoleIT extends IntegrationTest {

    @Autowired
    Captures captures;

    @Autowired
    Accounts accounts;

    @Autowired
    Organisations organisations;

    @Autowired
    FourPropertyChecks checks;

    @Autowired
    RunProgress progress;

    @Autowired
    JdbcClient jdbc;

    @LocalServerPort
    int port;

    private ConsoleSession archivist() {
        var login = TestAccounts.create(
                accounts,
                "cc" + UUID.randomUUID().toString().substring(0, 8),
                organisations.root().id(),
                Set.of(Role.ARCHIVIST),
                3,
                false);
        var console = new ConsoleSession(port);
        assertThat(console.login(login.username(), login.password(), login.codes()))
                .isEqualTo("/");
        console.get("/checks"); // the form's CSRF token, as a browser would have it
        return console;
    }

    @Test
    void aCheckStartedOnTypedCodesNamesItsItemAndTheRegisterHoldsTheScreensRows() {
        var item = captures.capture(
                        Samples.personEnrolment(Samples.acceptanceNo(), Samples.citizenId(1977), "四性列表"),
                        List.of(
                                Upload.ofBytes("a.png", Samples.png(7707)),
                                Upload.ofBytes("b.pdf", Samples.pdf("checks console"))),
                        null,
                        Actor.SYSTEM)
                .item();
        var console = archivist();
        // the end of the 档号, typed with hyphens instead of the middle dots
        String code = item.archiveCode();
        String typed = code.substring(code.indexOf('-') + 1).replace('·', '-');
        var started = console.post("/checks/runs", Map.of("archiveCodes", typed));
        assertThat(started.status()).as(started.body()).isEqualTo(302);
        long run = Long.parseLong(started.location().replaceFirst(".*/checks/runs/", ""));
        await().atMost(Duration.ofSeconds(60))
                .until(() ->
                        !console.get("/checks/runs/" + run + "/progress").body().contains("hx-get"));
        var done = console.get("/checks/runs/" + run + "/progress").body();
        assertThat(done).contains("id=\"check-results\"", "通过").doesNotContain("检测中");

        // the list names the item by 档号 and 题名, under 检测时间, not 上传时间
        var list = console.get("/checks?stage=CQ").body();
        assertThat(list).contains("检测时间", "档号/对象", code, item.title()).doesNotContain("上传时间");
        // and the filing run of the capture, opened under the 业务受理号, is linked to the 档号 once preserved
        await().atMost(Duration.ofSeconds(60))
                .until(() -> code.equals(jdbc.sql(
                                "select archive_code from check_run where stage = 'GD' and subject = :a order by id desc limit 1")
                        .param("a", item.acceptanceNo())
                        .query(String.class)
                        .optional()
                        .orElse(null)));
        assertThat(console.get("/checks?stage=GD").body()).contains(code);

        // the register of the same filter: its Excel rows are the rows on screen
        var screen = RegisterScreenRows.html(list, "data-run");
        assertThat(screen).isNotEmpty().allSatisfy(r -> assertThat(r).hasSize(8));
        var xlsx = console.bytes("/checks/export?stage=CQ&format=xlsx");
        assertThat(xlsx.statusCode()).isEqualTo(200);
        assertThat(RegisterScreenRows.xlsxHeader(xlsx.body()))
                .containsExactly("检测时间", "环节", "档号/对象", "检测项数", "通过", "不通过", "结论", "检测人");
        var rows = RegisterScreenRows.xlsx(xlsx.body());
        assertThat(rows.subList(0, screen.size())).isEqualTo(screen);
        long total = jdbc.sql("select count(*) from check_run where stage = 'CQ'")
                .query(Long.class)
                .single();
        assertThat(rows).hasSize((int) total);
        assertThat(console.bytes("/checks/export?stage=CQ&format=pdf").statusCode())
                .isEqualTo(200);
    }

    @Test
    void aRefusedStartKeepsTheInputAndSaysWhyBesideTheField() {
        var console = archivist();
        var refused = console.post("/checks/runs", Map.of("archiveCodes", "ZZ-NO-SUCH-9999"));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.body())
                .contains("id=\"form-errors\"", "id=\"archiveCodes-error\"", "value=\"ZZ-NO-SUCH-9999\"", "is-invalid")
                .contains("没有这些档号");
    }

    @Test
    void aRunningReportShowsItsProgressAndStopsPollingWhenDone() {
        var console = archivist();
        long run = checks.open(Stage.CQ, "进度测试", Actor.SYSTEM);
        progress.expect(run, 10);
        progress.advance(run, 3, 1, "0001-进度-0003");
        var going = console.get("/checks/runs/" + run + "/progress").body();
        assertThat(going)
                .contains("hx-get", "every 1s", "检测中", "3 / 10", "已检查到档号 0001-进度-0003")
                .contains("<progress");
        progress.advance(run, 7, 1, "0001-进度-0007");
        assertThat(console.get("/checks/runs/" + run + "/progress").body()).contains("7 / 10");

        var f = checks.begin(Stage.CQ);
        f.record();
        checks.finish(run, f, Actor.SYSTEM);
        var done = console.get("/checks/runs/" + run + "/progress").body();
        assertThat(done).doesNotContain("hx-get").contains("id=\"check-results\"", "export-xlsx");
    }

    @Test
    void theListIsPaginatedWithTheFilterKept() {
        for (int i = 0; i < RunList.PAGE_SIZE + 1; i++) {
            var f = checks.begin(Stage.YJ);
            f.record();
            checks.record("分页测试包-" + i + ".zip", f, Actor.SYSTEM);
        }
        var console = archivist();
        var first = console.get("/checks?stage=YJ").body();
        assertThat(RegisterScreenRows.html(first, "data-run")).hasSize(RunList.PAGE_SIZE);
        assertThat(first).contains("id=\"runs-pages\"", "/checks?stage=YJ&amp;page=1", "档案包 分页测试包-");
        var second = console.get("/checks?stage=YJ&page=1").body();
        assertThat(RegisterScreenRows.html(second, "data-run")).isNotEmpty();
        assertThat(RegisterScreenRows.html(second, "data-run").get(0))
                .isNotEqualTo(RegisterScreenRows.html(first, "data-run").get(0));
        assertThat(console.get("/checks?stage=XX").status()).isEqualTo(422);
    }
}
