package org.siarchive.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.siarchive.organisation.Organisations;
import org.siarchive.security.Accounts;
import org.siarchive.security.Role;
import org.siarchive.security.TestAccounts;
import org.siarchive.support.ConsoleSession;
import org.siarchive.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A console address that does not exist is 404 "未找到页面", not 403 无权访问; a page that exists but is
 * not the caller's stays 403; an unknown id names the thing and the id (issue 14, docs/adr/0056).
 */
class NotFoundPagesIT extends IntegrationTest {

    @LocalServerPort
    int port;

    @Autowired
    Accounts accounts;

    @Autowired
    Organisations organisations;

    @Test
    void aMissingPageIsNotFoundAndAPageOfAnotherRoleIsForbidden() {
        String run = Integer.toString(ThreadLocalRandom.current().nextInt(100_000, 999_999));
        var reader = TestAccounts.create(
                accounts, "nfreader" + run, organisations.root().id(), Set.of(Role.READER), 2, false);
        var session = new ConsoleSession(port);
        assertThat(session.login(reader.username(), reader.password(), reader.codes()))
                .isEqualTo("/");

        var missing = session.get("/no-such-page/at-all");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.body()).contains("未找到页面“/no-such-page/at-all”").doesNotContain("无权访问");

        var forbidden = session.get("/admin/accounts");
        assertThat(forbidden.status()).isEqualTo(403);
        assertThat(forbidden.body()).contains("无权访问");

        // a mapped path with a method nobody may use stays closed, and not "not found"
        assertThat(session.post("/admin/accounts", Map.of()).status()).isEqualTo(403);
    }

    @Test
    void anUnknownCertificateNamesTheCertificateAndItsId() {
        String run = Integer.toString(ThreadLocalRandom.current().nextInt(100_000, 999_999));
        var clerk = TestAccounts.create(
                accounts, "nfclerk" + run, organisations.root().id(), Set.of(Role.CLERK), 2, false);
        var session = new ConsoleSession(port);
        session.login(clerk.username(), clerk.password(), clerk.codes());

        var page = session.get("/certificates/987654321");
        assertThat(page.status()).isEqualTo(404);
        assertThat(page.body()).contains("未找到证明“987654321”");

        session.get("/certificates");
        String unknown = org.siarchive.support.Samples.citizenId(1931);
        var person = session.post("/certificates", Map.of("idNumber", unknown, "format", "PDF", "purpose", "办理退休"));
        assertThat(person.status()).isEqualTo(404);
        assertThat(person.body())
                .contains("未找到参保人“" + unknown.substring(0, 6) + "********" + unknown.substring(14) + "”")
                .doesNotContain("“-”")
                .doesNotContain(unknown);
    }

    @Test
    void anonymousVisitorsOfAMissingPageAreAskedToLogIn() {
        var anonymous = new ConsoleSession(port);
        var r = anonymous.get("/no-such-page");
        assertThat(r.status()).isEqualTo(302);
        assertThat(r.location()).endsWith("/login");
    }
}
