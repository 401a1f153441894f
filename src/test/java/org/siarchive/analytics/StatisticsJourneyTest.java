package org.siarchive.analytics;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.siarchive.analytics.StatisticsFixture.PERMANENT;
import static org.siarchive.analytics.StatisticsFixture.TEN_YEARS;
import static org.siarchive.analytics.StatisticsFixture.capture;

import com.microsoft.playwright.Browser;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.siarchive.capture.Captures;
import org.siarchive.catalog.Catalog;
import org.siarchive.organisation.Organisations;
import org.siarchive.security.Accounts;
import org.siarchive.security.Role;
import org.siarchive.security.TestAccounts;
import org.siarchive.shared.Actor;
import org.siarchive.support.BrowserTest;
import org.siarchive.support.Browsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * In Chromium: the archivist of a province opens 统计分析, sees the holdings charts drawn, drills down province → city
 * → county by the child-unit links (the breadcrumb following), downloads the county's 按年度 chart as Excel and finds
 * the page's figure in it; at 390 × 844 the page does not scroll sideways.
 */
class StatisticsJourneyTest extends BrowserTest {

    @Autowired
    Accounts accounts;

    @Autowired
    Organisations organisations;

    @Autowired
    Catalog catalog;

    @Autowired
    Captures captures;

    @Autowired
    JdbcClient jdbc;

    @Test
    void theArchivistDrillsFromProvinceToCountyAndDownloadsAChart() throws Exception {
        String run = Integer.toString(ThreadLocalRandom.current().nextInt(100_000, 999_999));
        var province =
                organisations.create(organisations.root().id(), "JP" + run, "旅程省" + run, "PROVINCE", Actor.SYSTEM);
        var city = organisations.create(province.id(), "JC" + run, "旅程市" + run, "CITY", Actor.SYSTEM);
        var county = organisations.create(city.id(), "JK" + run, "旅程县" + run, "COUNTY", Actor.SYSTEM);
        var other = organisations.create(city.id(), "JO" + run, "旅程另一县" + run, "COUNTY", Actor.SYSTEM);
        String fk = "0" + run.substring(0, 3); // four digits, as 全宗号 are
        String fo = "6" + run.substring(0, 3);
        catalog.ensureFonds(fk, "旅程县档案" + run, county.name(), county.id(), Actor.SYSTEM);
        catalog.ensureFonds(fo, "旅程另一县档案" + run, other.name(), other.id(), Actor.SYSTEM);
        capture(captures, fk, TEN_YEARS, "2021-04-01", "旅程县核定一");
        capture(captures, fk, TEN_YEARS, "2021-09-01", "旅程县核定二");
        capture(captures, fk, PERMANENT, "2023-03-01", "旅程县统计报表");
        capture(captures, fo, TEN_YEARS, "2022-02-02", "另一县核定");
        StatisticsFixture.awaitCounted(jdbc);
        var archivist = TestAccounts.create(accounts, "tjlc" + run, province.id(), Set.of(Role.ARCHIVIST), 3, false);
        String base = "http://127.0.0.1:" + port;

        var options = new Browser.NewContextOptions().setLocale("zh-CN").setAcceptDownloads(true);
        try (var ctx = browser.newContext(options.setViewportSize(1280, 900))) {
            var page = ctx.newPage();
            Browsers.login(page, base, archivist.username(), archivist.password(), () -> "");
            page.navigate(base + "/");
            page.click("#nav-statistics");
            page.waitForSelector("#tab-holdings.active");
            assertThat(page.locator("#org-breadcrumb")).containsText(province.name());
            assertThat(page.locator("#total-0")).hasText("4");
            page.waitForSelector("#chart-by-year canvas");

            page.click("#child-" + city.id());
            assertThat(page.locator("#org-breadcrumb")).containsText(city.name());
            page.click("#child-" + county.id());
            assertThat(page.locator("#org-breadcrumb li")).hasCount(3);
            assertThat(page.locator("#org-breadcrumb li").last()).hasText(county.name());
            assertThat(page.locator("#total-0")).hasText("3");
            page.waitForSelector("#chart-by-year canvas");
            Browsers.screenshot(page, "statistics-county");
            String onPage = page.locator("#table-by-year tbody tr:has-text('2021年') td")
                    .first()
                    .textContent();
            assertThat(onPage.strip()).isEqualTo("2");

            var download = page.waitForDownload(() -> page.click("#xlsx-by-year"));
            try (var wb = new XSSFWorkbook(new ByteArrayInputStream(Files.readAllBytes(download.path())))) {
                var sheet = wb.getSheetAt(0);
                double figure = -1;
                for (var row : sheet) {
                    if (row.getCell(0) != null && "2021年".equals(row.getCell(0).getStringCellValue())) {
                        figure = row.getCell(1).getNumericCellValue();
                    }
                }
                assertThat(figure).isEqualTo(Double.parseDouble(onPage.strip()));
                assertThat(sheet.getRow(1).getCell(0).getStringCellValue()).contains(county.name());
            }
        }
        try (var ctx = browser.newContext(options.setViewportSize(390, 844))) {
            var phone = ctx.newPage();
            Browsers.login(phone, base, archivist.username(), archivist.password(), () -> "");
            phone.navigate(base + "/statistics/holdings?org=" + county.id());
            phone.waitForSelector("#chart-by-year canvas");
            phone.navigate(base + "/statistics/growth?org=" + county.id());
            phone.waitForSelector("#chart-forecast canvas");
            Number scroll = (Number) phone.evaluate("document.documentElement.scrollWidth");
            assertThat(scroll.intValue()).as("no sideways scrolling at 390 px").isLessThanOrEqualTo(390);
            Browsers.screenshot(phone, "statistics-390");
        }
    }
}
