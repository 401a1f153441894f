package org.siarchive.notification;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Rectification items remembered from {@code RectificationAssigned} ({@code notification_deadline}): what the daily
 * sweep reminds of, without asking supervision anything. Supervision publishes no closing event, so an item closed
 * before its deadline is still reminded once before it and once after it (docs/adr/0099).
 */
@Component
class Deadlines {

    /** A remembered item. */
    record Deadline(UUID rectificationId, String orgPath, @Nullable String owner, String title, LocalDate deadline) {}

    /** How far back an overdue item is still reminded of (the sweep reads a bounded window). */
    static final int OVERDUE_WINDOW_DAYS = 60;

    private final JdbcClient jdbc;

    Deadlines(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void remember(Deadline d) {
        jdbc.sql(
                        """
                        insert into notification_deadline (rectification_id, org_path, owner, title, deadline)
                        values (:id, :org, :owner, :title, :deadline)
                        on conflict (rectification_id) do update set org_path = excluded.org_path,
                            owner = excluded.owner, title = excluded.title, deadline = excluded.deadline""")
                .param("id", d.rectificationId())
                .param("org", d.orgPath())
                .param("owner", d.owner())
                .param("title", d.title().length() > 500 ? d.title().substring(0, 500) : d.title())
                .param("deadline", d.deadline())
                .update();
    }

    /** Items whose deadline falls between {@code from} and {@code to}, at most 10 000. */
    List<Deadline> between(LocalDate from, LocalDate to) {
        return jdbc.sql(
                        """
                        select rectification_id, org_path, owner, title, deadline from notification_deadline
                        where deadline between :from and :to order by deadline limit 10000""")
                .param("from", from)
                .param("to", to)
                .query(Deadline.class)
                .list();
    }
}
