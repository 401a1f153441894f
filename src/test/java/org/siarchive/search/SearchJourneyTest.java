package org.siarchive.search;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import java.io.ByteArrayInputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
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
 * In Chromium, zh-CN: a reader types part of a 档号 with "." and lower case, lands on a bookmarkable GET
 * address, sees the 目录 columns unwrapped at 1440 px, a 申请利用 link per row, 在结果中检索, and exports the
 * register whose Excel rows are the screen's rows; the same address works at 390 px; a search by ID number
 * stays a POST (the number never enters the address); an archivist (who may not request) sees no 申请利用,
 * finds the person by name, opens the file and exports it (Excel rows = the file's rows), and a blank name
 * or an over-long credit code is answered beside the field with the input kept.
 */
class SearchJourneyTest extends BrowserTest {

    private static final String DIGITS = "甲乙丙丁戊己庚辛壬癸";

    @Autowired
    Accounts accounts;

    @Autowired
    Organisations organisations;

    @Autowired
    Captures captures;

    @Test
    void readerFindsATypedCodeExportsTheDirectoryAndAnArchivistFindsThePersonByName() throws Exception {
        String run = Integer.toString(ThreadLocalRandom.current().nextInt(100_000, 999_999));
        String name = "司马"
                + run.chars()
                        .mapToObj(c -> String.valueOf(DIGITS.charAt(c - '0')))
                        .reduce("", String::concat);
        String cert = Samples.citizenId(1971);
        var items = new ArrayList<String>();
        for (int i = 0; i < 2; i++) {
            items.add(captures.capture(
                            Samples.personEnrolment(Samples.acceptanceNo(), cert, name),
                            List.of(
                                    Upload.ofBytes("a.png", Samples.png(run.hashCode() + i)),
                                    Upload.ofBytes("b.pdf", Samples.pdf("journey " + run + i))),
                            null,
                            Actor.SYSTEM)
                    .item()
                    .archiveCode());
        }
        String code = items.get(0);
        long root = organisations.root().id();
        var reader = TestAccounts.create(accounts, "sr" + run, root, Set.of(Role.READER), 2, false);
        var archivist = TestAccounts.create(accounts, "sa" + run, root, Set.of(Role.ARCHIVIST), 3, true);
        String base = "http://127.0.0.1:" + port;
        var api = new org.siarchive.support.ApiClient(port);
        org.awaitility.Awaitility.await()
                .atMost(java.time.Duration.ofSeconds(180))
                .pollInterval(java.time.Duration.ofMillis(500))
                .untilAsserted(() -> assertThat(new String(
                                api.get("/api/v1/search?size=100&name="
                                                + java.net.URLEncoder.encode(name, StandardCharsets.UTF_8))
                                        .body(),
                                StandardCharsets.UTF_8))
                        .contains(items.get(1)));
        // typed the way people type: lower case, "." for every separator, without the fonds part
        String key = ArchiveCodeInput.key(code);
        String typed = key.substring(key.indexOf('-') + 1).replace('-', '.').toLowerCase(java.util.Locale.ROOT);

        String bookmark;
        try (var ctx = browser.newContext(
                new Browser.NewContextOptions().setLocale("zh-CN").setViewportSize(1440, 900))) {
            var page = ctx.newPage();
            Browsers.login(page, base, reader.username(), reader.password(), reader.codes());
            page.navigate(base + "/search");
            page.fill("#archiveCode", typed);
            page.click("#search-submit");
            page.waitForSelector("#search-results a:text-is('" + code + "')");
            bookmark = page.url();
            assertThat(URLDecoder.decode(bookmark, StandardCharsets.UTF_8)).contains("/search?archiveCode=" + typed);
            assertThat(page.locator("#search-results tr.hit")).hasCount(1);
            var row = page.locator("#search-results tr.hit").first();
            assertThat(row.locator("td.responsible").textContent()).isEqualTo("测试市社会保险事业管理中心");
            assertThat(row.locator("td.security").textContent()).matches("公开|内部|敏感");
            assertThat(row.locator("td.retention").textContent()).isNotBlank().doesNotMatch(".*[A-Za-z].*");
            assertThat(row.locator("td.pages").textContent()).isEqualTo("2");
            // 档号, names and headers on one line at 1440 px
            assertThat(oneLine(page, "#search-results tr.hit td.code a")).isTrue();
            assertThat(oneLine(page, "#search-results tr.hit td.party div")).isTrue();
            for (var th : page.locator("#search-results thead th").all()) {
                assertThat(
                                th.evaluate(
                                        "e => e.getClientRects().length <= 1 && e.scrollHeight < 2 * parseFloat(getComputedStyle(e).lineHeight) + 16"))
                        .isEqualTo(true);
            }
            String request = row.locator("a.request-use").getAttribute("href");
            assertThat(URLDecoder.decode(request, StandardCharsets.UTF_8)).isEqualTo("/lending?archiveCodes=" + code);
            assertThat(page.isVisible("#refine")).isTrue();
            // the results sit beside the facets, not below them
            assertThat(
                            page.evaluate(
                                    "() => document.querySelector('#search-results').getBoundingClientRect().left >= document.querySelector('#facets').getBoundingClientRect().right"))
                    .isEqualTo(true);
            Browsers.screenshot(page, "search-typed-code");

            // the register: the Excel rows are the screen's rows
            String xlsx = page.locator("#export-xlsx").getAttribute("href");
            var download = page.request().get(base + xlsx);
            assertThat(download.status()).isEqualTo(200);
            assertThat(excelRows(download.body())).isEqualTo(screenRows(page, "#search-results tr.hit"));

            // a broader search by the name: both items, and narrowing within them by the other code's part
            page.navigate(base + "/search?name=" + java.net.URLEncoder.encode(name, StandardCharsets.UTF_8));
            assertThat(page.locator("#search-results tr.hit")).hasCount(2);
            String other = ArchiveCodeInput.key(items.get(1));
            page.fill("#refine", other.substring(other.lastIndexOf('-', other.lastIndexOf('-') - 1) + 1));
            page.click("#refine-submit");
            page.waitForURL(u -> u.contains("within") || u.contains("q="));
            assertThat(page.locator("#search-results tr.hit")).hasCount(1);
            assertThat(page.locator("#search-results tr.hit td.code").textContent())
                    .isEqualTo(items.get(1));
            assertThat(URLDecoder.decode(page.url(), StandardCharsets.UTF_8)).contains("name=" + name);

            // an ID number stays out of the address: the form is answered in place
            page.navigate(base + "/search");
            page.fill("#idNumber", cert);
            page.click("#search-submit");
            page.waitForSelector("#search-results tr.hit");
            assertThat(page.url()).doesNotContain(cert).endsWith("/search");
            assertThat(page.locator("#search-results tr.hit")).hasCount(2);
            assertThat(page.locator("#export-xlsx").getAttribute("formaction")).isEqualTo("/search/export");
        }
        try (var ctx = browser.newContext(
                new Browser.NewContextOptions().setLocale("zh-CN").setViewportSize(390, 844))) {
            var page = ctx.newPage();
            Browsers.login(page, base, reader.username(), reader.password(), reader.codes());
            page.navigate(bookmark);
            page.waitForSelector("#search-results a:text-is('" + code + "')");
            assertThat(page.locator(".table-responsive #search-results")).hasCount(1);
            assertThat(
                            page.evaluate(
                                    "() => document.querySelector('#search-form').getBoundingClientRect().right <= window.innerWidth + 1"))
                    .isEqualTo(true);
            Browsers.screenshot(page, "search-390");
        }
        try (var ctx = browser.newContext(new Browser.NewContextOptions().setLocale("zh-CN"))) {
            var page = ctx.newPage();
            Browsers.login(page, base, archivist.username(), archivist.password(), archivist.codes());
            page.navigate(bookmark);
            page.waitForSelector("#search-results a:text-is('" + code + "')");
            assertThat(page.locator("a.request-use")).hasCount(0);

            page.navigate(base + "/persons");
            page.click("#name-submit");
            assertThat(page.locator("#name-error")).isVisible();
            assertThat(page.locator("#lookup-name").getAttribute("class")).contains("is-invalid");
            assertThat(page.locator("#form-errors")).isVisible();
            page.fill("#lookup-name", name.substring(0, 4));
            page.click("#name-submit");
            page.waitForSelector("#name-results tr.match");
            var match = page.locator("#name-results tr.match", new Page.LocatorOptions().setHasText(name));
            assertThat(match.textContent())
                    .contains("1971")
                    .doesNotContain(cert)
                    .contains(cert.substring(0, 6));
            assertThat(page.locator("#lookup-name").inputValue()).isEqualTo(name.substring(0, 4));
            match.locator("a.party-link").click();
            page.waitForSelector("#party-items");
            assertThat(page.locator("#party-items tr.party-item")).hasCount(2);
            String xlsx = page.locator("#export-xlsx").getAttribute("href");
            var download = page.request().get(base + xlsx);
            assertThat(download.status()).isEqualTo(200);
            assertThat(excelRows(download.body())).isEqualTo(partyRows(page));
            Browsers.screenshot(page, "person-file-register");

            page.navigate(base + "/employers");
            page.fill("#key", "91510100" + "X".repeat(20));
            page.click("#lookup-submit");
            assertThat(page.locator("#creditCode-error")).isVisible();
            assertThat(page.locator("#key").inputValue()).isEqualTo("91510100" + "X".repeat(20));
        }
    }

    private static boolean oneLine(Page page, String selector) {
        return (Boolean) page.locator(selector).first().evaluate("e => e.getClientRects().length === 1");
    }

    /** 档号, 题名, 责任者, 保管期限, 密级, 页数 of each result row. */
    private static List<List<String>> screenRows(Page page, String rows) {
        var out = new ArrayList<List<String>>();
        for (var r : page.locator(rows).all()) {
            out.add(List.of(
                    r.locator("td.code").textContent().strip(),
                    r.locator("td.title > span").first().textContent().strip(),
                    r.locator("td.responsible").textContent().strip(),
                    r.locator("td.retention").textContent().strip(),
                    r.locator("td.security").textContent().strip(),
                    r.locator("td.pages").textContent().strip()));
        }
        return out;
    }

    /** The same columns of the person file's rows (档号, 题名, 责任者, 保管期限, 密级, 页数). */
    private static List<List<String>> partyRows(Page page) {
        var out = new ArrayList<List<String>>();
        for (var r : page.locator("#party-items tr.party-item").all()) {
            var cells = r.locator("td").allTextContents();
            out.add(List.of(
                    cells.get(1).strip(),
                    cells.get(2).strip(),
                    cells.get(3).strip(),
                    cells.get(5).strip(),
                    cells.get(6).strip(),
                    cells.get(7).strip()));
        }
        return out;
    }

    /** The register's data rows as 档号, 题名, 责任者, 保管期限, 密级, 页数, after checking 序号 and the headers. */
    private static List<List<String>> excelRows(byte[] xlsx) throws Exception {
        try (var wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            var sheet = wb.getSheetAt(0);
            var f = new DataFormatter();
            var header = new ArrayList<String>();
            sheet.getRow(0).forEach(c -> header.add(f.formatCellValue(c)));
            assertThat(header).containsExactly("序号", "档号", "题名", "责任者", "日期", "保管期限", "密级", "页数", "备注");
            var out = new ArrayList<List<String>>();
            for (int i = 1; i <= sheet.getLastRowNum(); i++) {
                var row = sheet.getRow(i);
                assertThat(f.formatCellValue(row.getCell(0))).isEqualTo(Integer.toString(i));
                out.add(List.of(
                        f.formatCellValue(row.getCell(1)),
                        f.formatCellValue(row.getCell(2)),
                        f.formatCellValue(row.getCell(3)),
                        f.formatCellValue(row.getCell(5)),
                        f.formatCellValue(row.getCell(6)),
                        f.formatCellValue(row.getCell(7))));
            }
            return out;
        }
    }
}
