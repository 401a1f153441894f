package org.siarchive.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.siarchive.notification.Message;
import org.siarchive.notification.TestOutbox;
import org.siarchive.shared.Actor;
import org.siarchive.support.IntegrationTest;
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
}
