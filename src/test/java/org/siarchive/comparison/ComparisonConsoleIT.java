package org.siarchive.comparison;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.siarchive.organisation.Organisations;
import org.siarchive.security.Accounts;
import org.siarchive.security.Role;
import org.siarchive.security.TestAccounts;
import org.siarchive.shared.Actor;
import org.siarchive.support.ConsoleSession;
import org.siarchive.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The 数据比对 pages and API as a clerk uses them: start a run (bad date → 422 beside the field, another
 * unit → 404), follow it to FINISHED, read it; another unit's archivist gets 404; the rules page, and rule
 * changes refused with 422 (unknown parameter, wrong value) or 404 (unknown rule).
 */
class ComparisonConsoleIT extends IntegrationTest {

    @LocalServerPort
    int port;

    @Autowired
    Accounts accounts;

    @Autowired
    Organisations organisations;

    private ConsoleSession login(TestAccounts.Login who) {
        var s = new ConsoleSession(port);
        assertThat(s.login(who.username(), who.password(), who.codes())).doesNotStartWith("/login");
        s.get("/");
        return s;
    }

    @Test
    void startFollowAndScope() throws InterruptedException {
        String run = Long.toString(System.nanoTime() % 100_000);
        var a = organisations.create(organisations.root().id(), "CA" + run, "比对页面县" + run, "COUNTY", Actor.SYSTEM);
        var b = organisations.create(organisations.root().id(), "CZ" + run, "比对他县" + run, "COUNTY", Actor.SYSTEM);
        var clerk = login(TestAccounts.create(accounts, "cmpclerk" + run, a.id(), Set.of(Role.CLERK), 3, false));
        var other = login(TestAccounts.create(accounts, "cmparch" + run, b.id(), Set.of(Role.ARCHIVIST), 3, false));

        var list = clerk.get("/comparison/runs");
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.body()).contains("数据比对", "死亡冒领", "nav-comparison-runs");

        var bad = clerk.post("/comparison/runs", Map.of("orgId", Long.toString(a.id()), "asOf", "2026-13-45"));
        assertThat(bad.status()).isEqualTo(422);
        assertThat(bad.body()).contains("asOf-error");
        assertThat(clerk.post("/comparison/runs", Map.of("orgId", Long.toString(b.id())))
                        .status())
                .isEqualTo(404);

        var started = clerk.post("/comparison/runs", Map.of("orgId", Long.toString(a.id()), "rules", "NOT_ENROLLED"));
        assertThat(started.status()).isEqualTo(302);
        String path = started.location().substring(started.location().indexOf("/comparison/runs/"));
        String id = path.substring("/comparison/runs/".length());
        String state = "";
        for (int i = 0; i < 100 && !state.contains("FINISHED"); i++) {
            Thread.sleep(200);
            state = clerk.api("GET", "/api/v1/comparison/runs/" + id, null).body();
        }
        assertThat(state).contains("\"state\":\"FINISHED\"", "\"rules\":[{");
        var page = clerk.get(path);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("已完成", "应保未保", "/comparison/warnings?run=" + id);

        assertThat(other.get(path).status()).isEqualTo(404);
        assertThat(other.api("GET", "/api/v1/comparison/runs/" + id, null).status())
                .isEqualTo(404);
        assertThat(other.get("/comparison/runs").body()).doesNotContain("/comparison/runs/" + id + "\"");

        var rules = clerk.get("/comparison/rules");
        assertThat(rules.status()).isEqualTo(200);
        assertThat(rules.body()).contains("基数异常", "应保未保", "随系统发布");
        var unknown = clerk.api("POST", "/api/v1/comparison/rules/DEATH_PAYMENT", "{\"params\":[{\"nope\":1}]}");
        assertThat(unknown.status()).isEqualTo(422);
        assertThat(unknown.body()).contains("params");
        var wrong = clerk.api("POST", "/api/v1/comparison/rules/DEATH_PAYMENT", "{\"params\":[{\"minMonths\":\"x\"}]}");
        assertThat(wrong.status()).isEqualTo(422);
        assertThat(clerk.api("POST", "/api/v1/comparison/rules/NOPE", "{}").status())
                .isEqualTo(404);
        var form = clerk.post("/comparison/rules/DEATH_PAYMENT", Map.of("p.0.minMonths", "[[", "enabled", "true"));
        assertThat(form.status()).isEqualTo(422);
    }
}
