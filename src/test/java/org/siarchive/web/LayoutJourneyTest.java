package org.siarchive.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.siarchive.organisation.Organisations;
import org.siarchive.security.Accounts;
import org.siarchive.security.Role;
import org.siarchive.security.TestAccounts;
import org.siarchive.support.BrowserTest;
import org.siarchive.support.Browsers;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The console's frame (issue 14): 退出 ends the top bar on a desktop and ends the menu on a phone; the
 * favicon is served to anyone, and nothing else became public with it.
 */
class LayoutJourneyTest extends BrowserTest {

    @Autowired
    Accounts accounts;

    @Autowired
    Organisations organisations;

    @Test
    void logoutEndsTheBarOnADesktopAndTheMenuOnAPhone() {
        String base = "http://127.0.0.1:" + port;
        var clerk = TestAccounts.create(
                accounts,
                "layout" + System.nanoTime() % 100000,
                organisations.root().id(),
                Set.of(Role.CLERK),
                2,
                false);

        var desktop = browser.newContext(
                        new Browser.NewContextOptions().setLocale("zh-CN").setViewportSize(1440, 900))
                .newPage();
        Browsers.login(desktop, base, clerk.username(), clerk.password(), () -> "");
        desktop.navigate(base + "/capture");
        assertThat(desktop.locator("#logout")).isVisible();
        assertThat(desktop.locator("#logout")).hasText("退出");
        var bar = desktop.locator(".topbar").boundingBox();
        var logout = desktop.locator("#logout").boundingBox();
        var lang = desktop.locator("#lang-switch").boundingBox();
        assertThat(logout.x + logout.width).as("退出 at the right end of the bar").isGreaterThan(bar.x + bar.width - 60);
        assertThat(logout.x).as("after the language switch").isGreaterThan(lang.x);
        assertThat(desktop.locator("#nav-menu")).isVisible();
        assertThat(desktop.locator("#logout-menu")).isHidden();
        assertThat(desktop.locator("link[rel=icon]")).hasAttribute("href", "/favicon.svg");
        Browsers.screenshot(desktop, "layout-1440");

        var phone = browser.newContext(
                        new Browser.NewContextOptions().setLocale("zh-CN").setViewportSize(390, 844))
                .newPage();
        Browsers.login(phone, base, clerk.username(), clerk.password(), () -> "");
        phone.navigate(base + "/capture");
        assertThat(phone.locator("#logout")).isHidden();
        assertThat(phone.locator("#nav-menu")).isHidden();
        phone.click("#nav-toggle");
        assertThat(phone.locator("#nav-menu")).isVisible();
        assertThat(phone.locator("#nav-menu > li").last()).containsText("退出");
        assertThat(phone.locator("#logout-menu")).isVisible();
        assertThat(phone.locator("#nav-menu.collapsing")).hasCount(0);
        assertThat(phone.locator("#nav-menu.show")).isVisible();
        var first = phone.locator("#nav-menu > li").first().boundingBox();
        var last = phone.locator("#nav-menu > li").last().boundingBox();
        assertThat(last.y).as("the phone menu is a column, 退出 at its foot").isGreaterThan(first.y + first.height * 3);
        Number scroll = (Number) phone.evaluate("document.documentElement.scrollWidth");
        assertThat(scroll.intValue()).as("no sideways scrolling at 390 px").isLessThanOrEqualTo(390);
        Browsers.screenshot(phone, "layout-390-menu");
        phone.click("#logout-menu");
        phone.waitForURL("**/login**");
    }

    @Test
    void theFaviconIsPublicAndNothingElseBecameSo() throws Exception {
        var http = HttpClient.newHttpClient();
        String base = "http://127.0.0.1:" + port;
        var icon = http.send(
                HttpRequest.newBuilder(URI.create(base + "/favicon.svg")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(icon.statusCode()).isEqualTo(200);
        assertThat(icon.headers().firstValue("Content-Type").orElse("")).startsWith("image/svg+xml");
        assertThat(icon.body()).startsWith("<svg");
        var post = http.send(
                HttpRequest.newBuilder(URI.create(base + "/favicon.svg"))
                        .POST(HttpRequest.BodyPublishers.noBody())
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(post.statusCode()).isNotEqualTo(200);
        var capture = http.send(
                HttpRequest.newBuilder(URI.create(base + "/capture")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(capture.statusCode()).isIn(302, 401, 403);
    }
}
