package org.siarchive.supervision;

import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.siarchive.analytics.UnitFigures;
import org.siarchive.audit.AuditDetail;
import org.siarchive.audit.AuditOperation;
import org.siarchive.audit.AuditTrail;
import org.siarchive.audit.AuditedObject;
import org.siarchive.shared.Access;
import org.siarchive.shared.Bounds;
import org.siarchive.shared.ConflictException;
import org.siarchive.shared.InvalidInputException;
import org.siarchive.shared.Violation;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * What an inspection finds: the KPI values of each unit, read through {@link UnitFigures} for the plan's
 * period and scored against the plan's targets (a snapshot kept with the plan, recomputed while 进行中 and
 * frozen by the evaluation), and the inspector's checklist scores (≤ the item's maximum, with a note).
 */
@Component
class PlanEvaluation {

    static final int MAX_NOTE = 1000;

    private final InspectionPlans plans;
    private final ScoreRows scores;
    private final PlanRows rows;
    private final ObjectProvider<UnitFigures> figures;
    private final AuditTrail audit;

    PlanEvaluation(
            InspectionPlans plans,
            ScoreRows scores,
            PlanRows rows,
            ObjectProvider<UnitFigures> figures,
            AuditTrail audit) {
        this.plans = plans;
        this.scores = scores;
        this.rows = rows;
        this.figures = figures;
        this.audit = audit;
    }

    /** Computes the KPIs of every unit now (the plan must be 进行中); audited COMPUTE. */
    @Transactional
    InspectionPlan compute(UUID id, Access access) {
        var head = plans.lock(id, access);
        if (head.state() != PlanState.ACTIVE) {
            throw new ConflictException("supervision.conflict.notActive", head.planNo());
        }
        var plan = plans.get(id, access);
        snapshot(plan);
        audit.record(
                access.actor(),
                AuditedObject.INSPECTION_PLAN,
                plan.planNo(),
                AuditOperation.COMPUTE,
                null,
                AuditDetail.of("audit.detail.supervisionComputed", plan.units().size())
                        .encoded());
        return plans.get(id, access);
    }

    /** Scores one checklist item of one unit; 422 beside the field when above its maximum; audited SCORE. */
    @Transactional
    InspectionPlan score(UUID id, String orgId, String code, String score, @Nullable String note, Access access) {
        var head = plans.lock(id, access);
        var plan = plans.get(id, access);
        long org = parseOrg(orgId, plan);
        var item = plan.items().stream()
                .filter(i -> i.code().equals(code))
                .findFirst()
                .orElseThrow(() -> new InvalidInputException(Violation.of("code", "code")));
        double value = parseScore(score, item.maxScore());
        String n = note == null || note.isBlank() ? null : note.strip();
        Bounds.requireText("note", n, MAX_NOTE);
        if (head.state() != PlanState.ACTIVE) {
            throw new ConflictException("supervision.conflict.notActive", head.planNo());
        }
        scores.putScore(id, org, code, value, n, access.actor().name());
        audit.record(
                access.actor(),
                AuditedObject.INSPECTION_PLAN,
                plan.planNo(),
                AuditOperation.SCORE,
                null,
                AuditDetail.of(
                                "audit.detail.supervisionScored",
                                plan.unit(org).name(),
                                AuditDetail.label("supervision.checklist." + code),
                                KpiScoring.round(value),
                                item.maxScore())
                        .encoded());
        return plans.get(id, access);
    }

    /** 进行中 → 已评定: the KPIs computed a last time and frozen with the checklist scores; audited SCORE. */
    @Transactional
    InspectionPlan evaluate(UUID id, Access access) {
        var head = plans.lock(id, access);
        if (head.state() != PlanState.ACTIVE) {
            throw new ConflictException("supervision.conflict.notActive", head.planNo());
        }
        snapshot(plans.get(id, access));
        rows.move(id, PlanState.ACTIVE, PlanState.EVALUATED, "evaluated_at");
        audit.record(
                access.actor(),
                AuditedObject.INSPECTION_PLAN,
                head.planNo(),
                AuditOperation.SCORE,
                null,
                AuditDetail.of("audit.detail.supervisionPlanState", AuditDetail.label(PlanState.EVALUATED.labelKey()))
                        .encoded());
        return plans.get(id, access);
    }

    List<ScoreRows.ChecklistScore> checklist(InspectionPlan plan) {
        return scores.scores(plan.id());
    }

    List<ScoreRows.KpiValue> kpis(InspectionPlan plan) {
        return scores.values(plan.id());
    }

    private void snapshot(InspectionPlan plan) {
        var source = figures.getIfAvailable();
        if (source == null) {
            throw new ConflictException("supervision.conflict.noFigures", plan.planNo());
        }
        for (var unit : plan.units()) {
            var f = source.of(
                    unit.orgPath(), plan.period().from(), plan.period().to());
            for (var t : plan.kpis()) {
                var m = t.kpi().measure(f);
                scores.putValue(
                        plan.id(),
                        unit.orgId(),
                        t.kpi(),
                        m,
                        KpiScoring.score(t.kpi(), m.value(), t.target(), t.weight()));
            }
        }
        rows.computed(plan.id());
    }

    private static long parseOrg(String orgId, InspectionPlan plan) {
        try {
            long org = Long.parseLong(orgId.strip());
            if (plan.covers(org)) {
                return org;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw new InvalidInputException(Violation.of("orgId", "code"));
    }

    static double parseScore(String score, double max) {
        String t = score == null ? "" : score.strip();
        if (t.isEmpty()) {
            throw new InvalidInputException(Violation.of("score", "required"));
        }
        double v;
        try {
            v = Double.parseDouble(t);
        } catch (NumberFormatException e) {
            throw new InvalidInputException(new Violation("score", "number", "supervision.rule.number", List.of()));
        }
        if (Double.isNaN(v) || v < 0 || v > max) {
            throw new InvalidInputException(new Violation(
                    "score", "scoreMax", "supervision.rule.scoreMax", List.of(KpiScoring.round(max) + "")));
        }
        return v;
    }
}
