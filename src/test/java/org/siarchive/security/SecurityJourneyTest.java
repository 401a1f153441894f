package org.siarchive.security;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.siarchive.capture.Captures;
import org.siarchive.capture.Upload;
import org.siarchive.organisation.Organisations;
import org.siarchive.shared.Actor;
import org.siarchive.support.BrowserTest;
import org.siarchive.support.Browsers;
import org.siarchive.support.Samples;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * In Chromium: an approver logs in with password and TOTP, finds a person whose ID number is shown
 * masked, unmasks it with a typed reason; the auditor then sees that reason in the audit trail. And
 * five wrong passwords lock an account.
 */
class SecurityJourneyTest extends BrowserTest {

    @Autowired
    Accounts accounts;

    @Autowired
    Organisations organisations;

    @Autowired
    Captures captures;

    @Test
    void totpLoginMaskedIdUnmaskWithReasonSeenByTheAuditor() {
        String run = Integer.toString(ThreadLocalRandom.current().nextInt(100_000, 999_999));
        long root = organisations.root().id();
        var approver = TestAccounts.create(accounts, "shen" + run, root, Set.of(Role.APPROVER), 3, true);
        var auditor = TestAccounts.create(accounts, "audit" + run, root, Set.of(Role.AUDITOR), 1, true);
        String cert = Samples.citizenId(1975);
        captures.capture(
                Samples.personEnrolment(
                        "0001", "2", Samples.acceptanceNo(), cert, "孙立", "13912345678", "6222020200112233445"),
                List.of(
                        Upload.ofBytes("a.png", Samples.png(run.hashCode())),
                        Upload.ofBytes("b.pdf", Samples.pdf(run))),
                null,
                Actor.SYSTEM);
        String base = "http://127.0.0.1:" + port;

        var page = browser.newContext().newPage();
        Browsers.login(page, base, approver.username(), approver.password(), () -> "");
        assertThat(page.locator("h1")).hasText("动态口令");
        page.fill("#code", TestAccounts.code(approver.totpSecret()));
        page.click("#totp-submit");
        assertThat(page.locator("h1")).hasText("首页");

        page.navigate(base + "/persons");
        page.fill("#key", cert);
        page.click("#lookup-submit");
        assertThat(page.locator("#party")).containsText("孙立");
        String masked = cert.substring(0, 6) + "********" + cert.substring(14);
        assertThat(page.locator("#party-key")).hasText(masked);
        assertThat(page.locator("#party-phone")).hasText("139****5678");
        assertThat(page.content()).doesNotContain(cert);
        Browsers.screenshot(page, "person-masked");

        String reason = "核对养老待遇资格" + run;
        page.fill("#unmask-reason", reason);
        page.click("#unmask-button");
        assertThat(page.locator("#party-key")).hasText(cert);
        assertThat(page.locator("#party-bank")).hasText("6222020200112233445");
        assertThat(page.locator("#unmasked-note")).containsText(reason);
        assertThat(page.url()).doesNotContain(cert);
        Browsers.screenshot(page, "person-unmasked");

        var audit = browser.newContext().newPage();
        Browsers.login(audit, base, auditor.username(), auditor.password(), auditor.codes());
        audit.navigate(base + "/audit?operation=UNMASK&actor=" + approver.username());
        assertThat(audit.locator("#audit-entries")).containsText(reason);
        assertThat(audit.locator("#audit-entries")).containsText(approver.username());
        assertThat(audit.locator("#audit-entries")).not().containsText(cert);
        Browsers.screenshot(audit, "auditor-sees-unmask");
        audit.click("#verify-chain");
        assertThat(audit.locator("#verify-result")).containsText("审计链完整");
    }

    @Test
    void fiveWrongPasswordsLockTheAccount() {
        String run = Integer.toString(ThreadLocalRandom.current().nextInt(100_000, 999_999));
        var reader =
                TestAccounts.create(accounts, "lock" + run, organisations.root().id(), Set.of(Role.READER), 2, false);
        String base = "http://127.0.0.1:" + port;
        var page = browser.newContext().newPage();
        for (int i = 1; i <= 5; i++) {
            Browsers.login(page, base, reader.username(), "Wrong-pass-" + i, () -> "");
            assertThat(page.locator("#login-error")).isVisible();
        }
        assertThat(page.locator("#login-error")).containsText("已锁定");
        Browsers.login(page, base, reader.username(), reader.password(), () -> "");
        assertThat(page.locator("#login-error")).containsText("已锁定");
        assertThat(page.url()).contains("error=locked");
        Browsers.screenshot(page, "locked");
    }
}
