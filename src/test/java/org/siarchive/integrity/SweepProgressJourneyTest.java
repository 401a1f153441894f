package org.siarchive.integrity;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;
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
 * In Chromium, zh-CN: an archivist starts a fixity sweep on /integrity and watches its progress advance
 * without reloading the page (the block polls every second) until it reads 已完成. The sweep is paced to
 * two items per chunk with a pause between chunks, so a dozen items take several seconds.
 */
class SweepProgressJourneyTest extends BrowserTest {

    private static final Pattern DONE = Pattern.compile("已检 (\\d+)/(\\d+) 件");

    @Autowired
    Accounts accounts;

    @Autowired
    Organisations organisations;

    @Autowired
    Captures captures;

    @Autowired
    FixitySweeps sweeps;

    @Test
    void aSweepStartedOnTheConsoleShowsItsProgressAdvancingUntilDone() {
        String run = Integer.toString(ThreadLocalRandom.current().nextInt(100_000, 999_999));
        for (int i = 0; i < 12; i++) {
            captures.capture(
                    Samples.personEnrolment(Samples.acceptanceNo(), Samples.citizenId(1960 + i), "巡检进度" + i),
                    List.of(
                            Upload.ofBytes("a.png", Samples.png(Long.parseLong(run) + i)),
                            Upload.ofBytes("b.pdf", Samples.pdf("sweep " + run + " " + i))),
                    null,
                    Actor.SYSTEM);
        }
        while (sweeps.current().isPresent()) {
            sweeps.work();
        }
        var archivist =
                TestAccounts.create(accounts, "xj" + run, organisations.root().id(), Set.of(Role.ARCHIVIST), 3, false);
        String base = "http://127.0.0.1:" + port;
        sweeps.pace(2, Duration.ofMillis(600));
        try (var ctx = browser.newContext(new Browser.NewContextOptions().setLocale("zh-CN"))) {
            var page = ctx.newPage();
            Browsers.login(page, base, archivist.username(), archivist.password(), archivist.codes());
            page.navigate(base + "/integrity");
            assertThat(page.locator("#count-preserved").textContent()).contains("已保存", "目录共");
            page.fill("#rateMbS", "0");
            page.click("#sweep-submit");
            page.waitForURL(Pattern.compile(".*/integrity/sweeps/\\d+$"));
            assertThat(page.locator("#sweep-status").textContent()).isEqualTo("进行中");
            // a marker that a reload or a navigation would lose
            page.evaluate("window.notReloaded = true");

            var seen = new ArrayList<Integer>();
            int total = -1;
            long deadline = System.currentTimeMillis() + 120_000;
            while (System.currentTimeMillis() < deadline) {
                var m = DONE.matcher(page.locator("#sweep-progress").textContent());
                assertThat(m.find()).isTrue();
                int done = Integer.parseInt(m.group(1));
                total = Integer.parseInt(m.group(2));
                if (seen.isEmpty() || seen.get(seen.size() - 1) != done) {
                    seen.add(done);
                }
                if (page.locator("#sweep-status").textContent().equals("已完成")) {
                    // the page may have updated between the two reads: the figures shown with 已完成
                    var last = DONE.matcher(page.locator("#sweep-progress").textContent());
                    assertThat(last.find()).isTrue();
                    total = Integer.parseInt(last.group(2));
                    if (seen.get(seen.size() - 1) != Integer.parseInt(last.group(1))) {
                        seen.add(Integer.parseInt(last.group(1)));
                    }
                    break;
                }
                page.waitForTimeout(250);
            }
            Browsers.screenshot(page, "sweep-progress-done");
            assertThat(page.locator("#sweep-status").textContent()).isEqualTo("已完成");
            assertThat(page.evaluate("window.notReloaded === true")).isEqualTo(true);
            assertThat(total).isGreaterThanOrEqualTo(12);
            // the page saw the sweep part-way, more than once, then complete
            assertThat(seen.stream().filter(d -> d > 0 && d < seen.get(seen.size() - 1)))
                    .hasSizeGreaterThanOrEqualTo(2);
            assertThat(seen).isSorted();
            assertThat(seen.get(seen.size() - 1)).isEqualTo(total);
            assertThat(page.locator("#sweep-percent").textContent()).isEqualTo("100%");
            assertThat(page.locator("#sweep-result")).isNotNull();
        } finally {
            sweeps.pace(64, Duration.ZERO);
        }
    }
}
