package org.siarchive.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
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
 * Case progress reaches the person (issue 19, item 5): a clerk registers a 转移接续 application for a person with a
 * portal account and sends the letter; the person finds one message per state in the portal, in their language.
 * A person without an account is told nothing, and nobody else is.
 */
class PortalCaseProgressIT extends IntegrationTest {

    @LocalServerPort
    int port;

    @Autowired
    PortalAccounts portalAccounts;

    @Autowired
    PortalSessions sessions;

    @Autowired
    Accounts accounts;

    @Autowired
    Organisations organisations;

    @Autowired
    JdbcClient jdbc;

    @Test
    void eachNewStateOfThePersonsCaseIsAMessageInThePortal() throws InterruptedException {
        String cert = Samples.citizenId(1984);
        long account = portalAccounts.ensure(PortalUser.Kind.PERSON, "接续戊", cert, null, Actor.SYSTEM);
        var clerk = clerk();
        String path = register(clerk, cert, "接续戊");
        assertThat(clerk.post(path + "/letter", Map.of()).status()).isEqualTo(302);
        String caseNo = path.substring(path.lastIndexOf('/') + 1);

        List<String> keys = awaitKeys(account, 2);
        assertThat(keys).anyMatch(k -> k.endsWith(":APPLIED")).anyMatch(k -> k.endsWith(":LETTER_SENT"));

        var person = new PortalBrowser(port).signedIn(sessions.open(account, "127.0.0.1"));
        var page = person.get("/portal/notifications");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains(caseNo).contains("已受理申请").contains("已发联系函");
        assertThat(person.get("/portal/notifications?lang=en").body())
                .contains(caseNo)
                .contains("Your case");
    }

    @Test
    void aPersonWithoutAPortalAccountIsToldNothing() throws InterruptedException {
        long before =
                jdbc.sql("select count(*) from portal_notice").query(Long.class).single();
        String path = register(clerk(), Samples.citizenId(1986), "接续己");
        String caseNo = path.substring(path.lastIndexOf('/') + 1);
        Thread.sleep(Duration.ofSeconds(3).toMillis()); // the listener runs after the commit: give it its turn
        assertThat(jdbc.sql("select count(*) from portal_notice where :no = any(args)")
                        .param("no", caseNo)
                        .query(Long.class)
                        .single())
                .isZero();
        assertThat(jdbc.sql("select count(*) from portal_notice")
                        .query(Long.class)
                        .single())
                .isEqualTo(before);
    }

    private ConsoleSession clerk() {
        String run = UUID.randomUUID().toString().substring(0, 6);
        var who =
                TestAccounts.create(accounts, "ptjx" + run, organisations.root().id(), Set.of(Role.CLERK), 3, false);
        var s = new ConsoleSession(port);
        assertThat(s.login(who.username(), who.password(), who.codes())).doesNotStartWith("/login");
        s.get("/");
        return s;
    }

    private static String register(ConsoleSession clerk, String cert, String name) {
        clerk.get("/continuation/new");
        var made = clerk.post(
                "/continuation/cases",
                Map.of("certNo", cert, "name", name, "scheme", "110", "peerAgency", "某省社会保险事业管理中心"));
        assertThat(made.status()).isEqualTo(302);
        return made.location().replaceFirst("^https?://[^/]+", "");
    }

    private List<String> awaitKeys(long account, int n) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        List<String> keys = List.of();
        while (System.nanoTime() < deadline) {
            keys = jdbc.sql(
                            "select natural_key from portal_notice where account_id = :a and natural_key like 'case-progress:%'")
                    .param("a", account)
                    .query(String.class)
                    .list();
            if (keys.size() >= n) {
                return keys;
            }
            Thread.sleep(200);
        }
        return keys;
    }
}
