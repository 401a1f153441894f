package org.siarchive.mining;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.siarchive.mining.MiningFixture.at;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.siarchive.organisation.OrgUnit;
import org.siarchive.organisation.Organisations;
import org.siarchive.security.Accounts;
import org.siarchive.security.Role;
import org.siarchive.security.TestAccounts;
import org.siarchive.shared.Access;
import org.siarchive.shared.Actor;
import org.siarchive.shared.Scope;
import org.siarchive.support.ConsoleSession;
import org.siarchive.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Mining over planted catalogue rows of two counties: the co-missing rule and the step transitions planted in county
 * A are found with the expected figures, the volume series add up to a direct SQL count, a county viewer's run reads
 * only its county, the cap is kept (and stated as a sample), the page shows the results with explanations and
 * downloads them as Excel, and county B's archivist gets 404 for A's run.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MiningIT extends IntegrationTest {

    static final int PERSONS = 20;

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Organisations organisations;

    @Autowired
    Accounts accounts;

    @Autowired
    MiningRuns runs;

    @Autowired
    MiningRunStore store;

    String tag;
    OrgUnit a;
    OrgUnit b;

    @BeforeAll
    void plant() {
        tag = Long.toString(System.nanoTime() % 1_000_000);
        a = organisations.create(organisations.root().id(), "MA" + tag, "挖掘甲县" + tag, "COUNTY", Actor.SYSTEM);
        b = organisations.create(organisations.root().id(), "MB" + tag, "挖掘乙县" + tag, "COUNTY", Actor.SYSTEM);
        var f = new MiningFixture(jdbc, tag);
        long fa = f.fonds(a.id(), a.path());
        long fb = f.fonds(b.id(), b.path());
        var complete = List.of("YL01", "YL02", "RY02");
        for (int i = 0; i < PERSONS; i++) {
            long p = f.person();
            var start = at(2024, 1, 5).plusDays(20L * i);
            f.item(fa, "GRCB", "01", start, p, List.of());
            f.item(fa, "JFBJ", "02", start.plusDays(30), p, List.of());
            f.item(fa, "TXSL", "03", start.plusDays(90), p, complete);
        }
        for (int i = 0; i < 80; i++) {
            var files = i < 30 ? List.of("RY02") : i < 40 ? List.of("YL02", "RY02") : complete;
            f.item(fa, "TXSL", "03", at(2024, 1, 10).plusMonths(i % 30), null, files);
        }
        for (int i = 0; i < 15; i++) {
            f.item(fb, "GSRD", "05", at(2025, 3, 1).plusMonths(i % 6), null, List.of());
        }
        plantedFonds = List.of(fa, fb);
    }

    List<Long> plantedFonds = List.of();

    /**
     * The planted rows have no preserved object behind them (the analysis reads only the catalogue): they leave with
     * the class, so sweeps, 四性 checks and the label crawl of later classes in the shared database never meet them.
     */
    @AfterAll
    void removePlantedRows() {
        for (long fonds : plantedFonds) {
            var items = "select id from item where fonds_id = :f";
            var persons = jdbc.sql("select distinct person_id from item where fonds_id = :f and person_id is not null")
                    .param("f", fonds)
                    .query(Long.class)
                    .list();
            jdbc.sql("delete from item_file where item_id in (" + items + ")")
                    .param("f", fonds)
                    .update();
            jdbc.sql("delete from item where fonds_id = :f").param("f", fonds).update();
            jdbc.sql("delete from fonds where id = :f").param("f", fonds).update();
            for (long person : persons) {
                jdbc.sql("delete from person where id = :p").param("p", person).update();
            }
        }
    }

    private Access viewer(OrgUnit unit) {
        return new Access(
                new Actor("miner" + tag, unit.code(), "127.0.0.1", "test"),
                new Scope(unit.path(), null, 3),
                Set.of(MiningAccessRules.VIEW));
    }

    private long countOf(OrgUnit unit) {
        return jdbc.sql("select count(*) from item i join fonds f on f.id = i.fonds_id where f.org_path like :p")
                .param("p", unit.path() + "%")
                .query(Long.class)
                .single();
    }

    @Test
    void plantedRulesTransitionsAndVolumesAreFoundInTheCountyOnly() {
        long id = runs.run(viewer(a), 1_000_000);
        var run = store.get(id, viewer(a));
        var r = store.results(id).orElseThrow();

        assertThat(run.state()).isEqualTo("FINISHED");
        assertThat(r.itemsInScope()).isEqualTo(countOf(a)).isEqualTo(3 * PERSONS + 80);
        assertThat(r.itemsRead()).isEqualTo(r.itemsInScope());
        assertThat(r.sampled()).isFalse();

        // (a) co-missing: 30 TXSL items lack 养老 YL01 and YL02, 10 lack YL01 only, of 100 TXSL items
        var yl01ToYl02 = rule(r, "TXSL", "YL01", "YL02");
        assertThat(yl01ToYl02.count()).isEqualTo(30);
        assertThat(yl01ToYl02.support()).isCloseTo(0.30, within(1e-9));
        assertThat(yl01ToYl02.confidence()).isCloseTo(0.75, within(1e-9));
        assertThat(yl01ToYl02.lift()).isCloseTo(0.75 / 0.30, within(1e-9));
        assertThat(rule(r, "TXSL", "YL02", "YL01").confidence()).isEqualTo(1.0);
        assertThat(r.rules()).noneMatch(x -> x.step().equals("GSRD")); // county B's step

        // (b) transitions: each of 20 persons GRCB → 30 days → JFBJ → 60 days → TXSL
        var first = transition(r, "GRCB", "JFBJ");
        assertThat(first.count()).isEqualTo(PERSONS);
        assertThat(first.confidence()).isEqualTo(1.0);
        assertThat(first.support()).isCloseTo(0.5, within(1e-9));
        assertThat(first.medianDays()).isEqualTo(30);
        assertThat(transition(r, "JFBJ", "TXSL").medianDays()).isEqualTo(60);
        assertThat(r.transitions()).hasSize(2);

        // volumes: the scope's monthly item series adds up to the items handled in the window (direct SQL)
        var total = r.trends().stream()
                .filter(t -> t.kind() == Trend.Kind.TOTAL && t.measure() == MonthlyVolumes.Measure.ITEMS)
                .findFirst()
                .orElseThrow();
        long inWindow = jdbc.sql(
                        """
                select count(*) from item i join fonds f on f.id = i.fonds_id
                 where f.org_path like :p
                   and i.handled_at >= cast(:from as date) at time zone 'Asia/Shanghai'
                   and i.handled_at < date_trunc('month', now() at time zone 'Asia/Shanghai') at time zone 'Asia/Shanghai'
                """)
                .param("p", a.path() + "%")
                .param("from", java.time.YearMonth.parse(total.firstMonth()).atDay(1))
                .query(Long.class)
                .single();
        assertThat(java.util.Arrays.stream(total.actual()).sum()).isEqualTo((double) inWindow);
        assertThat(total.firstMonth()).isEqualTo("2024-01");
        assertThat(total.seasonal()).isTrue();
        assertThat(total.forecast()).hasSize(12);
        var pages = r.trends().stream()
                .filter(t -> t.kind() == Trend.Kind.TOTAL && t.measure() == MonthlyVolumes.Measure.PAGES)
                .findFirst()
                .orElseThrow();
        assertThat(java.util.Arrays.stream(pages.actual()).sum()).isEqualTo(3.0 * inWindow);

        assertThat(jdbc.sql("select count(*) from audit_entry where object_id = :o and operation = 'COMPUTE'")
                        .param("o", "mining-" + id)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        // county B's run reads its 15 items only
        long other = runs.run(viewer(b), 1_000_000);
        assertThat(store.results(other).orElseThrow().itemsRead()).isEqualTo(15).isEqualTo(countOf(b));
    }

    @Test
    void theCapIsKeptAndStatedAsASample() {
        long id = runs.run(viewer(a), 50);
        var r = store.results(id).orElseThrow();
        assertThat(r.itemsRead()).isEqualTo(50);
        assertThat(r.itemsInScope()).isEqualTo(countOf(a));
        assertThat(r.sampled()).isTrue();
        assertThat(r.factor()).isCloseTo(countOf(a) / 50.0, within(1e-9));
        assertThat(store.get(id, viewer(a)).itemCap()).isEqualTo(50);
    }

    @Test
    void thePageShowsResultsDownloadsThemAndKeepsOtherCountiesOut() throws Exception {
        var archivist = login(TestAccounts.create(accounts, "mnarch" + tag, a.id(), Set.of(Role.ARCHIVIST), 3, false));
        var otherArchivist =
                login(TestAccounts.create(accounts, "mnothr" + tag, b.id(), Set.of(Role.ARCHIVIST), 3, false));
        var clerk = login(TestAccounts.create(accounts, "mnclrk" + tag, a.id(), Set.of(Role.CLERK), 3, false));

        var started = archivist.post("/statistics/mining/runs", Map.of());
        assertThat(started.status()).isEqualTo(302);
        long id = waitForRun(a);

        var page = archivist.get("/statistics/mining");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body())
                .contains("数据挖掘", "重新计算", "退休待遇申领", "同时缺少", "下一笔业务", "预测区间", "chart-forecast-items")
                .contains("/statistics/mining/runs/" + id + "/export?table=rules");
        assertThat(archivist.get("/statistics/mining/runs/" + id).status()).isEqualTo(200);

        var xlsx = archivist.bytes("/statistics/mining/runs/" + id + "/export?table=rules");
        assertThat(xlsx.statusCode()).isEqualTo(200);
        try (var wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
            var sheet = wb.getSheetAt(0);
            var texts = new ArrayList<String>();
            sheet.forEach(row -> row.forEach(cell -> texts.add(cell.toString())));
            assertThat(texts).anyMatch(t -> t.startsWith("导出人："));
            assertThat(texts).contains("业务环节", "缺少的材料", "置信度", "退休待遇申领");
        }
        assertThat(jdbc.sql("select count(*) from audit_entry where object_id = :o and operation = 'EXPORT'")
                        .param("o", "mining-" + id)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        assertThat(archivist
                        .bytes("/statistics/mining/runs/" + id + "/export?table=nope")
                        .statusCode())
                .isEqualTo(422);

        assertThat(otherArchivist.get("/statistics/mining/runs/" + id).status()).isEqualTo(404);
        assertThat(otherArchivist
                        .bytes("/statistics/mining/runs/" + id + "/export?table=rules")
                        .statusCode())
                .isEqualTo(404);
        assertThat(otherArchivist.get("/statistics/mining").body())
                .doesNotContain("/statistics/mining/runs/" + id + "\"");
        assertThat(clerk.get("/statistics/mining").status()).isEqualTo(403);
    }

    private long waitForRun(OrgUnit unit) throws InterruptedException {
        for (int i = 0; i < 150; i++) {
            var state = jdbc.sql("select id, state from mining_run where org_path = :p order by id desc limit 1")
                    .param("p", unit.path())
                    .query((rs, n) -> Map.entry(rs.getLong(1), rs.getString(2)))
                    .single();
            if (!state.getValue().equals("RUNNING")) {
                assertThat(state.getValue()).isEqualTo("FINISHED");
                return state.getKey();
            }
            Thread.sleep(200);
        }
        throw new AssertionError("the mining run did not finish");
    }

    private ConsoleSession login(TestAccounts.Login who) {
        var s = new ConsoleSession(port);
        assertThat(s.login(who.username(), who.password(), who.codes())).doesNotStartWith("/login");
        s.get("/"); // the page after login carries the session's CSRF token
        return s;
    }

    private static CoMissing.Rule rule(MiningResult r, String step, String from, String to) {
        return r.rules().stream()
                .filter(x -> x.step().equals(step)
                        && x.antecedent().equals(List.of(from))
                        && x.consequent().equals(List.of(to)))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no rule " + from + " → " + to + " in " + r.rules()));
    }

    private static StepSequences.Transition transition(MiningResult r, String from, String to) {
        return r.transitions().stream()
                .filter(t -> t.from().equals(from) && t.to().equals(to))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no transition " + from + " → " + to));
    }
}
