package org.siarchive.integrity;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.siarchive.capture.Captures;
import org.siarchive.capture.Upload;
import org.siarchive.catalog.Catalog;
import org.siarchive.organisation.Organisations;
import org.siarchive.preservation.Preservation;
import org.siarchive.security.Accounts;
import org.siarchive.security.Role;
import org.siarchive.security.TestAccounts;
import org.siarchive.shared.Actor;
import org.siarchive.shared.Scope;
import org.siarchive.support.ConsoleSession;
import org.siarchive.support.IntegrationTest;
import org.siarchive.support.RegisterScreenRows;
import org.siarchive.support.Samples;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The preservation pages: the overview counts the preserved items beside every item of the catalogue (the
 * home page's number), a refused sweep start says why beside the field with the input kept, a sweep's
 * progress block stops polling when it is done, and the findings register's Excel rows are the rows the
 * sweep page lists — 发现时间, 档号, 文件, 问题, 状态, 处理.
 */
class SweepConsoleIT extends IntegrationTest {

    @Autowired
    Captures captures;

    @Autowired
    Catalog catalog;

    @Autowired
    Preservation preservation;

    @Autowired
    FixitySweeps sweeps;

    @Autowired
    Accounts accounts;

    @Autowired
    Organisations organisations;

    @LocalServerPort
    int port;

    private ConsoleSession archivist() {
        var login = TestAccounts.create(
                accounts,
                "sc" + UUID.randomUUID().toString().substring(0, 8),
                organisations.root().id(),
                Set.of(Role.ARCHIVIST),
                3,
                false);
        var console = new ConsoleSession(port);
        assertThat(console.login(login.username(), login.password(), login.codes()))
                .isEqualTo("/");
        return console;
    }

    @Test
    void theOverviewReconcilesWithTheHomePageAndARefusedRateStaysOnTheForm() {
        captures.capture(
                Samples.personEnrolment(Samples.acceptanceNo(), Samples.citizenId(1966), "计数核对"),
                List.of(Upload.ofBytes("a.png", Samples.png(6601)), Upload.ofBytes("b.pdf", Samples.pdf("count"))),
                null,
                Actor.SYSTEM);
        var console = archivist();
        var counts = catalog.counts(Scope.EVERYTHING);
        long preserved = counts.byStatus().getOrDefault("PRESERVED", 0L);
        var page = console.get("/integrity").body();
        assertThat(page).contains("已保存 " + preserved + " 件 / 目录共 " + counts.items() + " 件");
        assertThat(console.get("/").body()).contains("id=\"count-items\">" + counts.items() + "<");
        assertThat(page).contains("开始时间").doesNotContain("上传时间");

        var refused = console.post("/integrity/sweeps", Map.of("rateMbS", "-5"));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.body())
                .contains("id=\"form-errors\"", "id=\"rateMbS-error\"", "value=\"-5\"", "应在 0 到 10000 之间");
        assertThat(sweeps.current()).isEmpty();
    }

    @Test
    void theFindingsRegisterHoldsTheRowsOfTheSweepPage() throws Exception {
        var item = captures.capture(
                        Samples.personEnrolment(Samples.acceptanceNo(), Samples.citizenId(1967), "巡检登记"),
                        List.of(
                                Upload.ofBytes("a.png", Samples.png(6701)),
                                Upload.ofBytes("b.pdf", Samples.pdf("findings register"))),
                        null,
                        Actor.SYSTEM)
                .item();
        var file = preservation
                .storagePaths(item.objectId())
                .get(item.files().get(0).logicalPath());
        byte[] original = Files.readAllBytes(file);
        byte[] damaged = original.clone();
        damaged[damaged.length / 2] ^= 0x01;
        Files.write(file, damaged);
        long sweep;
        try {
            while (sweeps.current().isPresent()) {
                sweeps.work();
            }
            sweep = sweeps.start(0, Actor.SYSTEM);
            while (sweeps.sweep(sweep).running()) {
                sweeps.work();
            }
        } finally {
            Files.write(file, original);
        }
        var console = archivist();
        var progress = console.get("/integrity/sweeps/" + sweep + "/progress").body();
        assertThat(progress).contains("已完成", "100%").doesNotContain("hx-get");

        var page = console.get("/integrity/sweeps/" + sweep).body();
        var screen = RegisterScreenRows.html(page, "data-finding");
        assertThat(screen).anySatisfy(r -> assertThat(r)
                .containsSubsequence(item.archiveCode(), item.files().get(0).logicalPath())
                .contains("待处理", "可从副本修复"));
        var xlsx = console.bytes("/integrity/sweeps/" + sweep + "/export?format=xlsx");
        assertThat(xlsx.statusCode()).isEqualTo(200);
        assertThat(RegisterScreenRows.xlsxHeader(xlsx.body())).containsExactly("发现时间", "档号", "文件", "问题", "状态", "处理");
        assertThat(RegisterScreenRows.xlsx(xlsx.body())).isEqualTo(screen);
        assertThat(console.bytes("/integrity/sweeps/" + sweep + "/export?format=pdf")
                        .statusCode())
                .isEqualTo(200);
        assertThat(console.get("/integrity/sweeps/" + sweep + "/export?format=csv")
                        .status())
                .isEqualTo(422);
    }
}
