package org.siarchive.portal;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.siarchive.portal.PortalJourneys.check;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.FilePayload;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.siarchive.organisation.Organisations;
import org.siarchive.security.Accounts;
import org.siarchive.security.Role;
import org.siarchive.security.TestAccounts;
import org.siarchive.support.BrowserTest;
import org.siarchive.support.Browsers;
import org.siarchive.support.OidcProvider;
import org.siarchive.support.Samples;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue 19, "must show", the employer's journey in real browsers at 390 × 844 and 1440 × 900: an agent signs in
 * through the identity provider as 单位经办人, asks to be bound to a credit code, a clerk approves it in the console
 * (a second browser context, the console's own sign-in); the agent submits a 缴费基数申报 with two PDFs, the clerk
 * accepts it from the {@code /submissions} inbox and the agent sees its 档号 — the catalogue's — on the submission
 * page and in the 一企一档 catalogue; a second submission returned with a reason shows that reason. Every portal page
 * on the way passes axe-core (no serious or critical violation) and none scrolls sideways.
 */
class PortalEmployerJourneyTest extends BrowserTest {

    private static final Pattern SUBMISSION = Pattern.compile(".*/portal/submissions/(\\d+)$");

    @Autowired
    Accounts accounts;

    @Autowired
    Organisations organisations;

    @Autowired
    JdbcClient jdbc;

    @ParameterizedTest(name = "{0} × {1}")
    @CsvSource({"390, 844", "1440, 900"})
    void anEmployerSubmitsAClerkAcceptsOneAndReturnsAnother(int width, int height) {
        String base = "http://127.0.0.1:" + port;
        String code = PortalJourneys.creditCode();
        String company = (width < 768 ? "测试市掌上申报" : "测试市桌面申报") + code.substring(10, 16) + "有限公司";
        var agent = OidcProvider.shared().user(width < 768 ? "公孙经办" : "东方经办", Samples.citizenId(1983), null);
        String run = Integer.toString(ThreadLocalRandom.current().nextInt(100_000, 999_999));
        var staff = TestAccounts.create(
                accounts, "jclerk" + run, organisations.root().id(), Set.of(Role.CLERK), 3, false);
        var options = new Browser.NewContextOptions().setLocale("zh-CN").setViewportSize(width, height);

        try (BrowserContext employerCtx = browser.newContext(options);
                BrowserContext clerkCtx = browser.newContext(options)) {
            var page = employerCtx.newPage();
            PortalJourneys.signInThroughTheProvider(page, base, agent, "EMPLOYER", width);
            check(page, "employer-home", width);

            // the binding: asked in the portal, approved in the console
            page.navigate(base + "/portal/employer/bindings");
            check(page, "employer-bindings-empty", width);
            page.fill("#creditCode", code);
            page.fill("#employerName", company);
            page.click("#binding-submit");
            page.waitForURL(url -> url.contains("/portal/employer/bindings?requested"));
            assertThat(page.locator(".binding-state")).hasText("待审核");
            check(page, "employer-bindings", width);

            var clerk = clerkCtx.newPage();
            Browsers.login(clerk, base, staff.username(), staff.password(), staff.codes());
            clerk.navigate(base + "/portal-bindings");
            var request = clerk.locator(".binding-request")
                    .filter(new com.microsoft.playwright.Locator.FilterOptions().setHasText(code));
            request.locator("button[value=approve]").click();
            clerk.waitForLoadState();
            page.reload();
            assertThat(page.locator(".binding-state")).hasText("已绑定");

            long accepted = submit(page, base, code, "JFHD", "2025年度缴费基数申报", "ZJ01", "ZJ02", width, true);
            long returned = submit(page, base, code, "DWBG", "单位名称变更登记", "DW04", "DW05", width, false);
            page.navigate(base + "/portal/submissions");
            assertThat(page.locator("#submission-" + accepted)).containsText("待受理");
            check(page, "employer-submissions", width);

            // the clerk: accept one from the inbox, return the other with a reason
            clerk.navigate(base + "/submissions");
            clerk.click("#inbox-" + accepted + " a");
            clerk.waitForURL(base + "/submissions/" + accepted);
            clerk.click("#accept");
            assertThat(clerk.locator("#submission-state")).hasText("已受理");
            clerk.navigate(base + "/submissions");
            clerk.click("#inbox-" + returned + " a");
            clerk.waitForURL(base + "/submissions/" + returned);
            clerk.fill("#reason", "营业执照复印件不清晰，请重新上传");
            clerk.click("#return");
            assertThat(clerk.locator("#submission-state")).hasText("已退回");

            // the employer sees the 档号, the catalogue's own, and the reason
            String archiveCode = jdbc.sql(
                            "select i.archive_code from portal_submission s join item i on i.id = s.item_id where s.id = :id")
                    .param("id", accepted)
                    .query(String.class)
                    .single();
            page.navigate(base + "/portal/submissions/" + accepted);
            assertThat(page.locator("#submission-state")).hasText("已受理");
            assertThat(page.locator("#submission-archive-code")).hasText(archiveCode);
            check(page, "employer-accepted", width);
            page.navigate(base + "/portal/submissions/" + returned);
            assertThat(page.locator("#submission-state")).hasText("已退回");
            assertThat(page.locator("#submission-reason")).hasText("营业执照复印件不清晰，请重新上传");
            assertThat(page.locator("#submission-archive-code")).hasCount(0);
            check(page, "employer-returned", width);

            page.navigate(base + "/portal/employer");
            assertThat(page.locator(".catalogue-item .archive-code")).hasText(archiveCode);
            check(page, "employer-catalogue", width);
            page.click(".catalogue-item a");
            assertThat(page.locator("main")).containsText(archiveCode);
            check(page, "employer-item", width);

            for (String p : java.util.List.of("notifications", "account")) {
                page.navigate(base + "/portal/" + p);
                check(page, "employer-" + p, width);
            }
            // another id than its own: the 404 page
            var missing = page.navigate(base + "/portal/submissions/999999999");
            org.assertj.core.api.Assertions.assertThat(missing.status()).isEqualTo(404);
            check(page, "employer-404", width);
        }
    }

    /** Fills the new-submission form for {@code step} with two PDFs and sends it; the submission's id. */
    private static long submit(
            Page page,
            String base,
            String code,
            String step,
            String title,
            String material1,
            String material2,
            int width,
            boolean checkPages) {
        page.navigate(base + "/portal/submissions");
        if (checkPages) {
            check(page, "employer-submissions-empty", width);
        }
        page.click("#new-submission");
        page.selectOption("#step-choice", step);
        page.click("#step-form button[type=submit]");
        page.waitForURL(url -> url.contains("businessStep=" + step));
        assertThat(page.locator("#materials")).containsText("必交");
        if (checkPages) {
            check(page, "employer-submission-new", width);
        }
        page.selectOption("#creditCode", code);
        page.fill("#title", title);
        page.fill("#docDate", "2025-03-01");
        page.setInputFiles(
                "#file-" + material1,
                new FilePayload(title + "-1.pdf", "application/pdf", Samples.pdf(step + " first " + code)));
        page.setInputFiles(
                "#file-" + material2,
                new FilePayload(title + "-2.pdf", "application/pdf", Samples.pdf(step + " second " + code)));
        page.click("#submission-submit");
        page.waitForURL(url -> SUBMISSION.matcher(url).matches());
        assertThat(page.locator("#submission-state")).hasText("待受理");
        if (checkPages) {
            check(page, "employer-submission", width);
        }
        var m = SUBMISSION.matcher(page.url());
        org.assertj.core.api.Assertions.assertThat(m.matches()).isTrue();
        return Long.parseLong(m.group(1));
    }
}
