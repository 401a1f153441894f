package org.siarchive.portal;

import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.siarchive.audit.AuditDetail;
import org.siarchive.audit.AuditOperation;
import org.siarchive.audit.AuditTrail;
import org.siarchive.audit.AuditedObject;
import org.siarchive.crypto.FieldCipher;
import org.siarchive.notification.Message;
import org.siarchive.notification.NotificationKind;
import org.siarchive.notification.Notifications;
import org.siarchive.notification.Recipient;
import org.siarchive.shared.Actor;
import org.siarchive.shared.InvalidInputException;
import org.siarchive.shared.NotFoundException;
import org.siarchive.shared.Page;
import org.siarchive.shared.Violation;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Messages to portal accounts (消息, issue 19 item 5): a submission accepted or returned, a certificate ready, a
 * case's progress, an employer binding decided. A line is kept as its message key ({@code portal.notice.…}) and
 * arguments, never as a sentence, and rendered in the reader's language when read; an argument written
 * {@code #key} is read as the label under that key. One line per account and natural key, so a redelivered event
 * or a repeated call adds nothing; a new line also leaves by SMS when the account gave a phone (through the
 * notification module's outbox, which delivers and audits it). See docs/adr/0108.
 */
@Component
public class PortalNotices {

    /** Lines on a page, and the pages a reader can walk back through. */
    static final int SIZE = 20;

    static final int MAX_PAGES = 200;

    static final String PREFIX = "portal.notice.";

    /** How a portal message is named in the audit trail (object type NOTIFICATION). */
    static final String OBJECT = "portal-notice:";

    /** A line as the reader sees it. */
    public record Line(long id, String text, OffsetDateTime createdAt, boolean read) {}

    private final JdbcClient jdbc;
    private final FieldCipher cipher;
    private final Notifications notifications;
    private final MessageSource messages;
    private final AuditTrail audit;

    PortalNotices(
            JdbcClient jdbc,
            FieldCipher cipher,
            Notifications notifications,
            MessageSource messages,
            AuditTrail audit) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.cipher = cipher;
        this.notifications = notifications;
        this.messages = messages;
    }

    /**
     * Tells the account, in the caller's transaction: a line in its portal messages unless it already has one with
     * {@code naturalKey}, and then the same message by SMS to its phone, if any (in Chinese, the portal's language).
     *
     * @param messageKey a {@code portal.notice.…} key of both message bundles
     * @param args the sentence's arguments: numbers, codes, and {@code #key} for a label
     * @param naturalKey what makes it the same message again (1 to 200 characters)
     */
    @Transactional(propagation = Propagation.REQUIRED)
    public void notify(long accountId, String messageKey, List<String> args, String naturalKey) {
        if (!messageKey.startsWith(PREFIX) || messageKey.length() > 100) {
            throw new IllegalArgumentException("a portal message key starts with " + PREFIX + ": " + messageKey);
        }
        if (naturalKey.isBlank() || naturalKey.length() > Message.MAX_KEY) {
            throw new IllegalArgumentException("a natural key of 1 to 200 characters: " + naturalKey);
        }
        var account = jdbc.sql("select phone_enc from portal_account where id = :a")
                .param("a", accountId)
                .query((rs, n) -> Optional.ofNullable(rs.getBytes(1)))
                .optional()
                .orElseThrow(() -> new IllegalArgumentException("no portal account " + accountId));
        var id = jdbc.sql(
                        """
                insert into portal_notice (account_id, label_key, args, natural_key) values (:a, :k, :args, :n)
                on conflict (account_id, natural_key) do nothing returning id""")
                .param("a", accountId)
                .param("k", messageKey)
                .param("args", args.toArray(String[]::new))
                .param("n", naturalKey)
                .query(Long.class)
                .optional();
        if (id.isEmpty() || account.isEmpty()) {
            return; // told before, or no phone to text
        }
        String phone = cipher.decrypt(account.get(), PortalAccounts.PHONE_CONTEXT);
        if (phone != null && !phone.isBlank()) {
            notifications.send(
                    Recipient.phone(phone, Recipient.CHINESE),
                    new Message(NotificationKind.DIRECT, OBJECT + id.get(), messageKey, args, null, null));
        }
    }

    /** The account's lines, newest first, in the reader's language. */
    public Page<Line> page(long accountId, int page, Locale locale) {
        if (page < 0 || page >= MAX_PAGES) {
            throw new InvalidInputException(Violation.of("page", "range", 0, MAX_PAGES - 1));
        }
        var lines = jdbc.sql(
                        """
                select id, label_key, args, created_at, read_at from portal_notice
                 where account_id = :a order by id desc offset :o limit :s""")
                .param("a", accountId)
                .param("o", page * SIZE)
                .param("s", SIZE)
                .query((rs, n) -> new Line(
                        rs.getLong(1),
                        sentence(rs.getString(2), strings(rs.getArray(3)), locale),
                        rs.getObject(4, OffsetDateTime.class),
                        rs.getObject(5) != null))
                .list();
        long total = jdbc.sql("select count(*) from portal_notice where account_id = :a")
                .param("a", accountId)
                .query(Long.class)
                .single();
        return new Page<>(lines, page, SIZE, Math.min(total, (long) SIZE * MAX_PAGES));
    }

    /** How many of the account's lines are unread. */
    public long unread(long accountId) {
        return jdbc.sql("select count(*) from portal_notice where account_id = :a and read_at is null")
                .param("a", accountId)
                .query(Long.class)
                .single();
    }

    /**
     * Marks one of the account's lines read (audited ACKNOWLEDGE when it was unread). An id that is another
     * account's answers as one that does not exist — 404 — and the attempt is audited DENIED on its own.
     */
    @Transactional
    public void read(long accountId, long id, Actor actor) {
        var unread = jdbc.sql("select read_at is null from portal_notice where id = :id and account_id = :a")
                .param("id", id)
                .param("a", accountId)
                .query(Boolean.class)
                .optional();
        if (unread.isEmpty()) {
            audit.recordAlone(
                    actor,
                    AuditedObject.NOTIFICATION,
                    OBJECT + id,
                    AuditOperation.ACKNOWLEDGE,
                    AuditTrail.DENIED,
                    null,
                    AuditDetail.of("audit.detail.forbidden", "/portal/notifications/" + id)
                            .encoded());
            throw new NotFoundException("PORTAL_NOTICE", Long.toString(id));
        }
        if (unread.get()) {
            jdbc.sql("update portal_notice set read_at = now() where id = :id")
                    .param("id", id)
                    .update();
            audit.record(actor, AuditedObject.NOTIFICATION, OBJECT + id, AuditOperation.ACKNOWLEDGE, null, null);
        }
    }

    /** Marks all of the account's lines read (one ACKNOWLEDGE entry); returns how many were unread. */
    @Transactional
    public int readAll(long accountId, Actor actor) {
        int n = jdbc.sql("update portal_notice set read_at = now() where account_id = :a and read_at is null")
                .param("a", accountId)
                .update();
        if (n > 0) {
            audit.record(
                    actor,
                    AuditedObject.PORTAL_ACCOUNT,
                    Long.toString(accountId),
                    AuditOperation.ACKNOWLEDGE,
                    null,
                    AuditDetail.of("audit.detail.portalNoticesRead", Integer.toString(n))
                            .encoded());
        }
        return n;
    }

    /** The sentence of a line in a language; a {@code #key} argument is the label under that key. */
    String sentence(String labelKey, List<String> args, Locale locale) {
        Object[] values = args.stream()
                .map(a -> a.startsWith("#") ? label(a.substring(1), locale) : a)
                .toArray();
        return messages.getMessage(labelKey, values, locale);
    }

    private String label(String key, Locale locale) {
        return messages.getMessage(key, null, messages.getMessage("notification.unknownLabel", null, locale), locale);
    }

    private static List<String> strings(java.sql.@Nullable Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }
}
