package org.siarchive.portal;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.Cookie;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.siarchive.shared.Actor;
import org.siarchive.support.BrowserTest;
import org.siarchive.support.Browsers;
import org.siarchive.support.Samples;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * 消息 on a phone (390 × 844) and a desktop (1440 × 900): the unread count beside the nav link as text, the
 * messages as cards without sideways scrolling (long codes wrap), one marked read from the keyboard, then all.
 */
class PortalNoticesJourneyTest extends BrowserTest {

    @Autowired
    PortalAccounts accounts;

    @Autowired
    PortalSessions sessions;

    @Autowired
    PortalNotices notices;

    @Autowired
    TransactionTemplate tx;

    private Page open(long account, int width, int height) {
        var context = browser.newContext(
                new Browser.NewContextOptions().setLocale("zh-CN").setViewportSize(width, height));
        context.addCookies(List.of(new Cookie(PortalSessions.COOKIE, sessions.open(account, "127.0.0.1"))
                .setDomain("127.0.0.1")
                .setPath("/portal")
                .setHttpOnly(true)));
        return context.newPage();
    }

    private static int scrollWidth(Page page) {
        return ((Number) page.evaluate("document.documentElement.scrollWidth")).intValue();
    }

    @Test
    void messagesOnAPhoneAndADesktop() {
        String base = "http://127.0.0.1:" + port;
        String run = Long.toString(System.nanoTime() % 1_000_000);
        long account =
                accounts.ensure(PortalUser.Kind.PERSON, "消息旅程" + run, Samples.citizenId(1975), null, Actor.SYSTEM);
        tx.executeWithoutResult(s -> {
            notices.notify(
                    account,
                    "portal.notice.submission.accepted",
                    List.of("WS" + run, "0101-WS·2026-Y-0001-ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"),
                    "j1-" + run);
            notices.notify(account, "portal.notice.certificate.ready", List.of("ZM" + run), "j2-" + run);
        });

        var phone = open(account, 390, 844);
        phone.navigate(base + "/portal");
        phone.click("#portal-nav-toggle");
        assertThat(phone.locator("#portal-unread")).hasText("2 条未读");
        phone.click("a[href='/portal/notifications']");
        phone.waitForURL("**/portal/notifications");
        assertThat(phone.locator("#notices > li")).hasCount(2);
        assertThat(phone.locator("#notices > li").first()).containsText("您的档案证明 ZM" + run + " 已开具");
        assertThat(phone.locator("#notices > li").first().locator(".portal-notice-state"))
                .hasText("未读");
        org.assertj.core.api.Assertions.assertThat(scrollWidth(phone))
                .as("no sideways scrolling at 390 px")
                .isLessThanOrEqualTo(390);
        Browsers.screenshot(phone, "portal-notices-390");

        // the keyboard alone: focus the first card's button, press Enter
        phone.locator("#notices > li").first().locator("button").focus();
        phone.keyboard().press("Enter");
        phone.waitForURL("**/portal/notifications?page=0");
        assertThat(phone.locator("#notices-unread")).hasText("未读 1 条");
        assertThat(phone.locator("#notices > li").first().locator(".portal-notice-state"))
                .hasText("已读");

        var desk = open(account, 1440, 900);
        desk.navigate(base + "/portal/notifications");
        assertThat(desk.locator("#portal-unread")).hasText("1 条未读");
        org.assertj.core.api.Assertions.assertThat(scrollWidth(desk)).isLessThanOrEqualTo(1440);
        desk.click("#notices-read-all");
        desk.waitForURL("**/portal/notifications");
        assertThat(desk.locator("#portal-unread")).hasCount(0);
        assertThat(desk.locator("#notices-unread")).hasText("未读 0 条");
        assertThat(desk.locator("#notices-read-all")).hasCount(0);
        Browsers.screenshot(desk, "portal-notices-1440");
    }
}
