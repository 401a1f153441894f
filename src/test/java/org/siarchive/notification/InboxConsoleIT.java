package org.siarchive.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.siarchive.organisation.OrgUnit;
import org.siarchive.organisation.Organisations;
import org.siarchive.security.Accounts;
import org.siarchive.security.Role;
import org.siarchive.security.TestAccounts;
import org.siarchive.shared.Actor;
import org.siarchive.support.ConsoleSession;
import org.siarchive.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The inbox in the console and the channels behind the {@link Notifier} port: the bell's count, the page newest
 * first in the reader's language, marking read only one's own lines (another account's id is 404), all read, the
 * bell's polling that stops; contact details checked (422 with the input kept) and audited; the file adapters
 * writing SMS and e-mail in the recipient's language through the outbox (once, audited SEND, the address erased);
 * a person without an account reached by phone number alone.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InboxConsoleIT extends IntegrationTest {

    @LocalServerPort
    int port;

    @Autowired
    Accounts accounts;

    @Autowired
    Organisations organisations;

    @Autowired
    Notifications notifications;

    @Autowired
    Contacts contacts;

    @Autowired
    OutboxWorker outbox;

    @Autowired
    JdbcClient jdbc;

    final String run = Integer.toString(ThreadLocalRandom.current().nextInt(100_000, 999_999));
    OrgUnit unit;
    TestAccounts.Login anna;
    TestAccounts.Login bo;

    @BeforeAll
    void setUp() {
        unit = organisations.create(organisations.root().id(), "TZI" + run, "通知收件箱单位" + run, "COUNTY", Actor.SYSTEM);
        anna = TestAccounts.create(accounts, "ntin" + run, unit.id(), Set.of(Role.READER), 1, false);
        bo = TestAccounts.create(accounts, "ntib" + run, unit.id(), Set.of(Role.CLERK), 1, false);
    }

    @Test
    void theBellCountsTheUnreadAndThePageMarksOnlyOnesOwnLinesRead() {
        var session = new ConsoleSession(port);
        var me = TestAccounts.create(accounts, "ntim" + run, unit.id(), Set.of(Role.READER), 1, false);
        session.login(me.username(), me.password(), me.codes());
        session.get("/notifications");
        for (int i = 1; i <= 3; i++) {
            notifications.notify(List.of(me.username()), due("page-" + i + "-" + run, i));
        }
        notifications.notify(List.of(bo.username()), due("other-" + run, 9));

        var bell = session.get("/notifications/bell");
        assertThat(bell.status()).isEqualTo(200);
        assertThat(bell.body())
                .contains("id=\"notification-count\"")
                .contains(">3<")
                .contains("hx-trigger=\"every 60s\"");
        assertThat(session.get("/notifications/bell?n=" + InboxConsole.BELL_POLLS)
                        .body())
                .doesNotContain("hx-get");

        var page = session.get("/notifications");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body())
                .contains("table-responsive")
                .contains("实体借阅 3 将于 2026-01-03 到期")
                .doesNotContain("LOAN_DUE", "notification.message");
        assertThat(page.body().indexOf("实体借阅 3 ")).isLessThan(page.body().indexOf("实体借阅 1 "));
        assertThat(session.get("/notifications?lang=en").body()).contains("Physical loan 3 is due on 2026-01-03");
        session.get("/notifications?lang=zh-CN");
        assertThat(session.get("/notifications?page=100000").status()).isEqualTo(422);

        // another account's line: 404, and it stays unread
        long others = id(bo.username(), "other-" + run);
        assertThat(session.post("/notifications/" + others + "/read", Map.of()).status())
                .isEqualTo(404);
        assertThat(session.post("/notifications/" + others + "/open", Map.of()).status())
                .isEqualTo(404);
        assertThat(read(others)).isFalse();

        // one's own: read, and opened it leads to its matter
        long first = id(me.username(), "page-1-" + run);
        assertThat(session.post("/notifications/" + first + "/read", Map.of()).status())
                .isEqualTo(302);
        assertThat(read(first)).isTrue();
        assertThat(session.get("/notifications/bell").body()).contains(">2<");
        var opened = session.post("/notifications/" + id(me.username(), "page-2-" + run) + "/open", Map.of());
        assertThat(opened.location()).endsWith("/lending/physical/2");

        assertThat(session.post("/notifications/read-all", Map.of()).status()).isEqualTo(302);
        assertThat(session.get("/notifications/bell").body()).doesNotContain("notification-count");
        assertThat(read(others)).isFalse();
    }

    @Test
    void contactDetailsAreCheckedKeptWhenRefusedAndAudited() {
        var annaSession = new ConsoleSession(port);
        annaSession.login(anna.username(), anna.password(), anna.codes());
        assertThat(annaSession.get("/notifications").status()).isEqualTo(200);
        var refused = annaSession.post(
                "/notifications/contact", Map.of("phone", "12345", "email", "", "language", "zh-CN", "sms", "true"));
        assertThat(refused.status()).as(refused.body()).isEqualTo(422);
        assertThat(refused.body()).contains("value=\"12345\"").contains("id=\"phone-error\"");
        assertThat(contacts.find(anna.username())).isEmpty();

        var saved = annaSession.post(
                "/notifications/contact", Map.of("phone", "13912345678", "email", "", "language", "en", "sms", "true"));
        assertThat(saved.status()).isEqualTo(302);
        assertThat(contacts.of(anna.username()).sms()).isTrue();
        assertThat(jdbc.sql(
                                """
                        select detail from audit_entry where object_type = 'NOTIFICATION' and operation = 'UPDATE'
                          and object_id = :a""")
                        .param("a", anna.username())
                        .query(String.class)
                        .list())
                .singleElement()
                .satisfies(d -> assertThat(d).contains("139****5678").doesNotContain("13912345678"));
    }

    @Test
    void smsAndEmailLeaveThroughTheOutboxOnceInTheRecipientsLanguageAndAudited() throws Exception {
        var en = TestAccounts.create(accounts, "ntie" + run, unit.id(), Set.of(Role.CLERK), 1, false);
        var zh = TestAccounts.create(accounts, "ntiz" + run, unit.id(), Set.of(Role.CLERK), 1, false);
        String enPhone = "137" + run + "01";
        String zhMail = "zh" + run + "@example.cn";
        contacts.set(new Contacts.Contact(enPhone, null, "en", true, false), actor(en.username()));
        contacts.set(new Contacts.Contact(null, zhMail, "zh-CN", false, true), actor(zh.username()));

        var m = due("out-" + run, 7);
        notifications.notify(List.of(en.username(), zh.username()), m);
        notifications.notify(List.of(en.username(), zh.username()), m); // redelivered: nobody twice
        String code = "code-" + UUID.randomUUID();
        String stranger = "136" + run + "02";
        assertThat(notifications.send(
                        Recipient.phone(stranger, Recipient.CHINESE),
                        new Message(
                                NotificationKind.DIRECT,
                                code,
                                "notification.message.code",
                                List.of("482913", "5"),
                                null,
                                null)))
                .isEqualTo(1);
        assertThat(outboxRows("out-" + run)).isEqualTo(2);

        outbox.deliver();
        outbox.deliver();

        var sms = lines(DATA_DIR.resolve("notifications/sms.jsonl"));
        assertThat(sms.stream().filter(l -> l.contains(enPhone)))
                .singleElement()
                .satisfies(l -> assertThat(l)
                        .contains("Physical loan 7 is due on 2026-01-07")
                        .contains("\"en\""));
        assertThat(sms.stream().filter(l -> l.contains(stranger)))
                .singleElement()
                .satisfies(l -> assertThat(l).contains("您的验证码是 482913"));
        var mail = lines(DATA_DIR.resolve("notifications/mail.jsonl"));
        assertThat(mail.stream().filter(l -> l.contains(zhMail)))
                .singleElement()
                .satisfies(
                        l -> assertThat(l).contains("实体借阅 7 将于 2026-01-07 到期").contains("实体借阅即将到期"));

        // sent once each, the address erased, each audited SEND with the address masked
        var sent = jdbc.sql(
                        """
                        select id from notification_outbox
                        where natural_key in (:k, :c) and sent_at is not null and address is null""")
                .param("k", "out-" + run)
                .param("c", code)
                .query(Long.class)
                .list();
        assertThat(sent).hasSize(3);
        for (long id : sent) {
            assertThat(jdbc.sql(
                                    """
                            select detail from audit_entry where object_type = 'NOTIFICATION' and operation = 'SEND'
                              and object_id = :id""")
                            .param("id", Long.toString(id))
                            .query(String.class)
                            .list())
                    .singleElement()
                    .satisfies(d -> assertThat(d).doesNotContain(enPhone, zhMail, stranger));
        }
        // the inbox was told once as well
        assertThat(id(en.username(), "out-" + run)).isPositive();
    }

    private static Message due(String key, int n) {
        return new Message(
                NotificationKind.LOAN_DUE,
                key,
                "notification.message.loanDue",
                List.of(Integer.toString(n), "2026-01-0" + n),
                null,
                "/lending/physical/" + n);
    }

    private static Actor actor(String name) {
        return new Actor(name, "127.0.0.1", "test");
    }

    private long id(String account, String key) {
        return jdbc.sql("select id from notification where account = :a and natural_key = :k")
                .param("a", account)
                .param("k", key)
                .query(Long.class)
                .single();
    }

    private boolean read(long id) {
        return jdbc.sql("select read_at is not null from notification where id = :id")
                .param("id", id)
                .query(Boolean.class)
                .single();
    }

    private long outboxRows(String key) {
        return jdbc.sql("select count(*) from notification_outbox where natural_key = :k")
                .param("k", key)
                .query(Long.class)
                .single();
    }

    private static List<String> lines(Path file) throws java.io.IOException {
        return Files.readAllLines(file, StandardCharsets.UTF_8);
    }
}
