package org.siarchive.portal;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.siarchive.portal.PortalJourneys.check;
import static org.siarchive.portal.PortalJourneys.download;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.options.FilePayload;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.siarchive.capture.Captures;
import org.siarchive.capture.Upload;
import org.siarchive.catalog.ItemRecord;
import org.siarchive.shared.Actor;
import org.siarchive.support.BrowserTest;
import org.siarchive.support.OidcProvider;
import org.siarchive.support.Samples;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue 19, "must show", the person's journey in a real browser at 390 × 844 and 1440 × 900: signs in through the
 * in-JVM identity provider (its login form, no cookie put by hand), sees exactly their own items (another person's,
 * planted beside them, never), opens one and downloads a copy watermarked with their name, issues today's
 * certificate, downloads it and has the public page verify it (a tampered copy is not). Every portal page on the
 * way passes axe-core (no serious or critical violation) and none scrolls sideways.
 */
class PortalPersonJourneyTest extends BrowserTest {

    @Autowired
    Captures captures;

    @Autowired
    PortalAccounts accounts;

    @Autowired
    JdbcClient jdbc;

    private long denied(long account) {
        return jdbc.sql("select count(*) from audit_entry where actor = :a and result = 'DENIED'")
                .param("a", "portal:" + account)
                .query(Long.class)
                .single();
    }

    private ItemRecord capture(String cert, String name, long seed) {
        return captures.capture(
                        Samples.personEnrolment(Samples.acceptanceNo(), cert, name),
                        List.of(
                                Upload.ofBytes("申请表.png", Samples.png(19_700 + seed)),
                                Upload.ofBytes("登记表.pdf", Samples.pdf("portal journey " + seed))),
                        null,
                        Actor.SYSTEM)
                .item();
    }

    @ParameterizedTest(name = "{0} × {1}")
    @CsvSource({"390, 844", "1440, 900"})
    void aPersonSignsInSeesTheirItemsDownloadsAndVerifiesACertificate(int width, int height) throws Exception {
        String base = "http://127.0.0.1:" + port;
        String name = width < 768 ? "欧阳思远" : "慕容雪晴";
        String other = width < 768 ? "司马光辉" : "上官云飞";
        String cert = Samples.citizenId(1976);
        var first = capture(cert, name, width);
        var second = capture(cert, name, width + 1);
        var othersItem = capture(Samples.citizenId(1981), other, width + 2);
        var user = OidcProvider.shared().user(name, cert, "13912340000");

        try (var ctx = browser.newContext(
                new Browser.NewContextOptions().setLocale("zh-CN").setViewportSize(width, height))) {
            var page = ctx.newPage();
            PortalJourneys.signInThroughTheProvider(page, base, user, "PERSON", width);
            assertThat(page.locator("#portal-welcome")).containsText(name);
            check(page, "person-home", width);

            // exactly their items; on a phone through the folded menu
            if (width < 768) {
                page.click("#portal-nav-toggle");
            }
            page.click("#portal-menu a[href='/portal/items']");
            page.waitForURL(base + "/portal/items");
            var shown = page.locator("#portal-items > li").evaluateAll("els => els.map(e => e.dataset.item)");
            org.assertj.core.api.Assertions.assertThat(Set.copyOf((List<?>) shown))
                    .isEqualTo(Set.of(first.id().toString(), second.id().toString()));
            assertThat(page.locator("#portal-items")).not().containsText(other);
            assertThat(page.locator("#portal-items")).not().containsText(othersItem.archiveCode());
            check(page, "person-items", width);

            // one item, and a copy watermarked with the person's name
            page.click("#portal-items li[data-item='" + first.id() + "'] h2 a");
            page.waitForURL(base + "/portal/items/" + first.id());
            assertThat(page.locator("#portal-item-title")).hasText(first.title());
            check(page, "person-item", width);
            byte[] copy = download(page, "#portal-files li[data-seq='2'] a");
            try (var doc = Loader.loadPDF(copy)) {
                assertThat(new PDFTextStripper().getText(doc)).contains(name, first.archiveCode());
            }

            for (String p : List.of("progress", "inquiries")) {
                page.navigate(base + "/portal/" + p);
                check(page, "person-" + p, width);
            }

            // today's certificate: issued, downloaded, verified on the public page
            page.navigate(base + "/portal/certificates");
            check(page, "person-certificates-empty", width);
            page.fill("#purpose", "办理贷款");
            page.click("#portal-issue");
            page.waitForURL(url -> url.contains("/portal/certificates?issued="));
            String code = page.url().replaceAll(".*issued=([0-9A-Z]+).*", "$1");
            assertThat(page.locator("#portal-issued")).containsText(code);
            check(page, "person-certificates", width);
            var card = "#portal-certificates li[data-code='" + code + "']";
            byte[] pdf = download(page, card + " a[href$='/document']");
            try (var doc = Loader.loadPDF(pdf)) {
                assertThat(new PDFTextStripper().getText(doc)).contains("社会保险业务档案摘录证明", code);
                assertThat(doc.getSignatureDictionaries()).hasSize(1);
            }
            page.click(card + " a[href='/verify/" + code + "']");
            page.waitForURL(base + "/verify/" + code);
            assertThat(page.locator("#verify-found")).containsText(code);
            page.setInputFiles("#file", new FilePayload("证明-" + code + ".pdf", "application/pdf", pdf));
            page.click("#verify-submit");
            assertThat(page.locator("#verdict-ok")).isVisible();
            // the same check refuses a copy changed by one byte
            byte[] tampered = pdf.clone();
            tampered[tampered.length / 2] ^= 0x01;
            page.setInputFiles("#file", new FilePayload("证明-改.pdf", "application/pdf", tampered));
            page.click("#verify-submit");
            assertThat(page.locator("#verdict-failed")).isVisible();

            for (String p : List.of("notifications", "account")) {
                page.navigate(base + "/portal/" + p);
                check(page, "person-" + p, width);
            }
            // another person's item: the portal's 404 page (which passes too), the refusal audited
            long account = accounts.find(PortalUser.Kind.PERSON, cert).orElseThrow();
            long deniedBefore = denied(account);
            var refused = page.navigate(base + "/portal/items/" + othersItem.id());
            org.assertj.core.api.Assertions.assertThat(refused.status()).isEqualTo(404);
            assertThat(page.locator("main")).not().containsText(othersItem.archiveCode());
            org.assertj.core.api.Assertions.assertThat(denied(account)).isEqualTo(deniedBefore + 1);
            check(page, "person-404", width);
            page.navigate(base + "/portal/items/" + UUID.randomUUID());
            check(page, "person-404-missing", width);
        }
    }
}
