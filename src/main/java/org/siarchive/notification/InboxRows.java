package org.siarchive.notification;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The SQL of the inbox ({@code notification}): every read and change names the account it is for. */
@Component
class InboxRows {

    /** One line of an inbox as stored. */
    record Row(
            long id,
            String kind,
            String labelKey,
            List<String> args,
            @Nullable String subject,
            @Nullable String link,
            OffsetDateTime createdAt,
            @Nullable OffsetDateTime readAt) {}

    private final JdbcClient jdbc;

    InboxRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Adds the line unless this account already has one with the natural key; whether it was added. */
    boolean insert(String account, Message m) {
        return jdbc.sql(
                                """
                        insert into notification (account, kind, label_key, args, subject, link, natural_key)
                        values (:a, :k, :l, :args, :s, :link, :n) on conflict (account, natural_key) do nothing""")
                        .param("a", account)
                        .param("k", m.kind().name())
                        .param("l", m.labelKey())
                        .param("args", m.args().toArray(String[]::new))
                        .param("s", m.subject())
                        .param("link", m.link())
                        .param("n", m.naturalKey())
                        .update()
                > 0;
    }

    List<Row> page(String account, int offset, int size) {
        return jdbc.sql(
                        """
                        select id, kind, label_key, args, subject, link, created_at, read_at from notification
                        where account = :a order by id desc offset :o limit :s""")
                .param("a", account)
                .param("o", offset)
                .param("s", size)
                .query(InboxRows::row)
                .list();
    }

    long total(String account) {
        return jdbc.sql("select count(*) from notification where account = :a")
                .param("a", account)
                .query(Long.class)
                .single();
    }

    long unread(String account) {
        return jdbc.sql("select count(*) from notification where account = :a and read_at is null")
                .param("a", account)
                .query(Long.class)
                .single();
    }

    /** The account's line, or empty when the id is another account's or none. */
    java.util.Optional<Row> mine(long id, String account) {
        return jdbc.sql(
                        """
                        select id, kind, label_key, args, subject, link, created_at, read_at from notification
                        where id = :id and account = :a""")
                .param("id", id)
                .param("a", account)
                .query(InboxRows::row)
                .optional();
    }

    void markRead(long id, String account) {
        jdbc.sql("update notification set read_at = now() where id = :id and account = :a and read_at is null")
                .param("id", id)
                .param("a", account)
                .update();
    }

    int markAllRead(String account) {
        return jdbc.sql("update notification set read_at = now() where account = :a and read_at is null")
                .param("a", account)
                .update();
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        return new Row(
                rs.getLong(1),
                rs.getString(2),
                rs.getString(3),
                strings(rs.getArray(4)),
                rs.getString(5),
                rs.getString(6),
                rs.getObject(7, OffsetDateTime.class),
                rs.getObject(8, OffsetDateTime.class));
    }

    static List<String> strings(@Nullable Array a) throws SQLException {
        return a == null ? List.of() : Arrays.asList((String[]) a.getArray());
    }
}
