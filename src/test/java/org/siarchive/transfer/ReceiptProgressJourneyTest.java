package org.siarchive.transfer;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.assertions.LocatorAssertions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.siarchive.capture.Captures;
import org.siarchive.capture.Upload;
import org.siarchive.catalog.Catalog;
import org.siarchive.organisation.Organisations;
import org.siarchive.security.Accounts;
import org.siarchive.security.Role;
import org.siarchive.security.TestAccounts;
import org.siarchive.shared.Access;
import org.siarchive.shared.Actor;
import org.siarchive.support.BrowserTest;
import org.siarchive.support.Browsers;
import org.siarchive.support.Samples;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * In Chromium (zh-CN), an archivist sends the receipt form and, while the upload request runs, sees the
 * receipt's stage and counts on the page without a reload, then lands on the register.
 */
class ReceiptProgressJourneyTest extends BrowserTest {

    @Autowired
    Captures captures;

    @Autowired
    Catalog catalog;

    @Autowired
    Organisations organisations;

    @Autowired
    TransferPackages packages;

    @Autowired
    Accounts accounts;

    @Autowired
    ReceiptProgress progress;

    @AfterEach
    void fullSpeed() {
        progress.pace(Duration.ZERO);
    }

    @Test
    void theReceiptShowsItsProgressWhileItRuns() throws Exception {
        catalog.ensureFonds("0012", "浏览器接收全宗", "浏览器接收社保中心", organisations.root().id(), Actor.SYSTEM);
        var ids = new ArrayList<UUID>();
        for (int i = 0; i < 3; i++) {
            ids.add(captures.capture(
                            Samples.personEnrolment(Samples.acceptanceNo(), Samples.citizenId(1940 + i), "浏览器移交" + i),
                            List.of(
                                    Upload.ofBytes("a.png", Samples.png(9600 + i)),
                                    Upload.ofBytes("b.pdf", Samples.pdf("progress " + i))),
                            null,
                            Actor.SYSTEM)
                    .item()
                    .id());
        }
        var exported = packages.export(ids, TransferPackages.Format.EEP, Access.SYSTEM);
        Path zip = Files.createTempFile("移交包", ".zip");
        Files.move(exported.file(), zip, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        var login = TestAccounts.create(
                accounts, "rj" + UUID.randomUUID().toString().substring(0, 8), 1, Set.of(Role.ARCHIVIST), 3, false);
        var page = browser.newContext(new Browser.NewContextOptions().setLocale("zh-CN"))
                .newPage();
        String base = "http://127.0.0.1:" + port;
        Browsers.login(page, base, login.username(), login.password(), login.codes());
        page.navigate(base + "/transfers");
        page.setInputFiles("#package", zip);
        page.fill("#fondsCode", "0012");
        page.fill("#handedOverBy", "张移交");
        page.fill("#witness", "李监交");
        page.selectOption("#duplicates", "KEEP");
        page.fill("#duplicateReason", "浏览器进度测试");
        progress.pace(Duration.ofMillis(900));
        // clicked from the page, so that the test does not wait for the navigation the click starts
        page.evaluate("() => setTimeout(() => document.getElementById('receipt-submit').click(), 0)");
        for (int i = 0; i < 8; i++) {
            Thread.sleep(400);
            System.out.println("DEBUG " + page.url() + " "
                    + page.evaluate("() => document.getElementById('receipt-live').outerHTML.slice(0, 160)"));
        }

        assertThat(page.locator("#receipt-stage"))
                .hasText(Pattern.compile("逐件检测|逐件接收"), new LocatorAssertions.HasTextOptions().setTimeout(20_000));
        assertThat(page.locator("#receipt-count")).hasText(Pattern.compile("已完成 \\d / 3 件"));
        Browsers.screenshot(page, "receipt-progress");
        page.waitForURL(
                "**/transfers?received=**", new com.microsoft.playwright.Page.WaitForURLOptions().setTimeout(60_000));
        assertThat(page.locator("#received")).isVisible();
        Files.deleteIfExists(zip);
    }
}
