package org.siarchive.lending;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
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
 * In Chromium: a reader requests the use of an item, an approver (password + TOTP) approves, the reader
 * views a watermarked page while the download of the original is refused (the grant does not allow it);
 * a clerk issues a certificate, which verifies on the public page, and a tampered copy does not.
 */
class UseJourneyTest extends BrowserTest {

    @Autowired
    Accounts accounts;

    @Autowired
    Organisations organisations;

    @Autowired
    Captures captures;

    /** A form-like page image, large enough for the watermark to be seen. */
    private static byte[] page(String run) {
        var img = new java.awt.image.BufferedImage(900, 640, java.awt.image.BufferedImage.TYPE_INT_RGB);
        var g = img.createGraphics();
        g.setColor(java.awt.Color.WHITE);
        g.fillRect(0, 0, 900, 640);
        g.setColor(java.awt.Color.BLACK);
        g.setFont(new java.awt.Font(java.awt.Font.SANS_SERIF, java.awt.Font.PLAIN, 28));
        g.drawString("Personal enrolment form " + run, 60, 80);
        g.drawRect(50, 120, 800, 460);
        g.dispose();
        var out = new java.io.ByteArrayOutputStream();
        try {
            javax.imageio.ImageIO.write(img, "png", out);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    @Test
    void requestApproveViewRefuseDownloadIssueAndVerifyCertificate() throws Exception {
        String run = Integer.toString(ThreadLocalRandom.current().nextInt(100_000, 999_999));
        long root = organisations.root().id();
        var reader = TestAccounts.create(accounts, "du" + run, root, Set.of(Role.READER), 2, false);
        var approver = TestAccounts.create(accounts, "pi" + run, root, Set.of(Role.APPROVER), 3, true);
        var clerk = TestAccounts.create(accounts, "jing" + run, root, Set.of(Role.CLERK), 3, false);
        String cert = Samples.citizenId(1969);
        var item = captures.capture(
                        Samples.personEnrolment("0001", "1", Samples.acceptanceNo(), cert, "欧阳利用", "13912345678", null),
                        List.of(Upload.ofBytes("a.png", page(run)), Upload.ofBytes("b.pdf", Samples.pdf("use " + run))),
                        null,
                        Actor.SYSTEM)
                .item();
        String base = "http://127.0.0.1:" + port;
        // indexing follows the capture asynchronously (persisted event publication, ADR 0027); after a test
        // that captured hundreds of items the listeners may still be working through them on a 2-core CI
        // machine, so the journey starts once the item is searchable
        var api = new org.siarchive.support.ApiClient(port);
        org.awaitility.Awaitility.await()
                .atMost(java.time.Duration.ofSeconds(180))
                .pollInterval(java.time.Duration.ofMillis(500))
                .untilAsserted(() -> assertThat(new String(
                                api.get("/api/v1/search?q=oyly&size=100").body(),
                                java.nio.charset.StandardCharsets.UTF_8))
                        .contains(item.id().toString()));

        // the reader finds the item by the pinyin initials of the name, sees facets, and asks for it
        long requestId;
        try (var ctx = browser.newContext()) {
            var page = ctx.newPage();
            Browsers.login(page, base, reader.username(), reader.password(), reader.codes());
            page.navigate(base + "/search");
            page.fill("#q", "oyly");
            page.click("#search-submit");
            page.waitForSelector("#results a:text-is('" + item.archiveCode() + "')");
            assertThat(page.isVisible("#facet-step")).isTrue();
            Browsers.screenshot(page, "search-pinyin");
            page.navigate(base + "/lending");
            page.fill("#archiveCodes", item.archiveCode());
            page.selectOption("#purposeCode", "QUERY");
            page.fill("#purpose", "核对参保登记材料");
            page.fill("#periodDays", "2");
            page.click("#request-submit");
            page.waitForSelector("#request-status");
            assertThat(page.textContent("#request-status")).isEqualTo("待审批");
            requestId = Long.parseLong(page.url().substring(page.url().lastIndexOf('/') + 1));
            assertThat(page.locator(".view-item").count())
                    .as("nothing to view before approval")
                    .isZero();
        }
        // the approver decides
        try (var ctx = browser.newContext()) {
            var page = ctx.newPage();
            Browsers.login(page, base, approver.username(), approver.password(), approver.codes());
            page.navigate(base + "/lending");
            page.click("#awaiting a:text-is('" + requestId + "')");
            page.fill("#note", "同意查阅");
            page.click("#approve");
            page.waitForSelector("#approvals");
            assertThat(page.textContent("#request-status")).isEqualTo("已批准");
        }
        // the reader views the watermarked page; the original cannot be downloaded
        try (var ctx = browser.newContext()) {
            var page = ctx.newPage();
            Browsers.login(page, base, reader.username(), reader.password(), reader.codes());
            page.navigate(base + "/lending/requests/" + requestId);
            assertThat(page.isVisible("#grant-active")).isTrue();
            page.click(".view-item");
            page.waitForSelector("img.watermarked");
            page.waitForFunction(
                    "() => [...document.querySelectorAll('img.watermarked')].every(i => i.complete && i.naturalWidth > 0)");
            assertThat(page.locator(".download-file").count()).isZero();
            Browsers.screenshot(page, "lending-watermarked");
            var viaUrl =
                    page.request().get(base + "/lending/requests/" + requestId + "/items/" + item.id() + "/files/1");
            assertThat(viaUrl.status())
                    .as("download refused without a grant for it")
                    .isEqualTo(404);
            var direct = page.request().get(base + "/api/v1/items/" + item.id() + "/files/1");
            assertThat(direct.status()).isEqualTo(403);
        }
        // a clerk issues a certificate; it verifies on the public page, a tampered copy does not
        byte[] issued;
        String code;
        try (var ctx = browser.newContext()) {
            var page = ctx.newPage();
            Browsers.login(page, base, clerk.username(), clerk.password(), clerk.codes());
            page.navigate(base + "/certificates");
            page.fill("#idNumber", cert);
            page.selectOption("#format", "PDF");
            page.fill("#purpose", "办理社保关系转移");
            page.click("#issue-submit");
            page.waitForSelector("#cert-code");
            code = page.textContent("#cert-code").strip();
            var download = page.waitForDownload(() -> page.click("#cert-download"));
            issued = Files.readAllBytes(download.path());
        }
        var tmp = Files.createTempDirectory("cert-journey");
        var good = tmp.resolve("good.pdf");
        var bad = tmp.resolve("bad.pdf");
        Files.write(good, issued);
        byte[] altered = issued.clone();
        altered[altered.length / 2] ^= 0x01;
        Files.write(bad, altered);
        try (var ctx = browser.newContext()) {
            var page = ctx.newPage(); // nobody logged in
            page.navigate(base + "/verify");
            page.fill("#code", code);
            page.press("#code", "Enter");
            page.waitForSelector("#verify-found");
            assertThat(page.textContent("#verify-subject")).contains("欧**用").doesNotContain(cert);
            page.setInputFiles("#file", good);
            page.click("#verify-submit");
            page.waitForSelector("#verdict-ok");
            page.setInputFiles("#file", bad);
            page.click("#verify-submit");
            page.waitForSelector("#verdict-failed");
            Browsers.screenshot(page, "certificate-tampered");
        }
    }
}
