package org.siarchive.monitoring;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.siarchive.audit.AuditDetail;
import org.siarchive.audit.AuditFeed;
import org.siarchive.audit.AuditOperation;
import org.siarchive.audit.AuditTrail;
import org.siarchive.audit.AuditedObject;
import org.siarchive.shared.Access;
import org.siarchive.shared.Bounds;
import org.siarchive.shared.ConflictException;
import org.siarchive.shared.InvalidInputException;
import org.siarchive.shared.NotFoundException;
import org.siarchive.shared.Page;
import org.siarchive.shared.ReadableTime;
import org.siarchive.shared.Violation;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The alerts as the security administrator and the auditor read them — within their data scope: an alert belongs
 * to the organisation of the account it is about, and a reader sees those of their own subtree (the built-in
 * administrators' scope is the whole tree); any other alert is answered 404 — and their acknowledgement with a
 * note (audited ACKNOWLEDGE in the same transaction).
 */
@Component
public class SecurityAlerts {

    public static final int MAX_NOTE = 2_000;
    public static final int PAGE_SIZE = 50;

    private static final String SELECT =
            """
            select id, rule_code, actor, org_path, window_start, window_end, severity, observed, threshold, raised_at,
                   state, acknowledged_by, acknowledged_at, note
            from monitoring_alert
            """;

    /** The list's filter as typed: state, rule code and the Beijing day the alert was raised on (yyyy-MM-dd). */
    public record Filter(@Nullable String state, @Nullable String rule, @Nullable String day) {}

    /** An alert with the audit entries behind it, as people read them. */
    public record Detail(Alert alert, List<AuditFeed.Readable> entries) {}

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final AuditFeed feed;
    private final ReadableTime time;
    private final AlertScope scope;

    SecurityAlerts(JdbcClient jdbc, AuditTrail audit, AuditFeed feed, ReadableTime time, AlertScope scope) {
        this.scope = scope;
        this.jdbc = jdbc;
        this.audit = audit;
        this.feed = feed;
        this.time = time;
    }

    /** One page of alerts within scope, newest first; 422 for a filter or page out of bounds. */
    public Page<Alert> list(Filter f, int page, int size, Access access) {
        var p = Bounds.page(page, size);
        var where = new StringBuilder(" where org_path like :scope");
        var params = new HashMap<String, Object>();
        params.put("scope", scope.pattern(access));
        var v = new ArrayList<Violation>();
        if (f.state() != null && !f.state().isBlank()) {
            if (!List.of(Alert.OPEN, Alert.ACKNOWLEDGED).contains(f.state())) {
                v.add(Violation.of("state", "code"));
            }
            where.append(" and state = :state");
            params.put("state", f.state());
        }
        if (f.rule() != null && !f.rule().isBlank()) {
            if (java.util.Arrays.stream(RuleCode.values())
                    .noneMatch(r -> r.name().equals(f.rule()))) {
                v.add(Violation.of("rule", "code"));
            }
            where.append(" and rule_code = :rule");
            params.put("rule", f.rule());
        }
        if (f.day() != null && !f.day().isBlank()) {
            var d = day(f.day(), v);
            if (d != null) {
                where.append(" and raised_at >= :from and raised_at < :to");
                params.put("from", time.startOf(d));
                params.put("to", time.startOf(d.plusDays(1)));
            }
        }
        if (!v.isEmpty()) {
            throw new InvalidInputException(v);
        }
        long total = jdbc.sql("select count(*) from monitoring_alert" + where)
                .params(params)
                .query(Long.class)
                .single();
        var rows = jdbc.sql(SELECT + where + " order by raised_at desc, id limit :limit offset :offset")
                .params(params)
                .param("limit", p.size())
                .param("offset", p.offset())
                .query(Alert.class)
                .list();
        return new Page<>(rows, p.page(), p.size(), total);
    }

    /** The alert, if it lies within the caller's scope; else 404. */
    public Alert alert(UUID id, Access access) {
        return jdbc.sql(SELECT + " where id = :id and org_path like :scope")
                .param("id", id)
                .param("scope", scope.pattern(access))
                .query(Alert.class)
                .optional()
                .orElseThrow(() -> new NotFoundException("SECURITY_ALERT", id.toString()));
    }

    /** The alert with the entries behind it (at most the first {@link Observations#MAX_LINKED}). */
    public Detail detail(UUID id, Access access, Locale locale) {
        var a = alert(id, access);
        return new Detail(a, feed.readable(entryIds(id), locale));
    }

    /** The ids of the audit entries behind the alert, oldest first. */
    public List<Long> entryIds(UUID id) {
        return jdbc.sql("select entry_id from monitoring_alert_entry where alert_id = :id order by entry_id limit :max")
                .param("id", id)
                .param("max", Observations.MAX_LINKED)
                .query(Long.class)
                .list();
    }

    /** Acknowledges the alert with a note: 404 outside scope, 422 without a note, 409 when already acknowledged. */
    @Transactional
    public Alert acknowledge(UUID id, @Nullable String note, Access access) {
        String n = note == null ? "" : note.strip();
        if (n.length() < 2) {
            throw new InvalidInputException(Violation.of("note", "required"));
        }
        Bounds.requireText("note", n, MAX_NOTE);
        var a = alert(id, access);
        int changed = jdbc.sql(
                        """
                update monitoring_alert set state = 'ACKNOWLEDGED', acknowledged_by = :by, acknowledged_at = now(),
                    note = :note
                where id = :id and state = 'OPEN'
                """)
                .param("by", access.actor().name())
                .param("note", n)
                .param("id", id)
                .update();
        if (changed == 0) {
            throw new ConflictException("monitoring.conflict.acknowledged");
        }
        audit.record(
                access.actor(),
                AuditedObject.SECURITY_ALERT,
                id.toString(),
                AuditOperation.ACKNOWLEDGE,
                n,
                AuditDetail.of("audit.detail.monitoringAlertAcknowledged", AuditDetail.label(a.ruleKey()), a.actor())
                        .encoded());
        return alert(id, access);
    }

    static @Nullable LocalDate day(String typed, List<Violation> v) {
        try {
            var d = LocalDate.parse(typed.strip());
            if (d.getYear() < 2000 || d.getYear() > 2100) {
                v.add(Violation.of("day", "range", "2000-01-01", "2100-12-31"));
                return null;
            }
            return d;
        } catch (java.time.format.DateTimeParseException e) {
            v.add(Violation.of("day", "dateFormat"));
            return null;
        }
    }
}
