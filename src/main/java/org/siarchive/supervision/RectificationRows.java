package org.siarchive.supervision;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The rows of {@code rectification}; the one place rectification items are read and written. */
@Component
class RectificationRows {

    static final long LOCK = 0x5e_1841L;

    private static final String SELECT =
            """
            select r.id, r.rect_no, r.plan_id, p.plan_no, r.org_id, r.org_path, r.owner, r.title, r.detail, r.deadline,
                   r.state, r.report, r.return_reason, r.returns, r.raised_by, r.raised_at, r.submitted_by,
                   r.submitted_at, r.closed_by, r.closed_at
            from rectification r join inspection_plan p on p.id = r.plan_id""";

    /** A new item as raised. */
    record New(
            UUID planId,
            long orgId,
            String orgPath,
            @Nullable String owner,
            String title,
            @Nullable String detail,
            LocalDate deadline,
            String raisedBy) {}

    private final JdbcClient jdbc;

    RectificationRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts it with the next number of the year, ZG2026-0001, under a transaction-scoped lock. */
    UUID insert(New n, int year) {
        jdbc.sql("select pg_advisory_xact_lock(:k)")
                .param("k", LOCK)
                .query(Object.class)
                .single();
        String prefix = "ZG" + year + "-";
        int last = jdbc.sql("select coalesce(max(substr(rect_no, :from)::int), 0) from rectification"
                        + " where rect_no like :p")
                .param("from", prefix.length() + 1)
                .param("p", prefix + "%")
                .query(Integer.class)
                .single();
        UUID id = UUID.randomUUID();
        jdbc.sql(
                        """
                insert into rectification (id, rect_no, plan_id, org_id, org_path, owner, title, detail, deadline,
                                           raised_by)
                values (:id, :no, :plan, :org, :path, :owner, :title, :detail, :deadline, :by)""")
                .param("id", id)
                .param("no", prefix + "%04d".formatted(last + 1))
                .param("plan", n.planId())
                .param("org", n.orgId())
                .param("path", n.orgPath())
                .param("owner", n.owner())
                .param("title", n.title())
                .param("detail", n.detail())
                .param("deadline", n.deadline())
                .param("by", n.raisedBy())
                .update();
        return id;
    }

    boolean submit(UUID id, String report, String by) {
        return jdbc.sql(
                                """
                update rectification set state = 'SUBMITTED', report = :report, submitted_by = :by,
                    submitted_at = now() where id = :id and state = 'OPEN'""")
                        .param("report", report)
                        .param("by", by)
                        .param("id", id)
                        .update()
                == 1;
    }

    boolean accept(UUID id, String by) {
        return jdbc.sql(
                                """
                update rectification set state = 'CLOSED', closed_by = :by, closed_at = now()
                where id = :id and state = 'SUBMITTED'""")
                        .param("by", by)
                        .param("id", id)
                        .update()
                == 1;
    }

    boolean sendBack(UUID id, String reason) {
        return jdbc.sql(
                                """
                update rectification set state = 'OPEN', return_reason = :reason, returns = returns + 1
                where id = :id and state = 'SUBMITTED'""")
                        .param("reason", reason)
                        .param("id", id)
                        .update()
                == 1;
    }

    /** The item when its unit lies within {@code orgPath}'s subtree; locked when asked. */
    Optional<Rectification> byId(UUID id, String orgPath, boolean lock) {
        return jdbc.sql(SELECT + " where r.id = :id and r.org_path like :org" + (lock ? " for update of r" : ""))
                .param("id", id)
                .param("org", orgPath + "%")
                .query(RectificationRows::row)
                .optional();
    }

    /** Items of units within {@code orgPath}'s subtree, of one plan when given, open first then by deadline. */
    List<Rectification> list(String orgPath, @Nullable UUID plan, int limit) {
        return jdbc.sql(SELECT + " where r.org_path like :org" + (plan == null ? "" : " and r.plan_id = :plan")
                        + " order by (r.state = 'CLOSED'), r.deadline, r.rect_no limit " + limit)
                .param("org", orgPath + "%")
                .params(plan == null ? java.util.Map.of() : java.util.Map.of("plan", plan))
                .query(RectificationRows::row)
                .list();
    }

    private static Rectification row(ResultSet rs, int n) throws SQLException {
        return new Rectification(
                rs.getObject("id", UUID.class),
                rs.getString("rect_no"),
                rs.getObject("plan_id", UUID.class),
                rs.getString("plan_no"),
                rs.getLong("org_id"),
                rs.getString("org_path"),
                rs.getString("owner"),
                rs.getString("title"),
                rs.getString("detail"),
                rs.getObject("deadline", LocalDate.class),
                RectificationState.valueOf(rs.getString("state")),
                rs.getString("report"),
                rs.getString("return_reason"),
                rs.getInt("returns"),
                rs.getString("raised_by"),
                rs.getObject("raised_at", OffsetDateTime.class),
                rs.getString("submitted_by"),
                rs.getObject("submitted_at", OffsetDateTime.class),
                rs.getString("closed_by"),
                rs.getObject("closed_at", OffsetDateTime.class));
    }
}
