package org.siarchive.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The ranking: KPI total plus checklist total, highest first, equal totals sharing a rank. */
class RankingTest {

    @Test
    void unitsAreRankedByTheirTotalAndTiesShareARank() {
        var a = new InspectionPlan.Unit(1, "/1/2/", "甲");
        var b = new InspectionPlan.Unit(2, "/1/3/", "乙");
        var c = new InspectionPlan.Unit(3, "/1/4/", "丙");
        var plan = new InspectionPlan(
                UUID.randomUUID(),
                "JD2026-0001",
                "t",
                new InspectionPeriod.Span(InspectionPeriod.YEAR, 2025, 1),
                PlanState.ACTIVE,
                "/1/",
                "x",
                OffsetDateTime.now(),
                null,
                null,
                null,
                List.of(a, b, c),
                List.of(
                        new InspectionPlan.KpiTarget(InspectionKpi.COMPLETENESS, 0.95, 10),
                        new InspectionPlan.KpiTarget(InspectionKpi.FIXITY, 0.99, 10)),
                List.of(new SupervisionSettings.Item("RULES", 10)));
        var now = OffsetDateTime.now();
        var values = List.of(
                value(1, InspectionKpi.COMPLETENESS, 5.0, now),
                value(1, InspectionKpi.FIXITY, 10.0, now),
                value(2, InspectionKpi.COMPLETENESS, 10.0, now),
                value(2, InspectionKpi.FIXITY, null, now),
                value(3, InspectionKpi.COMPLETENESS, 10.0, now),
                value(3, InspectionKpi.FIXITY, 5.0, now));
        var scores = List.of(
                new ScoreRows.ChecklistScore(1, "RULES", 5, null, "x", now),
                new ScoreRows.ChecklistScore(3, "RULES", 4, null, "x", now));
        var rows = Ranking.of(plan, values, scores);
        // 甲 15 + 5; 乙: FIXITY not measured, 10 of 10 scaled to 20 → 20 + 0; 丙 15 + 4
        assertThat(rows).extracting(r -> r.unit().name()).containsExactly("甲", "乙", "丙");
        assertThat(rows).extracting(Ranking.Row::rank).containsExactly(1, 1, 3);
        assertThat(rows).extracting(Ranking.Row::total).containsExactly(20.0, 20.0, 19.0);
    }

    private static ScoreRows.KpiValue value(long org, InspectionKpi k, Double score, OffsetDateTime at) {
        return new ScoreRows.KpiValue(org, k, null, null, score == null ? null : 1.0, score, at);
    }
}
