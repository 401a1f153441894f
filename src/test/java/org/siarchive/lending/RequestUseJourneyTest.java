package org.siarchive.lending;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.siarchive.capture.Captures;
import org.siarchive.capture.Upload;
import org.siarchive.catalog.ArchiveCodeInput;
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
 * In Chromium, zh-CN (issue 14): a reader finds an item by a 档号 typed with a hyphen, opens it, clicks
 * 申请利用, submits without a purpose (the error beside 目的, the 档号 kept), then succeeds; the approver opens
 * the requested item from the request, approves step 1 and sees that step 2 awaits someone else.
 */
class RequestUseJourneyTest extends BrowserTest {

    @Autowired
    Accounts accounts;

    @Autowired
    Organisations organisations;

    @Autowired
    Captures captures;

    private final Browser.NewContextOptions zhCn = new Browser.NewContextOptions().setLocale("zh-CN");

    @Test
    void readerRequestsFromTheItemPageAndTheApproverDecidesStepOne() {
        String run = Integer.toString(ThreadLocalRandom.current().nextInt(100_000, 999_999));
        long root = organisations.root().id();
        var reader = TestAccounts.create(accounts, "yong" + run, root, Set.of(Role.READER), 2, false);
        var approver = TestAccounts.create(accounts, "shen" + run, root, Set.of(Role.APPROVER), 3, true);
        var item = captures.capture(
                        Samples.personEnrolment(
                                "0001",
                                "2",
                                Samples.acceptanceNo(),
                                Samples.citizenId(1968),
                                "申请利用",
                                "13912345678",
                                null),
                        List.of(
                                Upload.ofBytes("a.png", Samples.png(Long.parseLong(run))),
                                Upload.ofBytes("b.pdf", Samples.pdf("journey " + run))),
                        null,
                        Actor.SYSTEM)
                .item();
        String code = item.archiveCode();
        String key = ArchiveCodeInput.key(code); // 0001-SB-2025-D100-01-GRCB-0002
        String typed = key.substring(key.lastIndexOf('-', key.lastIndexOf('-') - 1) + 1); // GRCB-0002
        String base = "http://127.0.0.1:" + port;

        long requestId;
        try (var ctx = browser.newContext(zhCn)) {
            var page = ctx.newPage();
            Browsers.login(page, base, reader.username(), reader.password(), reader.codes());
            page.navigate(base + "/search");
            page.fill("#q", typed);
            page.click("#search-submit");
            var hit = page.locator("#results a:text-is('" + code + "')");
            for (int i = 0; i < 40 && hit.count() == 0; i++) { // the index follows the capture's event
                page.waitForTimeout(250);
                page.reload();
            }
            hit.click();
            page.waitForSelector("#request-use");
            assertThat(page.textContent("#archive-code").strip()).isEqualTo(code);
            page.click("#request-use");
            page.waitForSelector("#request-form");
            assertThat(page.inputValue("#archiveCodes")).isEqualTo(code);

            page.selectOption("#purposeCode", "QUERY");
            page.click("#request-submit"); // no purpose
            page.waitForSelector("#purpose-error");
            assertThat(page.textContent("#purpose-error")).contains("必填");
            assertThat(page.isVisible("#form-errors")).isTrue();
            assertThat(page.inputValue("#archiveCodes")).as("the 档号 kept").isEqualTo(code);
            assertThat(page.getAttribute("#purpose", "class")).contains("is-invalid");
            Browsers.screenshot(page, "lending-request-missing-purpose");

            page.fill("#archiveCodes", code.replace('·', '-').toLowerCase()); // as people type it
            page.fill("#purpose", "核对参保登记材料");
            page.click("#request-submit");
            page.waitForSelector("#request-status");
            assertThat(page.textContent("#request-status")).isEqualTo("待审批");
            assertThat(page.textContent("#request-step")).isEqualTo("第 1 步/共 2 步");
            assertThat(page.textContent("#request-next")).isEqualTo("待审批人审批");
            assertThat(page.textContent("#request-items")).contains(code, item.title(), "内部");
            requestId = Long.parseLong(page.url().substring(page.url().lastIndexOf('/') + 1));
        }

        try (var ctx = browser.newContext(zhCn)) {
            var page = ctx.newPage();
            Browsers.login(page, base, approver.username(), approver.password(), approver.codes());
            page.navigate(base + "/lending");
            assertThat(page.textContent("#awaiting")).contains("第 1 步/共 2 步");
            page.click("#awaiting a:text-is('" + requestId + "')");
            page.waitForSelector("#request-items");
            assertThat(page.textContent("#request-items .item-title")).isEqualTo(item.title());
            assertThat(page.textContent("#request-items .item-level")).isEqualTo("内部");
            page.click("#request-items .open-item");
            page.waitForSelector("#archive-code");
            assertThat(page.textContent("#archive-code").strip()).isEqualTo(code);
            assertThat(page.isVisible("#request-use"))
                    .as("approvers do not request")
                    .isFalse();
            page.goBack();
            page.waitForSelector("#decision-form");
            page.fill("#note", "同意查阅");
            page.click("#approve");
            page.waitForSelector("#approvals");
            assertThat(page.textContent("#request-status")).isEqualTo("待审批");
            assertThat(page.textContent("#request-step")).isEqualTo("第 2 步/共 2 步");
            assertThat(page.textContent("#request-next"))
                    .startsWith("待上级审批人审批")
                    .contains(organisations.root().name());
            assertThat(page.isVisible("#decision-form"))
                    .as("step 2 is someone else's")
                    .isFalse();
            page.setViewportSize(390, 844);
            Browsers.screenshot(page, "lending-step-two-awaits-390");
            assertThat(
                            page.evaluate(
                                    "() => [...document.querySelectorAll('main *')].filter(e => e.getBoundingClientRect().right > 391"
                                            + " && !e.closest('.table-responsive')).map(e => e.tagName + '#' + e.id + '.' + e.className).slice(0, 8).join(' ')"))
                    .as("nothing on the page (the layout aside) runs past 390 px")
                    .isEqualTo("");
        }
    }
}
