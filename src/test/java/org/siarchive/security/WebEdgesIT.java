package org.siarchive.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.siarchive.audit.AuditTrail;
import org.siarchive.audit.AuditedObject;
import org.siarchive.organisation.Organisations;
import org.siarchive.support.ConsoleSession;
import org.siarchive.support.IntegrationTest;
import org.siarchive.support.RawHttp;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The edges of the web surface: CSRF with a session, health details, redirects that never name a foreign host. */
class WebEdgesIT extends IntegrationTest {

    private static final String EVIL = "evil.example";

    @LocalServerPort
    int port;

    @Autowired
    Accounts accounts;

    @Autowired
    Organisations organisations;

    @Autowired
    AuditTrail audit;

    private final String run = Integer.toString(ThreadLocalRandom.current().nextInt(100_000, 999_999));

    private ConsoleSession loggedIn(Role role) {
        var login = TestAccounts.create(
                accounts,
                role.name().toLowerCase() + "edge" + run,
                organisations.root().id(),
                Set.of(role),
                2,
                role.requiresSecondFactor());
        var s = new ConsoleSession(port);
        assertThat(s.login(login.username(), login.password(), login.codes())).isEqualTo("/");
        return s;
    }

    @Test
    void aSessionRequestNeedsItsCsrfTokenEvenWhenItCarriesABearerHeader() {
        var archivist = loggedIn(Role.ARCHIVIST);

        var forged = archivist.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/persons"))
                .header("Authorization", "Bearer sia_not-a-token")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("certNo=11010519491231002X")));

        assertThat(forged.status()).as("a form post without its CSRF token").isEqualTo(403);
    }

    @Test
    void aBearerRequestOnTheApiIgnoresTheSessionCookieBesideIt() {
        var archivist = loggedIn(Role.ARCHIVIST);

        var withBadToken =
                archivist.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/classification"))
                        .header("Authorization", "Bearer sia_not-a-token")
                        .GET());

        assertThat(withBadToken.status())
                .as("the session cookie does not rescue a bad token")
                .isEqualTo(401);
        assertThat(audit.forObject(AuditedObject.API_TOKEN, "sia_not-a-"))
                .extracting(AuditTrail.Entry::operation, AuditTrail.Entry::result)
                .contains(org.assertj.core.groups.Tuple.tuple("AUTHENTICATE", AuditTrail.DENIED));
    }

    @Test
    void anonymousHealthShowsOnlyTheStatus() {
        var health = new RawHttp(port).get("/actuator/health", Map.of("Accept", "application/json"));

        assertThat(health.status()).isEqualTo(200);
        assertThat(health.body()).contains("\"status\"").doesNotContain("components", "details", DATA_DIR.toString());
    }

    @Test
    void theSystemAdministratorSeesHealthDetails() {
        var sysadmin = loggedIn(Role.SYSADMIN);

        var health = sysadmin.api("GET", "/actuator/health", null);

        assertThat(health.status()).isEqualTo(200);
        assertThat(health.body()).contains("\"components\"", "diskSpace");
    }

    @Test
    void anonymousRedirectToTheLoginPageIgnoresAForgedHost() {
        var r = new RawHttp(port).get("/search", Map.of("Host", EVIL, "Accept", "text/html"));

        assertThat(r.status()).isEqualTo(302);
        assertThat(r.header("Location")).doesNotContain(EVIL).contains("/login");
    }

    @Test
    void loginFailureAndLogoutRedirectsIgnoreAForgedHost() {
        var raw = new RawHttp(port);
        var page = raw.get("/login", Map.of("Host", EVIL));
        String cookie = cookie(page);
        String csrf = csrf(page.body());

        var failed = raw.send(
                "POST",
                "/login",
                Map.of("Host", EVIL, "Cookie", cookie, "Content-Type", "application/x-www-form-urlencoded"),
                "username=nobody" + run + "&password=x&_csrf=" + csrf);
        assertThat(failed.status()).isEqualTo(302);
        assertThat(failed.header("Location")).doesNotContain(EVIL).contains("/login?error");

        String after = cookie(failed) == null ? cookie : cookie(failed);
        var out = raw.send(
                "POST",
                "/logout",
                Map.of("Host", EVIL, "Cookie", after, "Content-Type", "application/x-www-form-urlencoded"),
                "_csrf=" + csrf);
        assertThat(out.status()).isEqualTo(302);
        assertThat(out.header("Location")).doesNotContain(EVIL).contains("/login");
    }

    @Test
    void anExpiredSessionIsSentToTheLoginPageOfThisSite() {
        var reader = TestAccounts.create(
                accounts, "expire" + run, organisations.root().id(), Set.of(Role.READER), 2, false);
        var first = new ConsoleSession(port);
        first.login(reader.username(), reader.password(), () -> "");
        var raw = new RawHttp(port);
        var page = raw.get("/login", Map.of());
        String csrf = csrf(page.body());
        var second = raw.send(
                "POST",
                "/login",
                Map.of("Cookie", cookie(page), "Content-Type", "application/x-www-form-urlencoded"),
                "username=" + reader.username() + "&password=" + reader.password() + "&_csrf=" + csrf);
        assertThat(second.header("Location")).endsWith("/");
        var firstCookie = first.get("/account");

        assertThat(firstCookie.status()).isEqualTo(302);
        assertThat(firstCookie.location()).isEqualTo("/login?expired");
    }

    private static String cookie(RawHttp.Reply reply) {
        return reply.all("Set-Cookie").stream()
                .map(c -> c.split(";")[0])
                .filter(c -> c.startsWith("JSESSIONID="))
                .findFirst()
                .orElse(null);
    }

    private static String csrf(String html) {
        var m = java.util.regex.Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"")
                .matcher(html);
        return m.find() ? m.group(1) : "";
    }
}
