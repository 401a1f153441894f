package org.siarchive.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.siarchive.audit.AuditTrail;
import org.siarchive.audit.AuditedObject;
import org.siarchive.notification.TestOutbox;
import org.siarchive.security.Credentials;
import org.siarchive.support.ConsoleSession;
import org.siarchive.support.IntegrationTest;
import org.siarchive.support.PortalBrowser;
import org.siarchive.support.Samples;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The fallback sign-in (issue 19, item 2): registration with name, 公民身份号码 and phone, the one-time code read
 * from the file SMS adapter, a password of the staff policy, sign-in with the password and with TOTP once
 * enrolled, lockout at the policy's threshold, the account page's changes — each audited; a second registration
 * of an identity gets the same answer and no code; bad input names its field in Chinese (English on request).
 */
class PortalPasswordIT extends IntegrationTest {

    static final String PASSWORD = "Portal#2026ok";
    private static final Pattern TOKEN = Pattern.compile("name=\"r\" value=\"([^\"]+)\"");
    private static final Pattern SECRET = Pattern.compile("id=\"totp-secret\">([A-Z2-7]{32})<");

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Autowired
    PortalAccounts accounts;

    @Autowired
    Credentials credentials;

    @Autowired
    AuditTrail audit;

    @Autowired
    JdbcClient jdbc;

    static String phone() {
        return "139" + ThreadLocalRandom.current().nextInt(10_000_000, 99_999_999);
    }

    /** Starts a registration; returns the code page. */
    private ConsoleSession.Page start(PortalBrowser b, String kind, String name, String cert, String phone) {
        b.get("/portal/register");
        return b.post("/portal/register", Map.of("kind", kind, "name", name, "certNo", cert, "phone", phone));
    }

    private static String token(ConsoleSession.Page codePage) {
        var m = TOKEN.matcher(codePage.body());
        assertThat(m.find()).as("the code page carries the registration").isTrue();
        return m.group(1);
    }

    private String code(String phone) {
        TestOutbox.deliver(context);
        return TestOutbox.lastCode(DATA_DIR.resolve("notifications/sms.jsonl"), phone)
                .orElseThrow();
    }

    /** Registers and returns the signed-in browser. */
    PortalBrowser registered(String name, String cert, String phone) {
        var b = new PortalBrowser(port);
        String token = token(start(b, "PERSON", name, cert, phone));
        var done = b.post(
                "/portal/register/code",
                Map.of("r", token, "code", code(phone), "password", PASSWORD, "confirm", PASSWORD));
        assertThat(done.status()).isEqualTo(302);
        assertThat(done.location()).contains("/portal/account?registered");
        return b;
    }

    private ConsoleSession.Page login(PortalBrowser b, String cert, String password, String totp) {
        b.get("/portal/login");
        return b.post("/portal/login", Map.of("kind", "PERSON", "certNo", cert, "password", password, "totp", totp));
    }

    @Test
    void registerWithTheSmsCodeThenSignInWithThePassword() {
        String cert = Samples.citizenId(1988);
        String phone = phone();
        var b = new PortalBrowser(port);
        var codePage = start(b, "PERSON", "陈静", cert, phone);
        assertThat(codePage.status()).isEqualTo(200);
        String token = token(codePage);
        String code = code(phone);
        assertThat(jdbc.sql("select encode(code_hash, 'hex') from portal_registration where token_hash = :h")
                        .param("h", org.siarchive.crypto.Sm3.digest(token))
                        .query(String.class)
                        .single())
                .as("the code is kept only as a digest")
                .hasSize(64)
                .doesNotContain(code);

        // a weak password costs no try; a wrong code costs one
        var weak = b.post(
                "/portal/register/code", Map.of("r", token, "code", code, "password", "short", "confirm", "short"));
        assertThat(weak.status()).isEqualTo(400);
        assertThat(weak.body()).contains("password-error").contains("至少 8 个字符");
        String wrongCode = code.equals("000000") ? "111111" : "000000";
        var wrong = b.post(
                "/portal/register/code",
                Map.of("r", token, "code", wrongCode, "password", PASSWORD, "confirm", PASSWORD));
        assertThat(wrong.status()).isEqualTo(400);
        assertThat(wrong.body()).contains("code-error").contains("验证码不正确或已失效");
        assertThat(accounts.find(PortalUser.Kind.PERSON, cert)).isEmpty();

        var done = b.post(
                "/portal/register/code", Map.of("r", token, "code", code, "password", PASSWORD, "confirm", PASSWORD));
        assertThat(done.location()).contains("/portal/account?registered");
        assertThat(b.cookie("JSESSIONID")).isNull();
        var page = b.get("/portal/account?registered");
        assertThat(page.body())
                .contains("陈静")
                .contains("注册成功")
                .doesNotContain(cert)
                .doesNotContain(phone);
        long id = accounts.find(PortalUser.Kind.PERSON, cert).orElseThrow();
        assertThat(jdbc.sql(
                                "select count(*) from portal_registration where tries_left > 0 and expires_at > now() and display_name = '陈静'")
                        .query(Integer.class)
                        .single())
                .as("the registration is used up")
                .isZero();

        // the code cannot be used twice
        var again = new PortalBrowser(port)
                .post(
                        "/portal/register/code",
                        Map.of("r", token, "code", code, "password", PASSWORD, "confirm", PASSWORD));
        assertThat(again.status()).isEqualTo(400);

        assertThat(b.post("/portal/logout", Map.of()).location()).contains("/portal/login?logout");
        var in = login(new PortalBrowser(port), cert, PASSWORD, "");
        assertThat(in.status()).isEqualTo(302);
        assertThat(in.location()).endsWith("/portal");
        assertThat(audit.forObject(AuditedObject.PORTAL_ACCOUNT, Long.toString(id)))
                .extracting(e -> e.operation() + "/" + e.result())
                .contains("CREATE/SUCCESS", "REGISTER/SUCCESS", "LOGIN/SUCCESS", "LOGOUT/SUCCESS");
    }

    @Test
    void registeringAnIdentityThatHasAnAccountGetsTheSameAnswerAndNoCode() {
        String cert = Samples.citizenId(1975);
        registered("林峰", cert, phone());
        String other = phone();
        var codePage = start(new PortalBrowser(port), "PERSON", "林峰", cert, other);
        assertThat(codePage.status()).isEqualTo(200);
        assertThat(codePage.body()).contains("id=\"code-form\"").contains("验证码已发送到您的手机");
        TestOutbox.deliver(context);
        assertThat(TestOutbox.lastCode(DATA_DIR.resolve("notifications/sms.jsonl"), other))
                .isEmpty();
        assertThat(jdbc.sql(
                                """
                        select count(*) from audit_entry where object_type = 'PORTAL_ACCOUNT' and operation = 'REGISTER'
                           and result = 'FAILURE' and reason = 'account exists' and at > now() - interval '1 minute'""")
                        .query(Integer.class)
                        .single())
                .isPositive();
    }

    @Test
    void theCodeAllowsFiveTriesThenNoMore() {
        String cert = Samples.citizenId(1969);
        String phone = phone();
        var b = new PortalBrowser(port);
        String token = token(start(b, "PERSON", "黄河", cert, phone));
        String code = code(phone);
        String wrong = code.equals("123456") ? "654321" : "123456";
        for (int i = 0; i < PortalRegistrations.TRIES; i++) {
            assertThat(b.post(
                                    "/portal/register/code",
                                    Map.of("r", token, "code", wrong, "password", PASSWORD, "confirm", PASSWORD))
                            .status())
                    .isEqualTo(400);
        }
        var late = b.post(
                "/portal/register/code", Map.of("r", token, "code", code, "password", PASSWORD, "confirm", PASSWORD));
        assertThat(late.status()).isEqualTo(400);
        assertThat(late.body()).contains("验证码不正确或已失效");
        assertThat(accounts.find(PortalUser.Kind.PERSON, cert)).isEmpty();
    }

    @Test
    void badInputNamesItsFieldAndKeepsWhatWasTyped() {
        String good = Samples.citizenId(1980);
        String bad = good.substring(0, 17) + (good.charAt(17) == '1' ? '2' : '1');
        var b = new PortalBrowser(port);
        var r = start(b, "EMPLOYER", "", bad, "12345");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.body())
                .contains("name-error", "certNo-error", "phone-error")
                .contains("必填", "公民身份号码校验码错误", "应为 11 位手机号码")
                .contains("value=\"" + bad + "\"", "value=\"12345\"");
        b.get("/portal/register?lang=en");
        var en =
                b.post("/portal/register?lang=en", Map.of("kind", "PERSON", "name", "x", "certNo", good, "phone", "1"));
        assertThat(en.status()).isEqualTo(400);
        assertThat(en.body()).contains("Must be an 11-digit mobile phone number");

        var login = login(new PortalBrowser(port), bad, "", "");
        assertThat(login.status()).isEqualTo(400);
        assertThat(login.body()).contains("certNo-error", "password-error").contains("value=\"" + bad + "\"");
        var unknown = login(new PortalBrowser(port), good, PASSWORD, "");
        assertThat(unknown.status()).isEqualTo(401);
        assertThat(unknown.body()).contains("公民身份号码、密码或动态验证码不正确");
    }

    @Test
    void wrongPasswordsLockTheAccountAtThePolicysThreshold() {
        String cert = Samples.citizenId(1977);
        registered("马丽", cert, phone());
        long id = accounts.find(PortalUser.Kind.PERSON, cert).orElseThrow();
        for (int i = 1; i < credentials.lockoutThreshold(); i++) {
            assertThat(login(new PortalBrowser(port), cert, "Wrong#2026pw", "").status())
                    .isEqualTo(401);
        }
        var locking = login(new PortalBrowser(port), cert, "Wrong#2026pw", "");
        assertThat(locking.body()).contains("账户已锁定");
        var right = login(new PortalBrowser(port), cert, PASSWORD, "");
        assertThat(right.status())
                .as("the right password is not even checked while locked")
                .isEqualTo(401);
        assertThat(right.body()).contains("账户已锁定");
        assertThat(audit.forObject(AuditedObject.PORTAL_ACCOUNT, Long.toString(id)))
                .extracting(e -> e.operation() + "/" + e.result() + "/" + e.reason())
                .contains("LOCK/SUCCESS/null", "LOGIN/FAILURE/locked")
                .filteredOn(s -> s.equals("LOGIN/FAILURE/password wrong"))
                .hasSize(credentials.lockoutThreshold());
    }

    @Test
    void totpEnrolledIsAskedAtSignInAndEveryChangeIsAudited() {
        String cert = Samples.citizenId(1982);
        var b = registered("高远", cert, phone());
        long id = accounts.find(PortalUser.Kind.PERSON, cert).orElseThrow();
        var startPage = b.post("/portal/account/totp/start", Map.of());
        var m = SECRET.matcher(startPage.body());
        assertThat(m.find()).isTrue();
        String secret = m.group(1);
        var wrong = b.post(
                "/portal/account/totp",
                Map.of("secret", secret, "code", "000000".equals(credentials.totpCode(secret)) ? "111111" : "000000"));
        assertThat(wrong.status()).isEqualTo(400);
        assertThat(wrong.body()).contains("code-error");
        var enrolled = b.post("/portal/account/totp", Map.of("secret", secret, "code", credentials.totpCode(secret)));
        assertThat(enrolled.status()).isEqualTo(200);
        assertThat(enrolled.body()).contains("动态验证码已开通");

        assertThat(login(new PortalBrowser(port), cert, PASSWORD, "").status())
                .as("no code")
                .isEqualTo(401);
        // the enrolment used this time step; a later step's code is what the next sign-in sees
        jdbc.sql("update portal_account set totp_last_step = 0 where id = :a")
                .param("a", id)
                .update();
        var in = new PortalBrowser(port);
        // one code, sent twice: asking for "the current code" again could cross into the next 30-second step, whose
        // code is rightly accepted once more
        String code = credentials.totpCode(secret);
        assertThat(login(in, cert, PASSWORD, code).status()).isEqualTo(302);
        assertThat(login(new PortalBrowser(port), cert, PASSWORD, code).status())
                .as("a code works once")
                .isEqualTo(401);

        var refused = in.post("/portal/account/totp/remove", Map.of("currentPassword", "Wrong#2026pw"));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("currentPassword-error");
        assertThat(in.post("/portal/account/totp/remove", Map.of("currentPassword", PASSWORD))
                        .body())
                .contains("动态验证码已停用");

        var mismatch = in.post(
                "/portal/account/password",
                Map.of("currentPassword", PASSWORD, "newPassword", "Better#2027pw", "confirmPassword", "Other#2027pw"));
        assertThat(mismatch.status()).isEqualTo(400);
        assertThat(mismatch.body()).contains("confirmPassword-error");
        var changed = in.post(
                "/portal/account/password",
                Map.of(
                        "currentPassword",
                        PASSWORD,
                        "newPassword",
                        "Better#2027pw",
                        "confirmPassword",
                        "Better#2027pw"));
        assertThat(changed.status()).isEqualTo(200);
        assertThat(in.get("/portal/account").status())
                .as("a new session for this browser")
                .isEqualTo(200);
        assertThat(login(new PortalBrowser(port), cert, PASSWORD, "").status()).isEqualTo(401);
        assertThat(login(new PortalBrowser(port), cert, "Better#2027pw", "").status())
                .isEqualTo(302);
        assertThat(audit.forObject(AuditedObject.PORTAL_ACCOUNT, Long.toString(id)))
                .extracting(e -> e.operation())
                .contains("ENROL_TOTP", "RESET_TOTP", "CHANGE_PASSWORD");
    }

    @Test
    void aBurstOfSignInsForOneIdNumberIsRateLimitedAsForStaff() {
        String cert = Samples.citizenId(1961);
        int last = 0;
        for (int i = 0; i < 11; i++) {
            last = login(new PortalBrowser(port), cert, "Wrong#2026pw", "").status();
            if (last == 429) {
                break;
            }
            assertThat(last).isEqualTo(401);
        }
        assertThat(last)
                .as("the staff allowance: 10 sign-ins per account and minute")
                .isEqualTo(429);
    }
}
