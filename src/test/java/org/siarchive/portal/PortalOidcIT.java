package org.siarchive.portal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.siarchive.audit.AuditTrail;
import org.siarchive.audit.AuditedObject;
import org.siarchive.crypto.Sm3;
import org.siarchive.support.IntegrationTest;
import org.siarchive.support.OidcProvider;
import org.siarchive.support.PortalBrowser;
import org.siarchive.support.Samples;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Sign-in through the identity provider (issue 19, item 2): a real Spring Authorization Server in this JVM, every
 * redirect followed by hand over HTTP. The account is created once, the session works and no servlet session is
 * made; a replayed, expired or tampered answer, an ID token expired or of the wrong nonce, and an identity without
 * a valid 公民身份号码 are each refused back to the sign-in page and audited.
 */
class PortalOidcIT extends IntegrationTest {

    @LocalServerPort
    int port;

    @Autowired
    PortalAccounts accounts;

    @Autowired
    AuditTrail audit;

    @Autowired
    JdbcClient jdbc;

    private final OidcProvider provider = OidcProvider.shared();

    private int refusals(String reason) {
        return jdbc.sql(
                        """
                select count(*) from audit_entry where object_type = 'PORTAL_ACCOUNT' and operation = 'LOGIN'
                   and result = 'FAILURE' and reason = :r""")
                .param("r", reason)
                .query(Integer.class)
                .single();
    }

    @Test
    void aPersonSignsInOnceAccountManySessionsNoServletSession() {
        String cert = Samples.citizenId(1978);
        var user = provider.user("李秀英", cert, "13912345678");
        var browser = new PortalBrowser(port);
        var back = OidcProvider.deliver(browser, provider.authorize(browser, user, "PERSON"));
        assertThat(back.status()).isEqualTo(302);
        assertThat(back.location()).endsWith("/portal");
        assertThat(browser.cookie(PortalSessions.COOKIE)).isNotNull();
        assertThat(browser.cookie("JSESSIONID"))
                .as("no servlet session on the portal")
                .isNull();
        var home = browser.get("/portal");
        assertThat(home.status()).isEqualTo(200);
        assertThat(home.body()).contains("李秀英");
        var account = browser.get("/portal/account");
        assertThat(account.body()).contains("李秀英").doesNotContain(cert).contains("account-oidc");

        long id = accounts.find(PortalUser.Kind.PERSON, cert).orElseThrow();
        var again = new PortalBrowser(port);
        OidcProvider.deliver(again, provider.authorize(again, user, "PERSON"));
        assertThat(again.get("/portal").status()).isEqualTo(200);
        assertThat(jdbc.sql(
                                """
                        select count(*) from portal_account where kind = 'PERSON'
                           and cert_no_index = (select cert_no_index from portal_account where id = :a)""")
                        .param("a", id)
                        .query(Integer.class)
                        .single())
                .as("one account for the identity")
                .isEqualTo(1);
        assertThat(browser.get("/portal").status())
                .as("signing in again ends the earlier session")
                .isEqualTo(302);
        assertThat(audit.forObject(AuditedObject.PORTAL_ACCOUNT, Long.toString(id)))
                .filteredOn(e -> e.operation().equals("LOGIN") && e.result().equals(AuditTrail.SUCCESS))
                .hasSize(2);
        assertThat(jdbc.sql("select oidc_subject from portal_account where id = :a")
                        .param("a", id)
                        .query(String.class)
                        .single())
                .isEqualTo(user.username());
    }

    @Test
    void anEmployersAgentChoosesTheKindBeforeLeaving() {
        String cert = Samples.citizenId(1983);
        var user = provider.user("王建国", cert, null);
        var browser = new PortalBrowser(port);
        OidcProvider.deliver(browser, provider.authorize(browser, user, "EMPLOYER"));
        assertThat(accounts.find(PortalUser.Kind.EMPLOYER, cert)).isPresent();
        assertThat(accounts.find(PortalUser.Kind.PERSON, cert)).isEmpty();
        assertThat(browser.get("/portal").body()).contains("网上申报");
    }

    @Test
    void aReplayedOrUnknownOrExpiredAnswerIsRefusedAndAudited() {
        var user = provider.user("赵敏", Samples.citizenId(1990), "13700001111");
        var browser = new PortalBrowser(port);
        String callback = provider.authorize(browser, user, "PERSON");
        assertThat(OidcProvider.deliver(browser, callback).location()).endsWith("/portal");

        int before = refusals("authorization_request_not_found");
        var attacker = new PortalBrowser(port);
        var replay = OidcProvider.deliver(attacker, callback);
        assertThat(replay.status()).isEqualTo(302);
        assertThat(replay.location()).contains("/portal/login?error=expired");
        assertThat(attacker.cookie(PortalSessions.COOKIE)).isNull();
        assertThat(attacker.get("/portal/login?error=expired").body()).contains("登录请求已失效或已使用过");
        assertThat(attacker.get("/portal").status()).isEqualTo(302);

        // a state never sent (tampered)
        var forged = OidcProvider.deliver(new PortalBrowser(port), callback.replaceAll("state=[^&]+", "state=forged"));
        assertThat(forged.location()).contains("error=expired");

        // an answer coming back after the request's ten minutes
        var late = new PortalBrowser(port);
        String slow = provider.authorize(late, provider.user("钱多多", Samples.citizenId(1966), null), "PERSON");
        String state = java.net.URLDecoder.decode(
                slow.replaceAll(".*[?&]state=([^&]+).*", "$1"), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(jdbc.sql(
                                "update portal_oidc_request set expires_at = now() - interval '1 second' where state_hash = :h")
                        .param("h", Sm3.digest(state))
                        .update())
                .isEqualTo(1);
        assertThat(OidcProvider.deliver(late, slow).location()).contains("error=expired");
        assertThat(late.cookie(PortalSessions.COOKIE)).isNull();
        assertThat(refusals("authorization_request_not_found")).isEqualTo(before + 3);
    }

    /**
     * Login CSRF: someone starts a sign-in with their own identity and pushes the provider's answer on a victim's
     * browser, to have the victim work in the attacker's account. The answer is bound to the browser that started
     * the sign-in, so in another browser it finds no request; the rightful browser can still finish.
     */
    @Test
    void anAnswerDeliveredInAnotherBrowserIsRefusedAndTheStarterCanStillFinish() {
        var user = provider.user("孙立", Samples.citizenId(1979), null);
        var starter = new PortalBrowser(port);
        String callback = provider.authorize(starter, user, "PERSON");
        assertThat(starter.cookie(PortalOidcRequests.BINDING)).isNotNull();

        int before = refusals("authorization_request_not_found");
        var victim = new PortalBrowser(port);
        var pushed = OidcProvider.deliver(victim, callback);
        assertThat(pushed.location()).contains("/portal/login?error=expired");
        assertThat(victim.cookie(PortalSessions.COOKIE)).isNull();
        assertThat(refusals("authorization_request_not_found")).isEqualTo(before + 1);

        assertThat(OidcProvider.deliver(starter, callback).location()).endsWith("/portal");
        assertThat(starter.get("/portal").body()).contains("孙立");
    }

    @Test
    void anExpiredIdTokenOrAWrongNonceIsRefusedAndAudited() {
        int expiredBefore = refusals("invalid_id_token");
        var expired = provider.user("孙丽", Samples.citizenId(1971), null, OidcProvider.Misbehaviour.EXPIRED_ID_TOKEN);
        var b1 = new PortalBrowser(port);
        var r1 = OidcProvider.deliver(b1, provider.authorize(b1, expired, "PERSON"));
        assertThat(r1.location()).contains("/portal/login?error=invalid");
        assertThat(b1.cookie(PortalSessions.COOKIE)).isNull();
        assertThat(refusals("invalid_id_token")).isEqualTo(expiredBefore + 1);
        assertThat(accounts.find(PortalUser.Kind.PERSON, expired.certNo())).isEmpty();

        int nonceBefore = refusals("invalid_nonce");
        var nonce = provider.user("周强", Samples.citizenId(1972), null, OidcProvider.Misbehaviour.WRONG_NONCE);
        var b2 = new PortalBrowser(port);
        var r2 = OidcProvider.deliver(b2, provider.authorize(b2, nonce, "PERSON"));
        assertThat(r2.location()).contains("/portal/login?error=invalid");
        assertThat(refusals("invalid_nonce")).isEqualTo(nonceBefore + 1);
        assertThat(accounts.find(PortalUser.Kind.PERSON, nonce.certNo())).isEmpty();
        assertThat(b2.get("/portal/login?error=invalid").body()).contains("身份认证结果无效");
    }

    @Test
    void anIdentityWithoutAValidCitizenIdIsRefused() {
        int missingBefore = refusals("no citizen id claim");
        var none = provider.user("吴刚", null, "13600002222");
        var b1 = new PortalBrowser(port);
        assertThat(OidcProvider.deliver(b1, provider.authorize(b1, none, "PERSON"))
                        .location())
                .contains("error=identity");
        assertThat(refusals("no citizen id claim")).isEqualTo(missingBefore + 1);

        int invalidBefore = refusals("citizen id invalid");
        String good = Samples.citizenId(1985);
        String bad = good.substring(0, 17) + (good.charAt(17) == '1' ? '2' : '1');
        var wrong = provider.user("郑华", bad, null);
        var b2 = new PortalBrowser(port);
        assertThat(OidcProvider.deliver(b2, provider.authorize(b2, wrong, "PERSON"))
                        .location())
                .contains("error=identity");
        assertThat(refusals("citizen id invalid")).isEqualTo(invalidBefore + 1);
        assertThat(b2.cookie(PortalSessions.COOKIE)).isNull();
        assertThat(b2.get("/portal/login?error=identity").body()).contains("未提供有效的姓名和公民身份号码");
    }

    @Test
    void theSignInPageShowsTheProviderAndTheFallback() {
        var page = new PortalBrowser(port).get("/portal/login");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("id=\"oidc-login\"", "id=\"password-form\"", "id=\"register-link\"");
        var en = new PortalBrowser(port).get("/portal/login?lang=en");
        assertThat(en.body()).contains("Sign in with the unified identity");
    }
}
