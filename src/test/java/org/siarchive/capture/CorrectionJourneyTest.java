package org.siarchive.capture;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.siarchive.organisation.Organisations;
import org.siarchive.security.Accounts;
import org.siarchive.security.Role;
import org.siarchive.security.TestAccounts;
import org.siarchive.shared.Actor;
import org.siarchive.support.BrowserTest;
import org.siarchive.support.Browsers;
import org.siarchive.support.Samples;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * In Chromium (zh-CN): an archivist opens 修改著录 on an item page, is told beside the field that the reason
 * is missing (the new title kept), gives it, and sees 版本 2, the new title and the correction in the history.
 */
class CorrectionJourneyTest extends BrowserTest {

    @Autowired
    Accounts accounts;

    @Autowired
    Organisations organisations;

    @Autowired
    Captures captures;

    @Test
    void anArchivistCorrectsAnItemsTitleAndSeesVersionTwo() {
        String run = Integer.toString(ThreadLocalRandom.current().nextInt(100_000, 999_999));
        var archivist = TestAccounts.create(
                accounts, "zhulu" + run, organisations.root().id(), Set.of(Role.ARCHIVIST), 3, false);
        var item = captures.capture(
                        Samples.personEnrolment(Samples.acceptanceNo(), Samples.citizenId(1971), "更正" + run),
                        List.of(
                                Upload.ofBytes("a.pdf", Samples.pdf("correction " + run)),
                                Upload.ofBytes("b.pdf", Samples.pdf("id " + run))),
                        null,
                        Actor.SYSTEM)
                .item();
        String base = "http://127.0.0.1:" + port;
        Page page = browser.newContext(new Browser.NewContextOptions().setLocale("zh-CN"))
                .newPage();
        Browsers.login(page, base, archivist.username(), archivist.password(), () -> "");

        page.navigate(base + "/items/" + item.id());
        assertThat(page.locator("#object-version")).hasText("版本 1");
        page.click("#correct-item");
        assertThat(page.locator("h1")).hasText("修改著录");
        String title = "参保人员增员表（更正" + run + "）";
        page.fill("#title", title);
        page.click("#correction-submit");
        // the reason is missing: the error beside the field, the typed title kept, nothing written
        assertThat(page.locator("#form-errors")).isVisible();
        assertThat(page.locator("#reason-error")).isVisible();
        assertThat(page.locator("#reason")).hasClass(java.util.regex.Pattern.compile("is-invalid"));
        assertThat(page.locator("#title")).hasValue(title);
        Browsers.screenshot(page, "correction-refused");

        page.fill("#reason", "题名按原件更正");
        page.click("#correction-submit");
        page.waitForURL("**/items/" + item.id());
        assertThat(page.locator("#flash")).containsText("版本 2");
        assertThat(page.locator("h1")).hasText(title);
        assertThat(page.locator("#object-version")).hasText("版本 2");
        var history = page.locator("#correction-history tbody tr");
        assertThat(history).hasCount(1);
        assertThat(history.first()).containsText("版本 2");
        assertThat(history.first()).containsText("题名按原件更正");
        assertThat(history.first()).containsText(item.title());
        assertThat(history.first()).containsText(title);
        assertThat(history.first()).containsText(TestAccounts.displayName(archivist.username()));
        Browsers.screenshot(page, "correction-saved");

        page.setViewportSize(390, 844);
        page.reload();
        assertThat(page.locator("#correct-item")).isVisible();
        Browsers.screenshot(page, "correction-saved-390");
    }
}
