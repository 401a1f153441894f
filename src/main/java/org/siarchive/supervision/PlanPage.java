package org.siarchive.supervision;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/** A plan's page as the template draws it: per unit its KPI lines and checklist lines, and the ranking. */
@Component
class PlanPage {

    /** One KPI line of a unit: label key, value, target, weight and score as shown. */
    record KpiLine(InspectionKpi kpi, String value, String target, String weight, String score, String basis) {}

    /** One checklist line of a unit: the item, its maximum, and the score and note given (if any). */
    record ItemLine(String code, String max, @Nullable String score, @Nullable String note) {

        public String labelKey() {
            return "supervision.checklist." + code;
        }
    }

    /** One unit's part of the page. */
    record UnitPart(InspectionPlan.Unit unit, List<KpiLine> kpis, List<ItemLine> items) {}

    /** A KPI's target and weight as typed in the draft's form (a share as a percentage). */
    record TargetLine(InspectionKpi kpi, String target, String weight) {}

    /** A line of the ranking as shown. */
    record RankLine(int rank, InspectionPlan.Unit unit, String kpiScore, String checklistScore, String total) {}

    /** The whole page. */
    record View(
            InspectionPlan plan,
            List<TargetLine> targets,
            List<UnitPart> units,
            List<RankLine> ranking,
            boolean computed) {}

    private final PlanEvaluation evaluation;

    PlanPage(PlanEvaluation evaluation) {
        this.evaluation = evaluation;
    }

    View of(InspectionPlan plan) {
        var values = evaluation.kpis(plan);
        var scores = evaluation.checklist(plan);
        var parts = new ArrayList<UnitPart>();
        for (var unit : plan.units()) {
            var kpis = new ArrayList<KpiLine>();
            for (var t : plan.kpis()) {
                var v = values.stream()
                        .filter(x -> x.orgId() == unit.orgId() && x.kpi() == t.kpi())
                        .findFirst();
                kpis.add(new KpiLine(
                        t.kpi(),
                        v.map(x -> KpiText.value(t.kpi(), x.value())).orElse("—"),
                        KpiText.target(t.kpi(), t.target()) + (t.kpi().share() ? "%" : ""),
                        KpiText.number(t.weight()),
                        v.map(x -> KpiText.number(x.score())).orElse("—"),
                        v.map(x -> basis(x)).orElse("")));
            }
            var items = new ArrayList<ItemLine>();
            for (var item : plan.items()) {
                var s = scores.stream()
                        .filter(x -> x.orgId() == unit.orgId() && x.code().equals(item.code()))
                        .findFirst();
                items.add(new ItemLine(
                        item.code(),
                        KpiText.number(item.maxScore()),
                        s.map(x -> KpiText.number(x.score())).orElse(null),
                        s.map(ScoreRows.ChecklistScore::note).orElse(null)));
            }
            parts.add(new UnitPart(unit, kpis, items));
        }
        var targets = plan.kpis().stream()
                .map(t -> new TargetLine(t.kpi(), KpiText.target(t.kpi(), t.target()), KpiText.number(t.weight())))
                .toList();
        var ranking = Ranking.of(plan, values, scores).stream()
                .map(r -> new RankLine(
                        r.rank(),
                        r.unit(),
                        KpiText.number(r.kpiScore()),
                        KpiText.number(r.checklistScore()),
                        KpiText.number(r.total())))
                .toList();
        return new View(plan, targets, parts, ranking, !values.isEmpty());
    }

    private static String basis(ScoreRows.KpiValue v) {
        if (v.part() != null && v.whole() != null) {
            return v.part() + " / " + v.whole();
        }
        return v.whole() == null ? "" : Long.toString(v.whole());
    }
}
