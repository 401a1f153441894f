package org.siarchive.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.options.SelectOption;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.siarchive.audit.AuditOperation;
import org.siarchive.audit.AuditTrail;
import org.siarchive.audit.AuditedObject;
import org.siarchive.organisation.Organisations;
import org.siarchive.security.Accounts;
import org.siarchive.security.Role;
import org.siarchive.security.TestAccounts;
import org.siarchive.shared.Actor;
import org.siarchive.support.BrowserTest;
import org.siarchive.support.Browsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * In Chromium, in Chinese, at phone width (390 × 844): an account of a county unmasks eleven people's ID numbers
 * within the hour; the evaluator raises 频繁查看明文. The security administrator (password and TOTP) chooses the
 * rule from the Chinese drop-down, opens the alert, sees the eleven entries behind it and acknowledges it with a
 * note; the page never scrolls sideways.
 */
class MonitoringJourneyTest extends BrowserTest {

    @Autowired
    Accounts accounts;

    @Autowired
    Organisations organisations;

    @Autowired
    AuditWatch watch;

    @Autowired
    AuditTrail audit;

    @Autowired
    TransactionTemplate tx;

    @Autowired
    JdbcClient jdbc;

    @Test
    void theSecurityAdministratorOpensAnAlertSeesItsEntriesAndAcknowledgesIt() {
        String run = Integer.toString(ThreadLocalRandom.current().nextInt(100_000, 999_999));
        long root = organisations.root().id();
        var county = organisations.create(root, "MJ" + run, "监测旅程县" + run, "COUNTY", Actor.SYSTEM);
        var secadmin = TestAccounts.create(accounts, "jsec" + run, root, Set.of(Role.SECADMIN), 3, true);
        Defaults.restore(jdbc);
        watch.evaluate(MonitoringRulesIT.ALWAYS);

        var suspect = new Actor("jmx" + run, county.code(), "10.40.50.60", "Mozilla/5.0");
        for (int attempt = 0; attempt < 3; attempt++) {
            long hour = System.currentTimeMillis() / 3_600_000;
            tx.executeWithoutResult(s -> {
                for (int i = 0; i < 11; i++) {
                    audit.record(suspect, AuditedObject.PERSON, i + run, AuditOperation.UNMASK, "核对身份", null);
                }
            });
            if (System.currentTimeMillis() / 3_600_000 == hour) {
                break;
            }
        }
        watch.evaluate(MonitoringRulesIT.ALWAYS);

        String base = "http://127.0.0.1:" + port;
        var phone = new Browser.NewContextOptions().setLocale("zh-CN").setViewportSize(390, 844);
        try (var ctx = browser.newContext(phone)) {
            var page = ctx.newPage();
            Browsers.login(page, base, secadmin.username(), secadmin.password(), secadmin.codes());
            page.navigate(base + "/monitoring/alerts");
            page.selectOption("#f-rule", new SelectOption().setLabel("频繁查看明文"));
            page.selectOption("#f-state", new SelectOption().setLabel("待确认"));
            page.click("#alert-filter-submit");
            page.waitForURL(u -> u.contains("rule=REPEATED_UNMASK"));
            var row = page.locator(
                    "#alerts tr.alert-row",
                    new com.microsoft.playwright.Page.LocatorOptions().setHasText(suspect.name()));
            assertThat(row.count()).isEqualTo(1);
            assertThat(row.locator(".alert-rule").textContent()).isEqualTo("频繁查看明文");
            assertNoSidewaysScroll(page);
            Browsers.screenshot(page, "monitoring-alerts-390");

            row.locator("a.alert-link").click();
            page.waitForURL(u -> u.contains("/monitoring/alerts/"));
            assertThat(page.locator("#alert-actor").textContent()).isEqualTo(suspect.name());
            assertThat(page.locator("#alert-entries tr.alert-entry").count()).isEqualTo(11);
            assertThat(page.locator("#alert-entries .entry-operation").allTextContents())
                    .containsOnly("查看明文");
            assertNoSidewaysScroll(page);
            Browsers.screenshot(page, "monitoring-alert-390");

            page.click("#acknowledge");
            page.waitForSelector("#note-error");
            assertThat(page.locator("#note-error").textContent()).isEqualTo("必填");
            page.fill("#note", "已电话核实：为办理待遇资格认证逐一核对身份");
            page.click("#acknowledge");
            page.waitForSelector("#flash");
            assertThat(page.locator("#flash").textContent()).isEqualTo("告警已确认");
            assertThat(page.locator("#alert-state").textContent()).isEqualTo("已确认");
            assertThat(page.locator("#alert-note").textContent()).isEqualTo("已电话核实：为办理待遇资格认证逐一核对身份");
            assertNoSidewaysScroll(page);
            Browsers.screenshot(page, "monitoring-acknowledged-390");
        }
    }

    private static void assertNoSidewaysScroll(com.microsoft.playwright.Page page) {
        Number scroll = (Number) page.evaluate("document.documentElement.scrollWidth");
        assertThat(scroll.intValue()).as("no sideways scrolling at 390 px").isLessThanOrEqualTo(390);
    }
}
