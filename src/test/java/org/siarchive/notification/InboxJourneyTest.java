package org.siarchive.notification;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Browser;
import java.util.List;
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
 * The bell and the 通知 page on a phone (390 px): the bell in the top bar shows the unread count (loaded by htmx),
 * leads to the page, whose table scrolls inside itself (no sideways scrolling of the page), and marking all read
 * empties the bell.
 */
class InboxJourneyTest extends BrowserTest {

    @Autowired
    Accounts accounts;

    @Autowired
    Organisations organisations;

    @Autowired
    Notifications notifications;

    @Test
    void theBellLeadsToTheInboxOnAPhone() {
        String base = "http://127.0.0.1:" + port;
        String name = "ntj" + System.nanoTime() % 1_000_000;
        var clerk = TestAccounts.create(accounts, name, organisations.root().id(), Set.of(Role.CLERK), 1, false);
        for (int i = 1; i <= 2; i++) {
            notifications.notify(
                    List.of(clerk.username()),
                    new Message(
                            NotificationKind.RECTIFICATION_DUE,
                            "journey-" + name + "-" + i,
                            "notification.message.rectificationDue",
                            List.of("2026-12-0" + i),
                            "库房温湿度记录不全，需要补齐近三个月的记录并整改到位" + i,
                            "/supervision/rectifications"));
        }

        var phone = browser.newContext(
                        new Browser.NewContextOptions().setLocale("zh-CN").setViewportSize(390, 844))
                .newPage();
        Browsers.login(phone, base, clerk.username(), clerk.password(), () -> "");
        phone.navigate(base + "/capture");
        assertThat(phone.locator("#notification-count")).hasText("2");
        phone.click("#notification-bell");
        phone.waitForURL("**/notifications");
        assertThat(phone.locator("#notifications tbody tr")).hasCount(2);
        assertThat(phone.locator("#notifications")).containsText("整改事项将于 2026-12-02 到期");
        Number scroll = (Number) phone.evaluate("document.documentElement.scrollWidth");
        org.assertj.core.api.Assertions.assertThat(scroll.intValue())
                .as("no sideways scrolling at 390 px")
                .isLessThanOrEqualTo(390);
        Browsers.screenshot(phone, "notifications-390");
        phone.click("#read-all");
        phone.waitForURL("**/notifications");
        assertThat(phone.locator("#notification-count")).hasCount(0);
        assertThat(phone.locator("#unread-count")).hasText("0");
    }
}
