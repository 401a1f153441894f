package org.siarchive.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.siarchive.capture.Captures;
import org.siarchive.capture.Upload;
import org.siarchive.security.Accounts;
import org.siarchive.security.Role;
import org.siarchive.security.TestAccounts;
import org.siarchive.shared.Actor;
import org.siarchive.support.ConsoleSession;
import org.siarchive.support.IntegrationTest;
import org.siarchive.support.Samples;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The search index rebuild on the console (issue 14): an administrator with system settings starts it
 * (audited); while it runs, the search page shows a banner with n of m items, polled and advancing; once
 * it ended the banner is gone. Who may not change system settings cannot start one.
 */
class SearchIndexConsoleIT extends IntegrationTest {

    private static final Pattern DONE = Pattern.compile("data-done=\"(\\d+)\"");

    @Autowired
    SearchIndexer indexer;

    @Autowired
    Accounts accounts;

    @Autowired
    Captures captures;

    @Autowired
    JdbcClient jdbc;

    @LocalServerPort
    int port;

    @AfterEach
    void fullSpeed() throws InterruptedException {
        indexer.pace(Duration.ZERO);
        while (indexer.rebuilding()) {
            Thread.sleep(50);
        }
    }

    @Test
    void aRebuildShowsItsProgressOnTheSearchPageUntilItEnds() throws Exception {
        for (int i = 0; i < 3; i++) {
            captures.capture(
                    Samples.personEnrolment(Samples.acceptanceNo(), Samples.citizenId(1950 + i), "索引重建" + i),
                    List.of(
                            Upload.ofBytes("a.png", Samples.png(9500 + i)),
                            Upload.ofBytes("b.pdf", Samples.pdf("progress " + i))),
                    null,
                    Actor.SYSTEM);
        }
        while (indexer.rebuilding()) {
            Thread.sleep(50);
        }
        String run = UUID.randomUUID().toString().substring(0, 8);
        var admin = session(TestAccounts.create(accounts, "si" + run, 1, Set.of(Role.SYSADMIN), 3, true));
        var reader = session(TestAccounts.create(accounts, "sr" + run, 1, Set.of(Role.ARCHIVIST), 3, false));

        assertThat(reader.get("/search").body()).as("no rebuild, no banner").doesNotContain("检索索引重建中");
        assertThat(admin.get("/admin/search-index").body()).contains("重建索引", "id=\"rebuild-submit\"");
        assertThat(reader.post("/admin/search-index/rebuild", Map.of()).status())
                .as("only with system settings")
                .isEqualTo(403);
        assertThat(indexer.rebuilding()).isFalse();

        indexer.pace(Duration.ofMillis(300));
        assertThat(admin.post("/admin/search-index/rebuild", Map.of()).status()).isEqualTo(302);
        assertThat(jdbc.sql("select count(*) from audit_entry where operation = 'START' and object_type = 'SEARCH'"
                                + " and actor = :a")
                        .param("a", "si" + run)
                        .query(Integer.class)
                        .single())
                .as("the rebuild is audited")
                .isEqualTo(1);

        var page = reader.get("/search");
        assertThat(page.body()).contains("检索索引重建中", "结果可能不全", "hx-get=\"/search/rebuild/progress\"", "every 1s");
        int first = done(reader.get("/search/rebuild/progress").body());
        long until = System.currentTimeMillis() + 30_000;
        int later = first;
        while (later < first + 2 && System.currentTimeMillis() < until) {
            Thread.sleep(200);
            later = done(reader.get("/search/rebuild/progress").body());
        }
        assertThat(later).as("the count advances").isGreaterThanOrEqualTo(first + 2);
        var polled = reader.get("/search/rebuild/progress").body();
        assertThat(polled).containsPattern("已完成 \\d+ / \\d+ 件");
        assertThat(admin.get("/admin/search-index/progress").body()).contains("检索索引重建中");

        indexer.pace(Duration.ZERO);
        until = System.currentTimeMillis() + 60_000;
        while (indexer.rebuilding() && System.currentTimeMillis() < until) {
            Thread.sleep(100);
        }
        assertThat(indexer.rebuilding()).isFalse();
        var ended = reader.get("/search/rebuild/progress").body();
        assertThat(ended).contains("data-running=\"false\"").doesNotContain("检索索引重建中", "hx-trigger");
        assertThat(reader.get("/search").body()).doesNotContain("检索索引重建中");
    }

    private ConsoleSession session(TestAccounts.Login login) {
        var s = new ConsoleSession(port);
        assertThat(s.login(login.username(), login.password(), login.codes())).isEqualTo("/");
        return s;
    }

    private static int done(String body) {
        var m = DONE.matcher(body);
        assertThat(m.find()).as(body).isTrue();
        return Integer.parseInt(m.group(1));
    }
}
