package org.siarchive.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.siarchive.organisation.Organisations;
import org.siarchive.security.Accounts;
import org.siarchive.security.Role;
import org.siarchive.security.TestAccounts;
import org.siarchive.shared.Actor;
import org.siarchive.support.ConsoleSession;
import org.siarchive.support.IntegrationTest;
import org.siarchive.support.PortalBrowser;
import org.siarchive.support.Samples;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The portal's own chain and cookie (issue 19, item 1): a portal session never opens the console, a console
 * session never opens the portal, no servlet session is created on portal pages, and the session ends on
 * logout and after the policy's idle timeout.
 */
class PortalSessionsIT extends IntegrationTest {

    @LocalServerPort
    int port;

    @Autowired
    PortalSessions sessions;

    @Autowired
    PortalAccounts portalAccounts;

    @Autowired
    Accounts accounts;

    @Autowired
    Organisations organisations;

    @Autowired
    JdbcClient jdbc;

    private String personSession(String name) {
        long id = portalAccounts.ensure(
                PortalUser.Kind.PERSON, name, Samples.citizenId(1971), "13800000000", Actor.SYSTEM);
        return sessions.open(id, "127.0.0.1");
    }

    @Test
    void withoutASessionThePortalSendsToItsOwnSignInAndCreatesNoServletSession() {
        var browser = new PortalBrowser(port);
        var home = browser.response("/portal");
        assertThat(home.statusCode()).isEqualTo(302);
        assertThat(home.headers().firstValue("Location").orElseThrow()).endsWith("/portal/login");
        var login = browser.response("/portal/login");
        assertThat(login.statusCode()).isEqualTo(200);
        assertThat(login.headers().allValues("Set-Cookie")).noneMatch(c -> c.startsWith("JSESSIONID"));
    }

    @Test
    void aPortalSessionShowsThePortalAndNothingOfTheConsole() {
        String token = personSession("门户甲");
        var browser = new PortalBrowser(port).signedIn(token);
        var home = browser.response("/portal");
        assertThat(home.statusCode()).isEqualTo(200);
        assertThat(home.body()).contains("门户甲");
        assertThat(home.headers().allValues("Set-Cookie")).noneMatch(c -> c.startsWith("JSESSIONID"));

        // the cookie's path keeps a browser from sending it elsewhere; sent anyway, the console ignores it
        for (String console : new String[] {"/", "/search", "/persons", "/admin/accounts", "/api/v1/items"}) {
            var r = browser.send(
                    java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + port + console))
                            .header("Cookie", PortalSessions.COOKIE + "=" + token)
                            .header("Accept", "text/html")
                            .GET());
            assertThat(r.status()).as(console).isIn(302, 401);
            assertThat(r.location() == null ? "" : r.location()).as(console).doesNotContain("/portal");
        }
    }

    @Test
    void aConsoleSessionDoesNotOpenThePortal() {
        String run = Integer.toString(ThreadLocalRandom.current().nextInt(100_000, 999_999));
        var staff = TestAccounts.create(
                accounts, "ptstaff" + run, organisations.root().id(), Set.of(Role.ARCHIVIST), 3, false);
        var console = new ConsoleSession(port);
        console.login(staff.username(), staff.password(), staff.codes());
        assertThat(console.get("/").status()).isEqualTo(200);
        var portal = console.get("/portal");
        assertThat(portal.status()).isEqualTo(302);
        assertThat(portal.location()).endsWith("/portal/login");
    }

    @Test
    void logoutEndsTheSessionAndSoDoesIdleness() {
        var browser = new PortalBrowser(port).signedIn(personSession("门户乙"));
        assertThat(browser.get("/portal").status()).isEqualTo(200);
        var out = browser.post("/portal/logout", java.util.Map.of());
        assertThat(out.status()).isEqualTo(302);
        assertThat(out.location()).contains("/portal/login?logout");
        assertThat(browser.get("/portal").status()).isEqualTo(302);

        String token = personSession("门户丙");
        var idle = new PortalBrowser(port).signedIn(token);
        assertThat(idle.get("/portal").status()).isEqualTo(200);
        jdbc.sql("update portal_session set last_seen_at = now() - interval '31 minutes' where token_hash = :h")
                .param("h", org.siarchive.crypto.Sm3.digest(token))
                .update();
        assertThat(idle.get("/portal").status())
                .as("idle past the policy's 30 minutes")
                .isEqualTo(302);
    }

    @Test
    void aForgedOrMalformedCookieIsNoSession() {
        for (String forged : new String[] {"x", "A".repeat(43), "../../etc/passwd", "%00"}) {
            var r = new PortalBrowser(port)
                    .send(java.net.http.HttpRequest.newBuilder(
                                    java.net.URI.create("http://127.0.0.1:" + port + "/portal"))
                            .header("Cookie", PortalSessions.COOKIE + "=" + forged)
                            .GET());
            assertThat(r.status()).as(forged).isEqualTo(302);
        }
    }
}
