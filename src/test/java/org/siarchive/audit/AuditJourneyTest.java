package org.siarchive.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.siarchive.capture.Captures;
import org.siarchive.capture.Upload;
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
 * In Chromium, in Chinese: a reader opens an item; the security auditor (password and TOTP) chooses 查看
 * from the 操作 drop-down and finds the reader's view of the item by its 档号, then 拒绝 from the 结果
 * drop-down and finds the reader's refused visit to the audit log, at phone width too.
 */
class AuditJourneyTest extends BrowserTest {

    @Autowired
    Accounts accounts;

    @Autowired
    Organisations organisations;

    @Autowired
    Captures captures;

    @Test
    void theAuditorFiltersTheLogByViewFromTheChineseDropDown() {
        String run = Integer.toString(ThreadLocalRandom.current().nextInt(100_000, 999_999));
        long root = organisations.root().id();
        var reader = TestAccounts.create(accounts, "kan" + run, root, Set.of(Role.READER), 3, false);
        var auditor = TestAccounts.create(accounts, "cha" + run, root, Set.of(Role.AUDITOR), 3, true);
        var item = captures.capture(
                        Samples.personEnrolment(Samples.acceptanceNo(), Samples.citizenId(1982), "审计旅程"),
                        List.of(
                                Upload.ofBytes("a.png", Samples.png(Long.parseLong(run))),
                                Upload.ofBytes("b.pdf", Samples.pdf("journey " + run))),
                        null,
                        Actor.SYSTEM)
                .item();
        String base = "http://127.0.0.1:" + port;
        var zh = new Browser.NewContextOptions().setLocale("zh-CN");

        // a reader opens the item, and tries the audit log
        try (var ctx = browser.newContext(zh)) {
            var page = ctx.newPage();
            Browsers.login(page, base, reader.username(), reader.password(), reader.codes());
            page.navigate(base + "/items/" + item.id());
            assertThat(page.content()).contains(item.archiveCode());
            assertThat(page.navigate(base + "/audit").status()).isEqualTo(403);
        }

        // the auditor chooses 查看 by its Chinese label
        try (var ctx = browser.newContext(zh)) {
            var page = ctx.newPage();
            Browsers.login(page, base, auditor.username(), auditor.password(), auditor.codes());
            page.navigate(base + "/audit");
            page.selectOption("#operation", new com.microsoft.playwright.options.SelectOption().setLabel("查看"));
            page.fill("#actor", reader.username());
            page.click("#audit-search");
            page.waitForURL(u -> u.contains("operation=READ"));
            var rows = page.locator("#audit-entries tbody tr");
            assertThat(rows.count()).isGreaterThanOrEqualTo(1);
            var first = rows.first();
            assertThat(first.locator(".audit-operation").textContent()).isEqualTo("查看");
            assertThat(first.locator(".audit-object").textContent()).isEqualTo(item.archiveCode());
            assertThat(first.locator(".audit-result").textContent()).isEqualTo("成功");
            assertThat(page.locator("#operation option:checked").textContent()).isEqualTo("查看");
            Browsers.screenshot(page, "audit-view-filter");

            // and 拒绝 from the result drop-down shows the refused visit
            page.selectOption("#operation", "");
            page.selectOption("#result", new com.microsoft.playwright.options.SelectOption().setLabel("拒绝"));
            page.click("#audit-search");
            page.waitForURL(u -> u.contains("result=DENIED"));
            assertThat(page.locator("#audit-entries .audit-detail").allTextContents())
                    .contains("无权访问 GET /audit");
            assertThat(page.locator("#export-xlsx").textContent()).isEqualTo("导出 Excel");

            // the page works at phone width: the table scrolls inside its frame, the filter and buttons wrap
            page.setViewportSize(390, 844);
            page.reload();
            Browsers.screenshot(page, "audit-denied-390");
            // (the layout's own bar is the portal's concern; this page's filter, buttons and table must fit)
            assertThat(page.evaluate("[...document.querySelectorAll('#audit-filter *, #verify-chain, #audit-entries')]"
                            + ".filter(e => e.getBoundingClientRect().right > window.innerWidth + 1"
                            + " && !e.closest('.table-responsive'))"
                            + ".map(e => e.tagName + '#' + e.id).join(' ')"))
                    .as("elements of the audit page wider than 390 px")
                    .isEqualTo("");
        }
    }
}
