package org.siarchive.portal;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.Cookie;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.siarchive.shared.Actor;
import org.siarchive.support.Axe;
import org.siarchive.support.BrowserTest;
import org.siarchive.support.Browsers;
import org.siarchive.support.Samples;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The online service's pages pass axe-core (issue 19, item 7): no serious or critical violation of WCAG 2.1 A/AA
 * on the sign-in page and on a person's and an employer agent's home, at 390 × 844 (menu folded and open) and at
 * 1440 × 900, in Chinese and in English; none scrolls sideways. The check itself fails on a page that breaks the
 * rules.
 */
class PortalAccessibilityJourneyTest extends BrowserTest {

    private static final List<int[]> VIEWPORTS = List.of(new int[] {390, 844}, new int[] {1440, 900});

    @Autowired
    PortalSessions sessions;

    @Autowired
    PortalAccounts portalAccounts;

    @Test
    void theSignInPageAndTheHomesHaveNoSeriousViolation() {
        String base = "http://127.0.0.1:" + port;
        long person = portalAccounts.ensure(
                PortalUser.Kind.PERSON, "诸葛明", Samples.citizenId(1975), "13800000001", Actor.SYSTEM);
        long agent = portalAccounts.ensure(
                PortalUser.Kind.EMPLOYER, "上官芳", Samples.citizenId(1982), "13800000002", Actor.SYSTEM);

        for (var v : VIEWPORTS) {
            for (String locale : List.of("zh-CN", "en-US")) {
                try (var ctx = browser.newContext(
                        new Browser.NewContextOptions().setLocale(locale).setViewportSize(v[0], v[1]))) {
                    var page = ctx.newPage();
                    page.navigate(base + "/portal/login" + (locale.startsWith("en") ? "?lang=en" : ""));
                    check(page, "login", v[0]);
                }
            }
            for (long account : List.of(person, agent)) {
                try (var ctx = browser.newContext(
                        new Browser.NewContextOptions().setLocale("zh-CN").setViewportSize(v[0], v[1]))) {
                    ctx.addCookies(List.of(new Cookie(PortalSessions.COOKIE, sessions.open(account, "127.0.0.1"))
                            .setDomain("127.0.0.1")
                            .setPath("/portal")
                            .setHttpOnly(true)));
                    var page = ctx.newPage();
                    page.navigate(base + "/portal");
                    assertThat(page.locator("#portal-welcome")).isVisible();
                    check(page, "home", v[0]);
                    if (v[0] < 768) {
                        assertThat(page.locator("#portal-menu")).isHidden();
                        page.click("#portal-nav-toggle");
                        assertThat(page.locator("#portal-menu.show")).isVisible();
                        assertThat(page.locator("#portal-nav-toggle")).hasAttribute("aria-expanded", "true");
                        check(page, "home-menu", v[0]);
                    }
                    page.navigate(base + "/portal?lang=en");
                    assertThat(page.locator("html")).hasAttribute("lang", "en");
                    check(page, "home-en", v[0]);
                }
            }
        }
    }

    @Test
    void theCheckFailsOnAPageThatBreaksTheRules() {
        try (var ctx = browser.newContext(new Browser.NewContextOptions().setViewportSize(390, 844))) {
            var page = ctx.newPage();
            page.navigate("http://127.0.0.1:" + port + "/portal/login");
            // an unlabelled field and light grey text on white: both serious under WCAG 2.1 AA
            page.evaluate(
                    "() => { const main = document.querySelector('main');"
                            + " main.insertAdjacentHTML('beforeend', '<input type=\"text\" id=\"bare\">"
                            + "<p id=\"faint\">浅灰文字</p>');"
                            // the page's CSP refuses style attributes in markup; the CSS object model is not refused
                            + " const p = document.getElementById('faint'); p.style.color = '#bbb'; p.style.background = '#fff'; }");
            var found = Axe.seriousViolations(page);
            assertThat(found).extracting(Axe.Violation::rule).contains("label", "color-contrast");
            assertThatThrownBy(() -> Axe.assertNoSeriousViolations(page))
                    .isInstanceOf(AssertionError.class)
                    .hasMessageContaining("#bare")
                    .hasMessageContaining("390 × 844");
        }
    }

    private static void check(Page page, String what, int width) {
        Axe.assertNoSeriousViolations(page);
        // the moderate and minor findings too, for the record (target/accessibility/portal.txt)
        var all = Axe.violations(page);
        try {
            var file = java.nio.file.Path.of("target", "accessibility", "portal.txt");
            java.nio.file.Files.createDirectories(file.getParent());
            java.nio.file.Files.writeString(
                    file,
                    what + " " + width + ": " + (all.isEmpty() ? "none" : Axe.report(page, all)) + "\n",
                    java.nio.file.StandardOpenOption.CREATE,
                    java.nio.file.StandardOpenOption.APPEND);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        @SuppressWarnings("unchecked")
        var m = (Map<String, Number>)
                page.evaluate("() => ({ scroll: document.documentElement.scrollWidth, inner: window.innerWidth })");
        assertThat(m.get("scroll").intValue())
                .as("%s at %d px scrolls sideways", what, width)
                .isLessThanOrEqualTo(m.get("inner").intValue());
        Browsers.screenshot(page, "portal-" + what + "-" + width);
    }
}
