package org.siarchive.comparison.journey;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.FilePayload;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.siarchive.capture.Captures;
import org.siarchive.capture.Upload;
import org.siarchive.catalog.Catalog;
import org.siarchive.organisation.OrgUnit;
import org.siarchive.organisation.Organisations;
import org.siarchive.security.Accounts;
import org.siarchive.security.Role;
import org.siarchive.security.TestAccounts;
import org.siarchive.shared.Actor;
import org.siarchive.shared.ReadableTime;
import org.siarchive.support.BrowserTest;
import org.siarchive.support.Browsers;
import org.siarchive.support.ReferenceFixtures;
import org.siarchive.support.Samples;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * In Chromium, zh-CN (issue 17, "must show"): a county's archivist imports the 养老待遇 snapshot (XLSX) and a
 * 公安 death list (GBK CSV) on the datasets page, starts a comparison, opens the 死亡冒领 warning it raised for a
 * pensioner paid after death, confirms it with a stop instruction and the amount to recover and files the evidence;
 * the warning page links the filed item (its 档号 in the archivist's fonds, step 数据比对预警核查), and the person's
 * file holds it next to their enrolment. The warning page is also read at 390 px.
 */
class ComparisonJourneyTest extends BrowserTest {

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
    void aDeathListBecomesAConfirmedWarningWithItsEvidenceFiled() {
        String run = Integer.toString(ThreadLocalRandom.current().nextInt(100_000, 999_999));
        var root = organisations.root();
        var county = organisations.create(root.id(), "BD" + run, "比对旅程区社会保险事业管理中心" + run, "COUNTY", Actor.SYSTEM);
        String fonds = "B" + run.substring(0, 4);
        catalog.ensureFonds(fonds, "比对旅程" + run, county.name(), county.id(), Actor.SYSTEM);
        var archivist = TestAccounts.create(accounts, "bdjh" + run, county.id(), Set.of(Role.ARCHIVIST), 3, false);

        var fixtures = new ReferenceFixtures(Long.parseLong(run));
        var recipients = fixtures.persons(4);
        var pensioner = recipients.get(0);
        var file = captures.capture(
                        Samples.personEnrolment(
                                fonds, "2", Samples.acceptanceNo(), pensioner.certNo(), pensioner.name(), null, null),
                        List.of(
                                Upload.ofBytes("ry01.pdf", Samples.pdf("comparison journey " + run)),
                                Upload.ofBytes("ry02.png", Samples.png(Long.parseLong(run)))),
                        null,
                        Actor.SYSTEM)
                .item();
        LocalDate lastPaid =
                YearMonth.from(ReadableTime.beijing().today()).minusMonths(1).atDay(1);
        var snapshot = fixtures.benefitSnapshotXlsx(recipients, lastPaid, county.code());
        // the pensioner died five months before the last payment; the other recipients live
        var deaths = fixtures.gonganCancellations(
                List.of(pensioner), lastPaid.minusMonths(5).plusDays(3));
        String base = "http://127.0.0.1:" + port;

        try (var ctx = browser.newContext(zhCn)) {
            Page page = ctx.newPage();
            Browsers.login(page, base, archivist.username(), archivist.password(), () -> "");
            importDataset(page, base, snapshot);
            importDataset(page, base, deaths);
            Browsers.screenshot(page, "comparison-dataset-loaded");

            long runId = compare(page, base, county);
            Browsers.screenshot(page, "comparison-run-finished");
            page.click("#run-warnings");
            assertThat(page).hasURL(java.util.regex.Pattern.compile(".*/comparison/warnings\\?run=" + runId + ".*"));
            page.waitForSelector("#warnings");
            var row = page.locator("#warnings tbody tr")
                    .filter(new com.microsoft.playwright.Locator.FilterOptions().setHasText(pensioner.firstChar()));
            assertThat(row).hasCount(1);
            assertThat(row).containsText("死亡冒领");
            row.locator("a").first().click();
            page.waitForSelector("#warning-state");
            assertThat(page.locator("#warning-state")).hasText("核查中");
            assertThat(page.locator("#warning-evidence")).containsText("公安");

            page.selectOption("#paymentAction", "STOP");
            page.fill("#amountToRecover", "12000.00");
            page.fill("#finding", "经核实，" + pensioner.firstChar() + "某已于死亡后继续领取养老金五个月");
            page.click("#confirm-submit");
            page.waitForLoadState();
            assertThat(page.locator("#warning-state")).hasText("已确认");
            if (page.locator("#file-submit").count() > 0) {
                page.click("#file-submit");
                page.waitForLoadState();
            }
            assertThat(page.locator("#warning-evidence-item")).isVisible();
            String warningUrl = page.url();
            page.setViewportSize(390, 844);
            Browsers.screenshot(page, "comparison-warning-confirmed-390");
            assertThat(page.locator("#warning-person-file")).isVisible();
            page.click("#warning-evidence-item");
            page.waitForSelector("#archive-code");
            String archiveCode = page.locator("#archive-code").textContent().strip();
            assertThat(archiveCode).startsWith(fonds).isNotEqualTo(file.archiveCode());
            assertThat(page.locator("body")).containsText("数据比对预警核查");
            page.navigate(warningUrl);
            page.setViewportSize(1280, 900);
            page.click("#warning-person-file");
            page.waitForLoadState();
            assertThat(page.locator("body")).containsText(archiveCode);
            assertThat(page.locator("body")).containsText(file.archiveCode());
            Browsers.screenshot(page, "comparison-person-file");
        }
    }

    /** Starts the comparison of the county's subtree on the runs page and waits for it to finish; the run's id. */
    private static long compare(Page page, String base, OrgUnit county) {
        page.navigate(base + "/comparison/runs");
        page.selectOption("#orgId", Long.toString(county.id()));
        page.fill("#asOf", ReadableTime.beijing().today().toString());
        page.click("#run-submit");
        page.waitForSelector("#run-state");
        for (int i = 0; i < 60 && !page.locator("#run-state").textContent().contains("已完成"); i++) {
            page.waitForTimeout(500);
            page.reload();
        }
        assertThat(page.locator("#run-state")).hasText("已完成");
        assertThat(page.locator("#run-inputs")).containsText("公安户籍注销（死亡）名单");
        return Long.parseLong(page.url().replaceAll(".*/comparison/runs/(\\d+).*", "$1"));
    }

    /** Uploads a fixture on the datasets page and waits until the dataset page says it is loaded. */
    private static void importDataset(Page page, String base, ReferenceFixtures.Fixture f) {
        page.navigate(base + "/comparison/datasets");
        page.selectOption("#u-kind", f.kind());
        page.selectOption("#u-source", f.source());
        page.fill("#u-title", f.title());
        page.fill("#u-asOf", f.asOf().toString());
        page.setInputFiles("#u-file", new FilePayload(f.fileName(), f.contentType(), f.bytes()));
        page.click("#dataset-upload-submit");
        page.waitForSelector("#dataset-state");
        for (int i = 0; i < 60 && !page.locator("#dataset-state").textContent().contains("已导入"); i++) {
            page.waitForTimeout(500);
            page.reload();
        }
        assertThat(page.locator("#dataset-state")).hasText("已导入");
        assertThat(page.locator("#dataset-loaded")).hasText(Integer.toString(f.loaded()));
    }
}
