package org.siarchive.notification;

import java.time.OffsetDateTime;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The SQL of the outbox ({@code notification_outbox}): messages waiting for an external channel. */
@Component
class OutboxRows {

    /** One message to deliver. */
    record Pending(
            long id,
            String channel,
            @Nullable String account,
            @Nullable String address,
            String language,
            String kind,
            String labelKey,
            List<String> args,
            @Nullable String subject,
            @Nullable String link,
            String naturalKey,
            int attempts) {}

    private final JdbcClient jdbc;

    OutboxRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Queues the message for the channel unless this recipient already has it; whether it was queued. */
    boolean insert(String channel, Recipient to, String address, Message m) {
        String key = to.account() != null ? to.account() : Addresses.digest(address);
        return jdbc.sql(
                                """
                        insert into notification_outbox (channel, recipient_key, account, address, language, kind,
                            label_key, args, subject, link, natural_key)
                        values (:c, :rk, :a, :ad, :l, :k, :lk, :args, :s, :link, :n)
                        on conflict (channel, recipient_key, natural_key) do nothing""")
                        .param("c", channel)
                        .param("rk", key)
                        .param("a", to.account())
                        .param("ad", address)
                        .param("l", NoticeText.language(to.language()))
                        .param("k", m.kind().name())
                        .param("lk", m.labelKey())
                        .param("args", m.args().toArray(String[]::new))
                        .param("s", m.subject())
                        .param("link", m.link())
                        .param("n", m.naturalKey())
                        .update()
                > 0;
    }

    /** Messages due now, locked for this worker (others skip them), the oldest first. */
    List<Pending> due(int limit) {
        return jdbc.sql(
                        """
                        select id, channel, account, address, language, kind, label_key, args, subject, link,
                            natural_key, attempts
                        from notification_outbox
                        where sent_at is null and failed_at is null and next_attempt_at <= now()
                        order by id limit :n for update skip locked""")
                .param("n", limit)
                .query((rs, n) -> new Pending(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getString(6),
                        rs.getString(7),
                        InboxRows.strings(rs.getArray(8)),
                        rs.getString(9),
                        rs.getString(10),
                        rs.getString(11),
                        rs.getInt(12)))
                .list();
    }

    /** Delivered: the address is erased, the line kept as the record of what was sent. */
    void sent(long id) {
        jdbc.sql(
                        "update notification_outbox set sent_at = now(), address = null, attempts = attempts + 1 where id = :id")
                .param("id", id)
                .update();
    }

    /** Not delivered: tried again at {@code next}, or given up (address erased) when {@code next} is null. */
    void failed(long id, String error, @Nullable OffsetDateTime next) {
        jdbc.sql(
                        """
                        update notification_outbox set attempts = attempts + 1, last_error = :e,
                            next_attempt_at = coalesce(:next, next_attempt_at),
                            failed_at = case when :next is null then now() end,
                            address = case when :next is null then null else address end
                        where id = :id""")
                .param("id", id)
                .param("e", error.length() > 500 ? error.substring(0, 500) : error)
                .param("next", next)
                .update();
    }
}
