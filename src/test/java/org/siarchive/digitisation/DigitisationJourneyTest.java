package org.siarchive.digitisation;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import java.nio.file.Files;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.siarchive.organisation.Organisations;
import org.siarchive.security.Accounts;
import org.siarchive.security.Role;
import org.siarchive.security.TestAccounts;
import org.siarchive.support.BrowserTest;
import org.siarchive.support.Browsers;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * In Chromium, an archivist uploads a scan batch, watches its progress to the end, reviews the QC
 * sample and confirms the suggested classification, which files the item; a refused confirmation (a date
 * in the future) comes back on the same form with the error beside the field and the input kept.
 */
class DigitisationJourneyTest extends BrowserTest {

    @Autowired
    Accounts accounts;

    @Autowired
    Organisations organisations;

    @Test
    void uploadWatchReviewConfirm() throws Exception {
        String run = Integer.toString(ThreadLocalRandom.current().nextInt(100_000, 999_999));
        var archivist = TestAccounts.create(
                accounts, "scan" + run, organisations.root().id(), Set.of(Role.ARCHIVIST), 3, false);
        var zip = Files.createTempFile("批次", ".zip");
        Files.write(
                zip,
                ScanBatchIT.zip(
                        List.of("0001.png", "0002.png"),
                        List.of(
                                ScanBatchIT.page("参保人员增员表", 7, 0.4, false),
                                ScanBatchIT.page("居民身份证复印件", 7, -0.3, true)),
                        "pages,business_step,cert_no,name,title\n1-2,,,,\n"));
        String base = "http://127.0.0.1:" + port;
        Page page = browser.newContext().newPage();
        Browsers.login(page, base, archivist.username(), archivist.password(), () -> "");

        page.click("#nav-scan");
        page.fill("#name", "浏览器批次" + run);
        page.setInputFiles("#file", zip);
        page.click("#upload-submit");
        assertThat(page.locator("h1")).hasText("浏览器批次" + run);
        // progress is polled (htmx) until the batch waits for QC
        assertThat(page.locator("#batch-status"))
                .hasText(
                        "待质检",
                        new com.microsoft.playwright.assertions.LocatorAssertions.HasTextOptions().setTimeout(90_000));
        assertThat(page.locator("#batch-progress")).containsText("2/2");
        Browsers.screenshot(page, "scan-batch");
        page.click("#reload-items");
        page.click("#scan-items tbody tr:first-child a");

        assertThat(page.locator("#scan-pages")).containsText("0001.png");
        // 色彩 and OCR confidence in words (issue 14): 彩色/灰度/黑白, 置信度 90%（2 处存疑）
        assertThat(page.locator("#scan-pages .colour-mode").first())
                .hasText(java.util.regex.Pattern.compile("彩色|灰度|黑白"));
        assertThat(page.locator("#scan-pages .ocr-confidence").first())
                .hasText(java.util.regex.Pattern.compile("置信度 \\d+%(（\\d+ 处存疑）)?"));
        assertThat(page.locator("#scan-pages")).not().containsText("COLOUR");
        page.click("#sample-pass");
        assertThat(page.locator("#sample-result")).hasText("合格");
        assertThat(page.locator("#suggestion")).containsText("个人参保登记");
        assertThat(page.locator("#businessStep")).hasValue("GRCB");
        page.fill("#title", "周远参保人员增员表");
        page.fill("#personName", "周亮远");
        // a refused confirmation comes back on the same form, the error beside the date, the input kept
        page.fill("#docDate", "2999-01-01");
        page.click("#confirm-submit");
        assertThat(page.locator("#docDate-error")).isVisible();
        assertThat(page.locator("#form-errors")).isVisible();
        assertThat(page.locator("#title")).hasValue("周远参保人员增员表");
        assertThat(page.locator("#personName")).hasValue("周亮远");
        assertThat(page.locator("#docDate")).hasValue("2999-01-01");
        assertThat(page.locator("#businessStep")).hasValue("GRCB");
        page.fill("#docDate", "2024-05-10");
        Browsers.screenshot(page, "scan-item");
        page.click("#confirm-submit");
        page.waitForURL("**/items/**");
        assertThat(page.locator("#archive-code")).containsText("0001-SB·2024-D100-01·GRCB-");
        assertThat(page.locator(".digest.sm3")).hasCount(2);
        Browsers.screenshot(page, "scan-filed");
    }
}
