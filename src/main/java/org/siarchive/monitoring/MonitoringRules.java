package org.siarchive.monitoring;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.siarchive.audit.AuditDetail;
import org.siarchive.audit.AuditOperation;
import org.siarchive.audit.AuditTrail;
import org.siarchive.audit.AuditedObject;
import org.siarchive.shared.Access;
import org.siarchive.shared.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The rules' thresholds as policy: read by the security administrator and the auditor, changed by the security
 * administrator with a reason — the change and the audit entry (UPDATE on MONITORING_RULE, old → new of every
 * setting that changed) in one transaction.
 */
@Component
public class MonitoringRules {

    private static final String SELECT =
            """
            select code, enabled, severity, threshold, window_minutes, work_start, work_end, lookback_days,
                   deviations, updated_at, updated_by
            from monitoring_rule
            """;

    private final JdbcClient jdbc;
    private final AuditTrail audit;

    MonitoringRules(JdbcClient jdbc, AuditTrail audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    /** Every rule, in the order of {@link RuleCode}. */
    public List<RulePolicy> all() {
        var rows = jdbc.sql(SELECT).query(RulePolicy.class).list().stream()
                .collect(Collectors.toMap(RulePolicy::code, Function.identity()));
        var out = new ArrayList<RulePolicy>();
        for (var c : RuleCode.values()) {
            if (rows.containsKey(c.name())) {
                out.add(rows.get(c.name()));
            }
        }
        return out;
    }

    /** The rules by code, for one evaluation. */
    Map<RuleCode, RulePolicy> byCode() {
        var out = new java.util.EnumMap<RuleCode, RulePolicy>(RuleCode.class);
        all().forEach(p -> out.put(p.rule(), p));
        return out;
    }

    public RulePolicy get(String code) {
        return jdbc.sql(SELECT + " where code = :code")
                .param("code", code)
                .query(RulePolicy.class)
                .optional()
                .orElseThrow(() -> new NotFoundException("MONITORING_RULE", code));
    }

    /** Changes one rule; 422 naming each broken field (and the reason when missing); 404 for an unknown rule. */
    @Transactional
    public RulePolicy update(String code, RuleSettings settings, Access access) {
        var old = get(code);
        var next = settings.checked(old);
        jdbc.sql(
                        """
                update monitoring_rule set enabled = :enabled, severity = :severity, threshold = :threshold,
                    window_minutes = :window, work_start = :from, work_end = :to, lookback_days = :days,
                    deviations = :k, updated_at = now(), updated_by = :by
                where code = :code
                """)
                .param("enabled", next.enabled())
                .param("severity", next.severity())
                .param("threshold", next.threshold())
                .param("window", next.windowMinutes())
                .param("from", next.workStart())
                .param("to", next.workEnd())
                .param("days", next.lookbackDays())
                .param("k", next.deviations())
                .param("by", access.actor().name())
                .param("code", code)
                .update();
        audit.record(
                access.actor(),
                AuditedObject.MONITORING_RULE,
                code,
                AuditOperation.UPDATE,
                settings.strippedReason(),
                AuditDetail.of(
                                "audit.detail.monitoringRuleChanged",
                                AuditDetail.label(old.rule().labelKey()),
                                changes(old, next))
                        .encoded());
        return get(code);
    }

    /** Each setting that changed, as {@code label=old → new}; the switch and the severity as labels. */
    static String changes(RulePolicy old, RulePolicy next) {
        var parts = new ArrayList<String>();
        if (old.enabled() != next.enabled()) {
            parts.add("monitoring.change.enabled." + next.enabled());
        }
        if (!old.severity().equals(next.severity())) {
            parts.add("monitoring.change.severity." + old.severity() + "." + next.severity());
        }
        change(parts, "threshold", old.threshold(), next.threshold());
        change(parts, "windowMinutes", old.windowMinutes(), next.windowMinutes());
        change(parts, "workStart", old.workStart(), next.workStart());
        change(parts, "workEnd", old.workEnd(), next.workEnd());
        change(parts, "lookbackDays", old.lookbackDays(), next.lookbackDays());
        change(
                parts,
                "deviations",
                old.deviations() == null
                        ? null
                        : old.deviations().stripTrailingZeros().toPlainString(),
                next.deviations() == null
                        ? null
                        : next.deviations().stripTrailingZeros().toPlainString());
        if (parts.isEmpty()) {
            parts.add("monitoring.change.none");
        }
        return AuditDetail.labels(parts);
    }

    private static void change(List<String> parts, String field, Object old, Object next) {
        if (!Objects.equals(old, next)) {
            parts.add("monitoring.field." + field + "=" + old + " → " + next);
        }
    }
}
