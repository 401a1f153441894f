package org.siarchive.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.siarchive.organisation.Organisations;
import org.siarchive.security.Accounts;
import org.siarchive.security.Role;
import org.siarchive.security.TestAccounts;
import org.siarchive.support.BrowserTest;
import org.siarchive.support.Browsers;
import org.siarchive.support.Samples;
import org.springframework.beans.factory.annotation.Autowired;

/** A clerk captures an item in the console (Debian's Chromium) and finds it in the person's file. */
class ConsoleJourneyTest extends BrowserTest {

    @Autowired
    Accounts accounts;

    @Autowired
    Organisations organisations;

    @Test
    void capturesAnItemAndFindsItOnThePersonPage() throws Exception {
        var page = browser.newContext(new Browser.NewContextOptions().setLocale("en-US"))
                .newPage();
        String base = "http://127.0.0.1:" + port;
        String certNo = Samples.citizenId(1986);
        Path enrolment = Files.createTempFile("增员表", ".png");
        Files.write(enrolment, Samples.png(4242));
        Path idCopy = Files.createTempFile("身份证", ".pdf");
        Files.write(idCopy, Samples.pdf("ID copy"));

        var clerk = TestAccounts.create(
                accounts,
                "journey" + System.nanoTime() % 100000,
                organisations.root().id(),
                Set.of(Role.CLERK),
                2,
                false);
        Browsers.login(page, base, clerk.username(), clerk.password(), () -> "");
        page.navigate(base + "/capture");
        assertThat(page.locator("h1")).hasText("材料采集");
        page.selectOption("#businessStep", "DWDJ");
        assertThat(page.locator("#materials")).containsText("社会保险登记表");
        page.selectOption("#businessStep", "GRCB");
        assertThat(page.locator("#materials")).containsText("参保人员增员表");
        fillEnrolment(page, certNo, "浏览器测试");
        page.setInputFiles("#file-RY01", enrolment);
        page.setInputFiles("#file-RY02", idCopy);
        page.click("#capture-submit");

        page.waitForURL("**/items/**");
        String archiveCode = page.locator("#archive-code").textContent().strip();
        assertThat(archiveCode).startsWith("0001-SB·2025-D100-01·GRCB-");
        assertThat(page.locator("#item-status")).hasText("已保存");
        assertThat(page.locator("#flash")).containsText(archiveCode);
        assertThat(page.locator(".digest.sm3")).hasCount(2);
        screenshot(page, "item");

        page.click("#person-link");
        assertThat(page.locator("#party")).containsText("浏览器测试");
        assertThat(page.locator("#party-items")).containsText(archiveCode);
        screenshot(page, "person");

        page.click("#lang-switch");
        assertThat(page.locator("h1")).hasText("Person files");
        assertThat(page.locator("#party-items")).containsText("Archive code");
        page.click("#lang-switch");
        assertThat(page.locator("h1")).hasText("一人一档");

        page.navigate(base + "/capture");
        fillEnrolment(page, "110105194912310021", "校验码错误");
        page.setInputFiles("#file-RY01", enrolment);
        page.setInputFiles("#file-RY02", idCopy);
        page.click("#capture-submit");
        assertThat(page.locator("#form-errors")).isVisible();
        assertThat(page.locator("#personCertNo-error")).containsText("公民身份号码校验码错误（GB 11643）");
        assertThat(page.locator("#personCertNo")).hasClass(java.util.regex.Pattern.compile(".*is-invalid.*"));
        assertThat(page.locator("#personName")).hasValue("校验码错误");
        // the chosen files were kept: the resubmit succeeds without choosing them again
        assertThat(page.locator("#kept-RY01"))
                .containsText(enrolment.getFileName().toString());
        assertThat(page.locator("#kept-RY02")).containsText(idCopy.getFileName().toString());
        screenshot(page, "capture-errors");
        page.fill("#personCertNo", Samples.citizenId(1987));
        page.click("#capture-submit");
        page.waitForURL("**/items/**");
        assertThat(page.locator("#item-status")).hasText("已保存");
        assertThat(page.locator(".digest.sm3")).hasCount(2);
    }

    private static void fillEnrolment(Page page, String certNo, String name) {
        page.fill("#acceptanceNo", Samples.acceptanceNo());
        page.fill("#handler", "王经办");
        page.fill("#handlingAgency", "测试市社会保险事业管理中心");
        page.fill("#handledAt", "2025-03-18T10:15");
        page.fill("#title", name + "参保登记");
        page.fill("#responsible", "测试市社会保险事业管理中心");
        page.fill("#docDate", "2025-03-18");
        page.fill("#personCertNo", certNo);
        page.fill("#personName", name);
    }

    private static void screenshot(Page page, String name) {
        Browsers.screenshot(page, name);
    }
}
