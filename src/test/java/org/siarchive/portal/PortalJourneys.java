package org.siarchive.portal;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.siarchive.quality.CreditCode;
import org.siarchive.support.Axe;
import org.siarchive.support.Browsers;
import org.siarchive.support.OidcProvider;

/** What the portal's browser journeys share: the sign-in through the provider and the checks of each page. */
final class PortalJourneys {

    private PortalJourneys() {}

    /**
     * Signs in as a user would: the provider's button on {@code /portal/login} (after choosing {@code kind}), the
     * provider's own login form, back on the portal's home. No cookie is put by hand.
     */
    static void signInThroughTheProvider(Page page, String base, OidcProvider.User user, String kind, int width) {
        page.navigate(base + "/portal/login");
        check(page, "login-" + kind.toLowerCase(java.util.Locale.ROOT), width);
        page.check("EMPLOYER".equals(kind) ? "#oidc-kind-employer" : "#oidc-kind-person");
        page.click("#oidc-login");
        page.waitForURL(url -> url.startsWith(OidcProvider.shared().issuer() + "/login"));
        page.fill("#username", user.username());
        page.fill("#password", user.password());
        page.click("button[type=submit]");
        page.waitForURL(base + "/portal");
        assertThat(page.locator("#portal-welcome")).isVisible();
    }

    /**
     * axe-core finds no serious or critical violation, the page does not scroll sideways, and a screenshot is kept
     * ({@code target/screenshots/journey-<what>-<width>.png}).
     */
    static void check(Page page, String what, int width) {
        Axe.assertNoSeriousViolations(page);
        @SuppressWarnings("unchecked")
        var m = (Map<String, Number>)
                page.evaluate("() => ({ scroll: document.documentElement.scrollWidth, inner: window.innerWidth })");
        assertThat(m.get("scroll").intValue())
                .as("%s at %d px scrolls sideways (%s)", what, width, page.url())
                .isLessThanOrEqualTo(m.get("inner").intValue());
        Browsers.screenshot(page, "journey-" + what + "-" + width);
    }

    /** The bytes of the download a click on {@code selector} starts. */
    static byte[] download(Page page, String selector) {
        var d = page.waitForDownload(() -> page.click(selector));
        try {
            return Files.readAllBytes(d.path());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A random valid 统一社会信用代码 (GB 32100, with its GB 11714 organisation code). */
    static String creditCode() {
        String body8 = "%08d".formatted(ThreadLocalRandom.current().nextInt(100_000_000));
        String first17 = "91110105" + body8 + CreditCode.organisationCheckChar(body8);
        return first17 + CreditCode.checkChar(first17);
    }
}
