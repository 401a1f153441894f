package org.siarchive.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.siarchive.capture.Captures;
import org.siarchive.capture.Upload;
import org.siarchive.organisation.Organisations;
import org.siarchive.security.Accounts;
import org.siarchive.security.Role;
import org.siarchive.security.TestAccounts;
import org.siarchive.shared.Actor;
import org.siarchive.support.ApiClient;
import org.siarchive.support.Axe;
import org.siarchive.support.BrowserTest;
import org.siarchive.support.Browsers;
import org.siarchive.support.Samples;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The staff console on a phone (issue 19, item 6): an archivist with data in the archive opens the main pages —
 * home, capture, search with results, the item, the person's file (一人一档), lending — at 390 × 844 and at
 * 1440 × 900, and none scrolls sideways; below 768 px the menu opens from its toggle and tables read as cards
 * (each cell labelled with its column); axe-core finds no serious or critical violation on any of them.
 */
class PhoneConsoleJourneyTest extends BrowserTest {

    private static final String DIGITS = "甲乙丙丁戊己庚辛壬癸";

    /** The element sticking out furthest past the right edge, for a readable failure. */
    private static final String WIDEST =
            """
            () => {
              let worst = null, right = window.innerWidth;
              for (const e of document.querySelectorAll('body *')) {
                const r = e.getBoundingClientRect();
                if (r.width > 0 && r.right > right + 0.5) { right = r.right; worst = e; }
              }
              if (!worst) return '';
              const id = worst.id ? '#' + worst.id : '';
              const cls = worst.className && typeof worst.className === 'string' ? '.' + worst.className.trim().split(/\\s+/).join('.') : '';
              return worst.tagName.toLowerCase() + id + cls + ' right=' + Math.round(right);
            }""";

    @Autowired
    Accounts accounts;

    @Autowired
    Organisations organisations;

    @Autowired
    Captures captures;

    @Test
    void theMainPagesFitAPhoneAndADesktopWithoutScrollingSideways() throws Exception {
        String run = Integer.toString(ThreadLocalRandom.current().nextInt(100_000, 999_999));
        String name = "欧阳"
                + run.chars()
                        .mapToObj(c -> String.valueOf(DIGITS.charAt(c - '0')))
                        .reduce("", String::concat);
        var item = captures.capture(
                        Samples.personEnrolment(Samples.acceptanceNo(), Samples.citizenId(1968), name),
                        List.of(
                                Upload.ofBytes("增员表.png", Samples.png(run.hashCode())),
                                Upload.ofBytes("身份证.pdf", Samples.pdf("phone " + run))),
                        null,
                        Actor.SYSTEM)
                .item();
        String code = item.archiveCode();
        long root = organisations.root().id();
        var archivist = TestAccounts.create(accounts, "ph" + run, root, Set.of(Role.ARCHIVIST), 3, true);
        var clerk = TestAccounts.create(accounts, "pc" + run, root, Set.of(Role.CLERK), 2, false);
        String base = "http://127.0.0.1:" + port;
        String byName = "/search?name=" + URLEncoder.encode(name, StandardCharsets.UTF_8);
        var api = new ApiClient(port);
        Awaitility.await()
                .atMost(Duration.ofSeconds(180))
                .pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> assertThat(new String(
                                api.get("/api/v1/search?size=10&name="
                                                + URLEncoder.encode(name, StandardCharsets.UTF_8))
                                        .body(),
                                StandardCharsets.UTF_8))
                        .contains(code));

        try (var ctx = browser.newContext(
                new Browser.NewContextOptions().setLocale("zh-CN").setViewportSize(390, 844))) {
            var page = ctx.newPage();
            Browsers.login(page, base, archivist.username(), archivist.password(), archivist.codes());

            // the menu is folded on a phone and opens from its toggle, by keyboard too: 跳到正文, the brand, 菜单
            page.navigate(base + "/");
            assertThat(page.locator("#nav-menu")).isHidden();
            assertThat(page.locator("#nav-toggle")).hasAttribute("aria-expanded", "false");
            page.keyboard().press("Tab");
            assertThat(page.locator("#skip-link")).isFocused();
            assertThat(page.locator("#skip-link")).hasText("跳到正文");
            page.keyboard().press("Tab");
            page.keyboard().press("Tab");
            assertThat(page.locator("#nav-toggle")).isFocused();
            page.keyboard().press("Enter");
            assertThat(page.locator("#nav-menu.show")).isVisible();
            assertThat(page.locator("#nav-toggle")).hasAttribute("aria-expanded", "true");
            assertThat(page.locator("#nav-menu a[href='/search']")).isVisible();
            noSidewaysScroll(page, "menu open");
            Axe.assertNoSeriousViolations(page);
            page.click("#nav-toggle");
            assertThat(page.locator("#nav-menu")).isHidden();

            var pages = new LinkedHashMap<String, String>();
            pages.put("home", "/");
            pages.put("capture", "/capture");
            pages.put("search", byName);
            page.navigate(base + byName);
            page.waitForSelector("#search-results tr.hit");
            page.click("#search-results tr.hit td.code a");
            page.waitForSelector("#archive-code");
            pages.put("item", path(page.url(), base));
            String person = page.locator("#person-link").getAttribute("href");
            pages.put("person", person);
            pages.put("physical lending", "/lending/physical");
            pages.put("use register", "/lending/register");

            for (var viewport : List.of(new int[] {390, 844}, new int[] {1440, 900})) {
                page.setViewportSize(viewport[0], viewport[1]);
                for (var p : pages.entrySet()) {
                    page.navigate(base + p.getValue());
                    page.waitForLoadState();
                    noSidewaysScroll(page, p.getKey());
                    Axe.assertNoSeriousViolations(page);
                    Browsers.screenshot(page, "phone-console-" + p.getKey().replace(' ', '-') + "-" + viewport[0]);
                }
            }

            // below 768 px a table reads as cards: each cell carries its column's name
            page.setViewportSize(390, 844);
            page.navigate(base + byName);
            var hit = page.locator("#search-results tr.hit").first();
            assertThat(hit.locator("td.code")).hasAttribute("data-label", "档号");
            assertThat(hit.locator("td.code a")).hasText(code);
            var row = hit.boundingBox();
            var cell = hit.locator("td.code").boundingBox();
            assertThat(cell.width).as("a cell spans its card").isGreaterThan(row.width * 0.8);
            assertThat((String) hit.locator("td.code").evaluate("e => getComputedStyle(e, '::before').content"))
                    .contains("档号");
            page.navigate(base + person);
            var partyItem = page.locator("#party-items tr.party-item").first();
            assertThat(partyItem).containsText(code);
            assertThat(partyItem.locator("td").first())
                    .hasAttribute("data-label", java.util.regex.Pattern.compile(".+"));
            // at a desktop width the same table is a table again
            page.setViewportSize(1440, 900);
            assertThat((String) partyItem.locator("td").first().evaluate("e => getComputedStyle(e).display"))
                    .isEqualTo("table-cell");
        }

        try (var ctx = browser.newContext(
                new Browser.NewContextOptions().setLocale("zh-CN").setViewportSize(390, 844))) {
            var page = ctx.newPage();
            Browsers.login(page, base, clerk.username(), clerk.password(), clerk.codes());
            page.navigate(base + "/lending?archiveCodes=" + URLEncoder.encode(code, StandardCharsets.UTF_8));
            noSidewaysScroll(page, "lending");
            Axe.assertNoSeriousViolations(page);
            Browsers.screenshot(page, "phone-console-lending-390");
            page.setViewportSize(1440, 900);
            noSidewaysScroll(page, "lending");
        }
    }

    /**
     * Beyond the main pages: every page of the menu of each kind of staff user, at 390 × 844, does not scroll
     * sideways and axe-core finds no serious or critical violation (all of them listed, readably, in
     * {@code target/accessibility/console-menu.txt} when it does).
     */
    @Test
    void everyPageOfTheMenuFitsAPhone() throws Exception {
        String run = Integer.toString(ThreadLocalRandom.current().nextInt(100_000, 999_999));
        long root = organisations.root().id();
        String base = "http://127.0.0.1:" + port;
        var findings = new ArrayList<String>();
        var visited = new java.util.TreeSet<String>();
        for (var role :
                List.of(Role.ARCHIVIST, Role.CLERK, Role.APPROVER, Role.SYSADMIN, Role.SECADMIN, Role.AUDITOR)) {
            var login = TestAccounts.create(
                    accounts, "pm" + role.name().toLowerCase(java.util.Locale.ROOT) + run, root, Set.of(role), 3, true);
            try (var ctx = browser.newContext(
                    new Browser.NewContextOptions().setLocale("zh-CN").setViewportSize(390, 844))) {
                var page = ctx.newPage();
                Browsers.login(page, base, login.username(), login.password(), login.codes());
                page.navigate(base + "/account");
                @SuppressWarnings("unchecked")
                var links = (List<String>)
                        page.evaluate(
                                "() => [...document.querySelectorAll('#nav-menu a.nav-link')].map(a => a.getAttribute('href'))");
                assertThat(links).as(role + "'s menu").isNotEmpty();
                for (String link : links) {
                    if (!visited.add(link)) {
                        continue;
                    }
                    page.navigate(base + link);
                    page.waitForLoadState();
                    noSidewaysScroll(page, link + " (" + role + ")");
                    var found = Axe.seriousViolations(page);
                    if (!found.isEmpty()) {
                        findings.add(link + " (" + role + "): " + Axe.report(page, found));
                    }
                }
            }
        }
        var file = java.nio.file.Path.of("target", "accessibility", "console-menu.txt");
        java.nio.file.Files.createDirectories(file.getParent());
        java.nio.file.Files.writeString(
                file,
                "axe-core " + Axe.version() + ", 390 × 844, " + visited.size() + " pages: " + visited + "\n\n"
                        + (findings.isEmpty() ? "no serious or critical violation\n" : String.join("\n\n", findings)));
        assertThat(findings).as("axe-core on the menu's pages").isEmpty();
    }

    private static void noSidewaysScroll(Page page, String what) {
        @SuppressWarnings("unchecked")
        var m = (Map<String, Number>)
                page.evaluate("() => ({ scroll: document.documentElement.scrollWidth, inner: window.innerWidth })");
        int inner = m.get("inner").intValue();
        assertThat(m.get("scroll").intValue())
                .as("%s at %d px scrolls sideways; widest: %s", what, inner, page.evaluate(WIDEST))
                .isLessThanOrEqualTo(inner);
    }

    private static String path(String url, String base) {
        return url.startsWith(base) ? url.substring(base.length()) : url;
    }
}
