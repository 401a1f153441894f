package org.siarchive.disposition;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.siarchive.capture.Captures;
import org.siarchive.capture.Upload;
import org.siarchive.catalog.Catalog;
import org.siarchive.catalog.ItemRecord;
import org.siarchive.organisation.Organisations;
import org.siarchive.security.Accounts;
import org.siarchive.security.Role;
import org.siarchive.security.TestAccounts;
import org.siarchive.shared.Actor;
import org.siarchive.shared.ReadableTime;
import org.siarchive.support.BrowserTest;
import org.siarchive.support.Browsers;
import org.siarchive.support.Samples;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * In Chromium, zh-CN (issue 16, "must show" 4): the archivist selects two due items on the expiry worklist and
 * starts a batch, decides 销毁 for all, forms the group (three accounts and a named 人社 member) and records
 * opinions; the clerk records theirs; the leader logs in with TOTP and approves; the archivist generates the
 * 销毁清册, downloads its Excel, files it (备案) and executes the destruction with two supervisors typing login,
 * password and TOTP code; the item page then shows 已销毁 with its destruction record.
 */
class DispositionJourneyTest extends BrowserTest {

    @Autowired
    Accounts accounts;

    @Autowired
    Organisations organisations;

    @Autowired
    Captures captures;

    @Autowired
    Catalog catalog;

    private final Browser.NewContextOptions zhCn = new Browser.NewContextOptions().setLocale("zh-CN");

    @Test
    void aBatchGoesFromTheWorklistToSupervisedDestructionInTheConsole() throws Exception {
        String run = Integer.toString(ThreadLocalRandom.current().nextInt(100_000, 999_999));
        long root = organisations.root().id();
        String fonds = "J" + run.substring(0, 4);
        catalog.ensureFonds(fonds, "鉴定销毁旅程" + run, organisations.root().name(), root, Actor.SYSTEM);
        var archivist = TestAccounts.create(accounts, "jxdg" + run, root, Set.of(Role.ARCHIVIST), 3, false);
        var clerk = TestAccounts.create(accounts, "jxyw" + run, root, Set.of(Role.CLERK), 3, false);
        var leader = TestAccounts.create(accounts, "jxld" + run, root, Set.of(Role.APPROVER), 3, true);
        var supA = TestAccounts.create(accounts, "jxjxa" + run, root, Set.of(Role.ARCHIVIST), 3, true);
        var supB = TestAccounts.create(accounts, "jxjxb" + run, root, Set.of(Role.APPROVER), 3, true);
        var first = capture(fonds, "2012-02-03", "旅程甲" + run);
        var second = capture(fonds, "2013-08-09", "旅程乙" + run);
        String base = "http://127.0.0.1:" + port;

        long batch;
        try (var ctx = browser.newContext(zhCn)) {
            Page page = ctx.newPage();
            Browsers.login(page, base, archivist.username(), archivist.password(), () -> "");
            page.navigate(base + "/disposition/expiring?preset=DATE&by="
                    + ReadableTime.beijing().today() + "&fonds=" + fonds);
            for (var item : List.of(first, second)) {
                page.check("#expiring-items input[aria-label='" + item.archiveCode() + "']");
            }
            page.fill("#selected-title", "到期鉴定" + run);
            page.click("#propose-selected-submit");
            page.waitForSelector("#batch-state");
            batch = Long.parseLong(page.url().replaceAll(".*/disposition/batches/(\\d+).*", "$1"));
            assertThat(page.locator("#batch-state")).hasText("未鉴定");

            page.selectOption("#decision", "DESTROY");
            page.fill("#reason", "保管期满，无继续保存价值");
            page.click("#decision-form button[type=submit]");
            page.waitForSelector("#member-form");
            member(page, "LEADER", leader.username(), null);
            member(page, "BUSINESS", clerk.username(), null);
            member(page, "ARCHIVE", archivist.username(), null);
            member(page, "HRSS", null, "王审核");
            assertThat(page.locator("#members")).containsText("王审核");
            assertThat(page.locator("#members")).containsText(TestAccounts.displayName(leader.username()));
            opinion(page, TestAccounts.displayName(archivist.username()), "同意销毁");
            opinion(page, "王审核", "同意（代录）");
        }
        try (var ctx = browser.newContext(zhCn)) {
            Page page = ctx.newPage();
            Browsers.login(page, base, clerk.username(), clerk.password(), () -> "");
            page.navigate(base + "/disposition/batches/" + batch);
            opinion(page, null, "同意");
        }
        try (var ctx = browser.newContext(zhCn)) {
            Page page = ctx.newPage();
            Browsers.login(page, base, leader.username(), leader.password(), leader.codes());
            page.navigate(base + "/disposition/batches/" + batch);
            opinion(page, null, "同意，报单位主要负责人审批");
        }
        try (var ctx = browser.newContext(zhCn)) {
            Page page = ctx.newPage();
            Browsers.login(page, base, archivist.username(), archivist.password(), () -> "");
            page.navigate(base + "/disposition/batches/" + batch);
            page.click("#complete-form button[type=submit]");
            page.waitForSelector("#batch-state");
            assertThat(page.locator("#batch-state")).hasText("已鉴定未审核");
        }
        try (var ctx = browser.newContext(zhCn)) {
            Page page = ctx.newPage();
            Browsers.login(page, base, leader.username(), leader.password(), leader.codes());
            page.navigate(base + "/disposition/batches/" + batch);
            page.fill("#text", "同意销毁");
            page.click("#approve-form button[type=submit]:not([formaction])");
            page.waitForSelector("#batch-state");
            assertThat(page.locator("#batch-state")).hasText("已鉴定已审核");
        }
        try (var ctx = browser.newContext(zhCn.setAcceptDownloads(true))) {
            Page page = ctx.newPage();
            Browsers.login(page, base, archivist.username(), archivist.password(), () -> "");
            page.navigate(base + "/disposition/batches/" + batch);
            page.click("#generate-list");
            page.waitForSelector("#list-no");
            assertThat(page.locator("#list-rows")).containsText(first.archiveCode());
            assertThat(page.locator("#list-rows")).containsText(second.archiveCode());
            var download = page.waitForDownload(() -> page.click("#list-xlsx"));
            var cells = new StringBuilder();
            try (var wb = new XSSFWorkbook(new ByteArrayInputStream(Files.readAllBytes(download.path())))) {
                var fmt = new DataFormatter();
                wb.getSheetAt(0)
                        .forEach(r -> r.forEach(
                                c -> cells.append(fmt.formatCellValue(c)).append('|')));
            }
            assertThat(cells.toString()).contains(first.archiveCode(), second.archiveCode());

            page.fill("#filedOn", ReadableTime.beijing().today().toString());
            page.fill(
                    "#filingRef", "人社备〔" + ReadableTime.beijing().today().getYear() + "〕" + run.substring(0, 3) + "号");
            page.click("#filing-submit");
            page.waitForSelector("#list-filed");
            assertThat(page.locator("#list-archived")).isVisible();
            Browsers.screenshot(page, "disposition-list-filed");

            page.navigate(base + "/disposition/batches/" + batch);
            page.click("#to-destruction");
            page.waitForSelector("#destruction-form");
            page.fill("#place", "档案室");
            page.fill("#supervisor1", supA.username());
            page.fill("#password1", supA.password());
            page.fill("#code1", supA.codes().get());
            page.fill("#supervisor2", supB.username());
            page.fill("#password2", supB.password());
            page.fill("#code2", supB.codes().get());
            page.click("#destruction-submit");
            page.waitForSelector("#destruction-done");
            Browsers.screenshot(page, "disposition-destroyed");

            page.navigate(base + "/items/" + first.id());
            assertThat(page.locator("#item-status")).hasText("已销毁");
            assertThat(page.locator("#archive-code")).hasText(first.archiveCode());
            var record = page.locator("#destruction-record");
            assertThat(record).containsText("电子数据彻底删除");
            assertThat(record).containsText("档案室");
            assertThat(record).containsText(TestAccounts.displayName(supA.username()));
            assertThat(record).containsText(TestAccounts.displayName(supB.username()));
            assertThat(page.locator("#digests tbody tr")).hasCount(1);
            page.setViewportSize(390, 844);
            Browsers.screenshot(page, "disposition-item-destroyed-390");
        }
    }

    private ItemRecord capture(String fonds, String docDate, String name) {
        return captures.capture(
                        WalkItems.tenYears(fonds, docDate, Samples.citizenId(1966), name),
                        List.of(Upload.ofBytes(
                                "sh01.pdf", Samples.pdf("journey " + docDate + " " + System.nanoTime()))),
                        null,
                        Actor.SYSTEM)
                .item();
    }

    private static void member(Page page, String role, String login, String name) {
        page.selectOption("#role", role);
        page.fill("#login", login == null ? "" : login);
        page.fill("#name", name == null ? "" : name);
        page.fill("#unit", name == null ? "" : "测试市人力资源和社会保障局");
        page.click("#member-form button[type=submit]");
        page.waitForSelector("#member-form");
    }

    /** Records an opinion on the whole batch: for the named member, or (null) the caller's own. */
    private static void opinion(Page page, String member, String text) {
        page.waitForSelector("#opinion-form");
        if (member != null) {
            page.selectOption("#memberSeq", new com.microsoft.playwright.options.SelectOption().setLabel(member));
        }
        page.selectOption("#verdict", "AGREE");
        page.fill("#opinion", text);
        page.click("#opinion-form button[type=submit]");
        page.waitForSelector("#opinions");
    }
}
