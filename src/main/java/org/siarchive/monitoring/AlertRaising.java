package org.siarchive.monitoring;

import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.siarchive.audit.AuditDetail;
import org.siarchive.audit.AuditOperation;
import org.siarchive.audit.AuditTrail;
import org.siarchive.audit.AuditedObject;
import org.siarchive.organisation.Organisations;
import org.siarchive.security.Accounts;
import org.siarchive.shared.Actor;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Turns hits into alerts inside the evaluator's transaction: one alert per rule × actor × window (a later hit of
 * the same window raises its figure and links its entries); a new alert is audited (RAISE on SECURITY_ALERT) and
 * published as {@link AlertRaised}, both in that transaction. The alert belongs to the actor's organisation (the
 * account's unit, or the organisation the entries carry; the root when none is known).
 */
@Component
class AlertRaising {

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final Organisations organisations;
    private final Accounts accounts;

    AlertRaising(
            JdbcClient jdbc,
            AuditTrail audit,
            ApplicationEventPublisher events,
            Organisations organisations,
            Accounts accounts) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.events = events;
        this.organisations = organisations;
        this.accounts = accounts;
    }

    /** Raises or extends the alerts; returns how many were new. */
    @Transactional(propagation = Propagation.MANDATORY)
    int raise(java.util.List<Hit> hits, Map<RuleCode, RulePolicy> rules) {
        int raised = 0;
        var paths = new HashMap<String, String>();
        for (var h : hits) {
            String path = paths.computeIfAbsent(h.actor() + "|" + h.orgCode(), k -> orgPath(h));
            var now = OffsetDateTime.now(ZoneOffset.UTC);
            var row = jdbc.sql(
                            """
                    insert into monitoring_alert (id, rule_code, actor, org_path, window_start, window_end, severity,
                        observed, threshold, raised_at)
                    values (:id, :rule, :actor, :path, :start, :end, :severity, :observed, :threshold, :now)
                    on conflict (rule_code, actor, window_start) do update
                        set observed = greatest(monitoring_alert.observed, excluded.observed)
                    returning id, (xmax = 0) as inserted
                    """)
                    .param("id", UUID.randomUUID())
                    .param("rule", h.rule().name())
                    .param("actor", truncate(h.actor()))
                    .param("path", path)
                    .param("start", Timestamp.from(h.windowStart()))
                    .param("end", Timestamp.from(h.windowEnd()))
                    .param("severity", rules.get(h.rule()).severity())
                    .param("observed", h.observed())
                    .param("threshold", h.threshold())
                    .param("now", now)
                    .query((rs, n) -> new Object[] {rs.getObject(1, UUID.class), rs.getBoolean(2)})
                    .single();
            UUID id = (UUID) row[0];
            link(id, h);
            if ((Boolean) row[1]) {
                raised++;
                audit.record(
                        Actor.SYSTEM,
                        AuditedObject.SECURITY_ALERT,
                        id.toString(),
                        AuditOperation.RAISE,
                        null,
                        AuditDetail.of(
                                        "audit.detail.monitoringAlertRaised",
                                        AuditDetail.label(h.rule().labelKey()),
                                        h.actor(),
                                        h.observed())
                                .encoded());
                events.publishEvent(new AlertRaised(id, h.rule().name(), h.actor(), path, now));
            }
        }
        return raised;
    }

    private void link(UUID id, Hit h) {
        int linked = jdbc.sql("select count(*) from monitoring_alert_entry where alert_id = :id")
                .param("id", id)
                .query(Integer.class)
                .single();
        int room = Observations.MAX_LINKED - linked;
        if (room <= 0) {
            return;
        }
        var ids = h.entryIds().subList(0, Math.min(room, h.entryIds().size()));
        jdbc.sql(
                        """
                insert into monitoring_alert_entry (alert_id, entry_id)
                select :id, unnest(:ids) on conflict do nothing
                """)
                .param("id", id)
                .param("ids", ids.toArray(Long[]::new))
                .update();
    }

    private String orgPath(Hit h) {
        if (!h.actor().startsWith(Actors.CLIENT) && h.actor().length() <= 64) {
            var account = accounts.byUsername(h.actor());
            if (account.isPresent()) {
                return account.get().orgPath();
            }
        }
        if (h.orgCode() != null) {
            var org = organisations.byCode(h.orgCode());
            if (org.isPresent()) {
                return org.get().path();
            }
        }
        return organisations.root().path();
    }

    private static String truncate(String s) {
        return s.length() <= 200 ? s : s.substring(0, 200);
    }
}
