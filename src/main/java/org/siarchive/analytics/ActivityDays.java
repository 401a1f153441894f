package org.siarchive.analytics;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import org.siarchive.shared.ReadableTime;
import org.siarchive.shared.Scope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The SQL of the daily activity read model: {@code activity_event} remembers every event counted, {@code
 * activity_day} holds the counts. An event adds to its day only when its identity is new, in one transaction,
 * so a redelivered publication changes nothing (docs/adr/0047).
 */
@Component
class ActivityDays {

    private static final int MAX_IDENTITY = 300;

    private final JdbcClient jdbc;
    private final ReadableTime time;

    ActivityDays(JdbcClient jdbc, ReadableTime time) {
        this.jdbc = jdbc;
        this.time = time;
    }

    /**
     * Adds the occurrence to its day (北京时间) unless it was counted before; true when it was new. One statement:
     * the identity is kept and the day (and its month, {@code activity_month}) counted only when the identity was
     * new (the primary key makes a concurrent twin wait), so a redelivered event adds nothing.
     */
    @Transactional
    boolean add(Occurrence o) {
        LocalDate day = time.date(o.at());
        return jdbc.sql(
                                """
                with kept as (
                    insert into activity_event (event_key, identity, activity, day, org_path, amount)
                    values (:key, :identity, :a, :day, :org, :amount) on conflict (event_key) do nothing
                    returning 1),
                counted as (
                    insert into activity_day (day, org_path, activity, count, amount)
                    select :day, :org, :a, 1, :amount from kept
                    on conflict (day, org_path, activity) do update
                        set count = activity_day.count + 1, amount = activity_day.amount + excluded.amount
                    returning 1)
                insert into activity_month (month, org_path, activity, count, amount)
                select :month, :org, :a, 1, :amount from counted
                on conflict (month, org_path, activity) do update
                    set count = activity_month.count + 1, amount = activity_month.amount + excluded.amount
                """)
                        .param("key", key(o.identity()))
                        .param("identity", shortened(o.identity()))
                        .param("a", o.kind().name())
                        .param("day", day)
                        .param("month", day.withDayOfMonth(1))
                        .param("org", o.orgPath())
                        .param("amount", o.amount())
                        .update()
                == 1;
    }

    /** The days from {@code from} to {@code to} (inclusive) of the organisations within the scope. */
    List<Activity.Day> between(Scope scope, LocalDate from, LocalDate to) {
        return jdbc.sql(
                        """
                select day, org_path, activity, count, amount from activity_day
                where day between :from and :to and org_path like :scopeOrg
                order by day, org_path, activity
                """)
                .param("from", from)
                .param("to", to)
                .param("scopeOrg", scope.orgPattern())
                .query((rs, n) -> new Activity.Day(
                        rs.getObject("day", LocalDate.class),
                        rs.getString("org_path"),
                        ActivityKind.valueOf(rs.getString("activity")),
                        rs.getLong("count"),
                        rs.getLong("amount")))
                .list();
    }

    private static String shortened(String identity) {
        return identity.length() <= MAX_IDENTITY ? identity : identity.substring(0, MAX_IDENTITY);
    }

    /** SHA-256 of the identity: a fixed-length key whatever the length of a logical path in it. */
    static String key(String identity) {
        try {
            var digest = MessageDigest.getInstance("SHA-256").digest(identity.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
