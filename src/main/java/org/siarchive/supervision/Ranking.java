package org.siarchive.supervision;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The ranking across the units of a plan: each unit's KPI total (the measured KPI scores scaled to the plan's
 * total weight, {@link KpiScoring#total}) plus its checklist total, highest first; equal totals share a rank
 * (1, 2, 2, 4) and are listed by organisation path.
 */
final class Ranking {

    /** One unit's line. */
    record Row(int rank, InspectionPlan.Unit unit, double kpiScore, double checklistScore, double total) {}

    private Ranking() {}

    static List<Row> of(InspectionPlan plan, List<ScoreRows.KpiValue> values, List<ScoreRows.ChecklistScore> scores) {
        Map<Long, Map<InspectionKpi, ScoreRows.KpiValue>> byUnit = values.stream()
                .collect(Collectors.groupingBy(
                        ScoreRows.KpiValue::orgId, Collectors.toMap(ScoreRows.KpiValue::kpi, v -> v)));
        Map<Long, Double> checklist = scores.stream()
                .collect(Collectors.groupingBy(
                        ScoreRows.ChecklistScore::orgId, Collectors.summingDouble(ScoreRows.ChecklistScore::score)));
        var lines = new ArrayList<Row>();
        for (var unit : plan.units()) {
            var mine = byUnit.getOrDefault(unit.orgId(), Map.of());
            var scored = plan.kpis().stream()
                    .map(t -> new KpiScoring.Scored(
                            t.weight(),
                            mine.containsKey(t.kpi()) ? mine.get(t.kpi()).score() : null))
                    .toList();
            double kpi = KpiScoring.round(KpiScoring.total(scored));
            double list = KpiScoring.round(checklist.getOrDefault(unit.orgId(), 0.0));
            lines.add(new Row(0, unit, kpi, list, KpiScoring.round(kpi + list)));
        }
        lines.sort(Comparator.comparingDouble(Row::total).reversed().thenComparing(r -> r.unit()
                .orgPath()));
        var out = new ArrayList<Row>();
        for (int i = 0; i < lines.size(); i++) {
            var r = lines.get(i);
            int rank = i > 0 && out.get(i - 1).total() == r.total()
                    ? out.get(i - 1).rank()
                    : i + 1;
            out.add(new Row(rank, r.unit(), r.kpiScore(), r.checklistScore(), r.total()));
        }
        return List.copyOf(out);
    }
}
