package org.siarchive.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.siarchive.notification.Message;
import org.siarchive.notification.TestOutbox;
import org.siarchive.shared.Actor;
import org.siarchive.support.IntegrationTest;
import org.siarchive.support.PortalBrowser;
import org.siarchive.support.Samples;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Portal messages (issue 19, item 5): a line per account and natural key whatever the repeats, one SMS for it in
 * the outbox's file adapter, none without a phone; the page renders in the reader's language, newest first, marks
 * one or all read; another account's message is 404 and audited; the unread count shows in the navigation.
 */
class PortalNoticesIT extends IntegrationTest {

    @LocalServerPort
    int port;

    @Autowired
    PortalNotices notices;

    @Autowired
    PortalAccounts accounts;

    @Autowired
    PortalSessions sessions;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate tx;

    @Autowired
    ApplicationContext context;

    final String run = Integer.toString(ThreadLocalRandom.current().nextInt(100_000, 999_999));

    private long person(String name, String phone) {
        return accounts.ensure(PortalUser.Kind.PERSON, name, Samples.citizenId(1968), phone, Actor.SYSTEM);
    }

    private long rows(long account) {
        return jdbc.sql("select count(*) from portal_notice where account_id = :a")
                .param("a", account)
                .query(Long.class)
                .single();
    }

    private static List<String> sms() throws Exception {
        Path file = DATA_DIR.resolve("notifications/sms.jsonl");
        return Files.exists(file) ? Files.readAllLines(file, StandardCharsets.UTF_8) : List.of();
    }

    @Test
    void theSameNaturalKeyTwiceIsOneLineAndOneSms() throws Exception {
        String phone = "139" + run + "11";
        long account = person("通知甲", phone);
        var args = List.of("WS" + run, "0101-WS·2026-Y-0001");
        tx.executeWithoutResult(s -> notices.notify(account, "portal.notice.submission.accepted", args, "acc-" + run));
        tx.executeWithoutResult(s -> notices.notify(account, "portal.notice.submission.accepted", args, "acc-" + run));
        assertThat(rows(account)).isEqualTo(1);

        TestOutbox.deliver(context);
        TestOutbox.deliver(context);
        assertThat(sms().stream().filter(l -> l.contains(phone)))
                .singleElement()
                .satisfies(l -> assertThat(l).contains("您的网上申报 WS" + run + " 已受理，档号 0101-WS·2026-Y-0001"));

        // another key is another line and another SMS; the same key for another account is that account's line
        tx.executeWithoutResult(
                s -> notices.notify(account, "portal.notice.certificate.ready", List.of("ZM" + run), "cert-" + run));
        long other = person("通知乙", null);
        tx.executeWithoutResult(s -> notices.notify(other, "portal.notice.submission.accepted", args, "acc-" + run));
        assertThat(rows(account)).isEqualTo(2);
        assertThat(rows(other)).isEqualTo(1);
        TestOutbox.deliver(context);
        assertThat(sms().stream().filter(l -> l.contains(phone))).hasSize(2);
    }

    @Test
    void withoutAPhoneNothingIsQueuedAndARolledBackCallerLeavesNoLine() {
        long account = person("通知丙", null);
        tx.executeWithoutResult(
                s -> notices.notify(account, "portal.notice.certificate.ready", List.of("ZM" + run), "nophone-" + run));
        assertThat(rows(account)).isEqualTo(1);
        String key = PortalNotices.OBJECT
                + jdbc.sql("select id from portal_notice where account_id = :a")
                        .param("a", account)
                        .query(Long.class)
                        .single();
        assertThat(jdbc.sql("select count(*) from notification_outbox where natural_key = :k")
                        .param("k", key)
                        .query(Long.class)
                        .single())
                .isZero();

        long texted = person("通知丁", "139" + run + "12");
        tx.executeWithoutResult(s -> {
            notices.notify(texted, "portal.notice.certificate.ready", List.of("ZM" + run), "rb-" + run);
            s.setRollbackOnly();
        });
        assertThat(rows(texted)).isZero();
        assertThat(jdbc.sql("select count(*) from notification_outbox where address = :p")
                        .param("p", "139" + run + "12")
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void badCallsAreRefusedBeforeAnyWrite() {
        long account = person("通知戊", null);
        assertThatThrownBy(() -> notices.notify(account, "notification.message.code", List.of(), "x-" + run))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> notices.notify(account, "portal.notice.certificate.ready", List.of("1"), " "))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> notices.notify(
                        account, "portal.notice.certificate.ready", List.of("1"), "k".repeat(Message.MAX_KEY + 1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> notices.notify(-1, "portal.notice.certificate.ready", List.of("1"), "k-" + run))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(rows(account)).isZero();
    }

    @Test
    void linesAreRenderedInTheReadersLanguageWithLabelsForHashArguments() {
        long account = person("通知己", null);
        tx.executeWithoutResult(s -> {
            notices.notify(account, "portal.notice.submission.returned", List.of("WS" + run, "材料不清晰"), "ret-" + run);
            notices.notify(
                    account,
                    "portal.notice.case.progress",
                    List.of("ZY" + run, Message.label("portal.notices.readMark")),
                    "case-" + run);
        });
        var zh = notices.page(account, 0, Locale.SIMPLIFIED_CHINESE).content();
        assertThat(zh)
                .extracting(PortalNotices.Line::text)
                .containsExactly("您的业务 ZY" + run + " 办理进度：已读", "您的网上申报 WS" + run + " 已退回，原因：材料不清晰");
        var en = notices.page(account, 0, Locale.ENGLISH).content();
        assertThat(en)
                .extracting(PortalNotices.Line::text)
                .containsExactly(
                        "Your case ZY" + run + " has moved on: Read",
                        "Your submission WS" + run + " was returned: 材料不清晰");
        assertThat(en).noneMatch(PortalNotices.Line::read);
    }

    @Test
    void thePageShowsTheUnreadCountAndMarksOnlyOnesOwnLinesRead() {
        long me = person("通知庚", null);
        long other = person("通知辛", null);
        tx.executeWithoutResult(s -> {
            for (int i = 1; i <= 3; i++) {
                notices.notify(me, "portal.notice.certificate.ready", List.of("ZM" + run + i), "p" + i + "-" + run);
            }
            notices.notify(other, "portal.notice.certificate.ready", List.of("ZM" + run + "9"), "o-" + run);
        });
        long foreign = jdbc.sql("select id from portal_notice where account_id = :a")
                .param("a", other)
                .query(Long.class)
                .single();
        var browser = new PortalBrowser(port).signedIn(sessions.open(me, "127.0.0.1"));

        var home = browser.get("/portal");
        assertThat(home.status()).isEqualTo(200);
        assertThat(home.body()).contains("id=\"portal-unread\"").contains("3 条未读");

        var page = browser.get("/portal/notifications");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body())
                .contains("您的档案证明 ZM" + run + "3 已开具")
                .doesNotContain("ZM" + run + "9")
                .contains("未读 3 条");
        assertThat(page.body().indexOf("ZM" + run + "3")).isLessThan(page.body().indexOf("ZM" + run + "1"));
        assertThat(browser.get("/portal/notifications?lang=en").body())
                .contains("Your archive certificate ZM" + run + "3 is ready")
                .contains("3 unread");
        assertThat(browser.get("/portal/notifications?lang=zh-CN").body()).contains("未读 3 条");

        // another account's line: 404, as for none, audited; it stays unread
        var denied = browser.post("/portal/notifications/" + foreign + "/read", Map.of());
        assertThat(denied.status()).isEqualTo(404);
        assertThat(browser.post("/portal/notifications/999999999/read", Map.of())
                        .status())
                .isEqualTo(404);
        assertThat(jdbc.sql(
                                """
                        select count(*) from audit_entry where object_type = 'NOTIFICATION' and object_id = :o
                           and result = 'DENIED' and actor = :me""")
                        .param("o", PortalNotices.OBJECT + foreign)
                        .param("me", "portal:" + me)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        assertThat(notices.unread(other)).isEqualTo(1);

        long mine = jdbc.sql("select min(id) from portal_notice where account_id = :a")
                .param("a", me)
                .query(Long.class)
                .single();
        browser.get("/portal/notifications");
        var read = browser.post("/portal/notifications/" + mine + "/read", Map.of());
        assertThat(read.status()).isEqualTo(302);
        assertThat(read.location()).endsWith("/portal/notifications?page=0");
        assertThat(notices.unread(me)).isEqualTo(2);
        assertThat(browser.get("/portal").body()).contains("2 条未读");

        browser.get("/portal/notifications");
        assertThat(browser.post("/portal/notifications/read-all", Map.of()).status())
                .isEqualTo(302);
        assertThat(notices.unread(me)).isZero();
        assertThat(notices.unread(other)).isEqualTo(1);
        assertThat(browser.get("/portal").body()).doesNotContain("id=\"portal-unread\"");

        // without the CSRF token nothing changes
        tx.executeWithoutResult(s -> notices.notify(me, "portal.notice.certificate.ready", List.of("X"), "c-" + run));
        var forged = new PortalBrowser(port).signedIn(sessions.open(me, "127.0.0.1"));
        assertThat(forged.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(
                                        "http://127.0.0.1:" + port + "/portal/notifications/read-all"))
                                .header("Content-Type", "application/x-www-form-urlencoded")
                                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("")))
                        .status())
                .isEqualTo(403);
        assertThat(notices.unread(me)).isEqualTo(1);
    }

    @Test
    void aPageOutOfRangeIsRefusedNamingTheField() {
        long me = person("通知壬", null);
        var browser = new PortalBrowser(port).signedIn(sessions.open(me, "127.0.0.1"));
        var r = browser.get("/portal/notifications?page=" + PortalNotices.MAX_PAGES);
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.body()).contains("页码：应在 0 到 " + (PortalNotices.MAX_PAGES - 1) + " 之间");
        assertThat(browser.get("/portal/notifications?page=-1").status()).isEqualTo(422);
        assertThat(browser.get("/portal/notifications?page=x").status()).isBetween(400, 499);
    }

    @Test
    void aLongHistoryIsReadInBoundedPages() {
        long me = person("通知癸", null);
        int planted = PortalNotices.SIZE * PortalNotices.MAX_PAGES + 10;
        jdbc.sql(
                        """
                insert into portal_notice (account_id, label_key, args, natural_key)
                select :a, 'portal.notice.certificate.ready', array['ZM' || g], 'bulk-' || g
                  from generate_series(1, :n) g""")
                .param("a", me)
                .param("n", planted)
                .update();
        var browser = new PortalBrowser(port).signedIn(sessions.open(me, "127.0.0.1"));
        browser.get("/portal/notifications");
        var first = browser.get("/portal/notifications");
        var last = browser.get("/portal/notifications?page=" + (PortalNotices.MAX_PAGES - 1));
        long[] firstMs = new long[9];
        long[] lastMs = new long[9];
        for (int i = 0; i < firstMs.length; i++) {
            long start = System.nanoTime();
            browser.get("/portal/notifications");
            firstMs[i] = (System.nanoTime() - start) / 1_000_000;
            start = System.nanoTime();
            browser.get("/portal/notifications?page=" + (PortalNotices.MAX_PAGES - 1));
            lastMs[i] = (System.nanoTime() - start) / 1_000_000;
        }
        java.util.Arrays.sort(firstMs);
        java.util.Arrays.sort(lastMs);
        System.out.printf(
                "portal notices with %d lines: page 0 median %d ms (min %d), page %d median %d ms (min %d)%n",
                planted, firstMs[4], firstMs[0], PortalNotices.MAX_PAGES - 1, lastMs[4], lastMs[0]);
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.body()).contains("您的档案证明 ZM" + planted + " 已开具").contains("未读 %,d 条".formatted(planted));
        assertThat(last.status()).isEqualTo(200);
        assertThat(last.body())
                .contains("ZM" + (planted - PortalNotices.SIZE * PortalNotices.MAX_PAGES + 1) + " ")
                .doesNotContain("id=\"notices-next\"");
        assertThat(notices.page(me, PortalNotices.MAX_PAGES - 1, Locale.ENGLISH).content())
                .hasSize(PortalNotices.SIZE);
    }
}
