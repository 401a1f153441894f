package org.siarchive.supervision;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The rows of {@code inspection_checklist_score} and {@code inspection_kpi_value}: what a plan found. */
@Component
class ScoreRows {

    /** An inspector's score of one checklist item for one unit. */
    record ChecklistScore(
            long orgId, String code, double score, @Nullable String note, String scoredBy, OffsetDateTime scoredAt) {}

    /** A KPI value of one unit as last computed (the snapshot). */
    record KpiValue(
            long orgId,
            InspectionKpi kpi,
            @Nullable Long part,
            @Nullable Long whole,
            @Nullable Double value,
            @Nullable Double score,
            OffsetDateTime computedAt) {}

    private final JdbcClient jdbc;

    ScoreRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void putScore(UUID plan, long orgId, String code, double score, @Nullable String note, String by) {
        jdbc.sql(
                        """
                insert into inspection_checklist_score (plan_id, org_id, code, score, note, scored_by)
                values (:p, :o, :c, :s, :n, :by)
                on conflict (plan_id, org_id, code) do update set score = excluded.score, note = excluded.note,
                    scored_by = excluded.scored_by, scored_at = now()""")
                .param("p", plan)
                .param("o", orgId)
                .param("c", code)
                .param("s", score)
                .param("n", note)
                .param("by", by)
                .update();
    }

    List<ChecklistScore> scores(UUID plan) {
        return jdbc.sql(
                        """
                select org_id, code, score, note, scored_by, scored_at from inspection_checklist_score
                where plan_id = :p order by org_id, code""")
                .param("p", plan)
                .query((rs, n) -> new ChecklistScore(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getDouble(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getObject(6, OffsetDateTime.class)))
                .list();
    }

    void putValue(UUID plan, long orgId, InspectionKpi kpi, InspectionKpi.Measure m, @Nullable Double score) {
        jdbc.sql(
                        """
                insert into inspection_kpi_value (plan_id, org_id, kpi, part, whole, value, score)
                values (:p, :o, :k, :part, :whole, :value, :score)
                on conflict (plan_id, org_id, kpi) do update set part = excluded.part, whole = excluded.whole,
                    value = excluded.value, score = excluded.score, computed_at = now()""")
                .param("p", plan)
                .param("o", orgId)
                .param("k", kpi.name())
                .param("part", m.part())
                .param("whole", m.whole())
                .param("value", m.value())
                .param("score", score)
                .update();
    }

    List<KpiValue> values(UUID plan) {
        return jdbc
                .sql(
                        """
                select org_id, kpi, part, whole, value, score, computed_at from inspection_kpi_value
                where plan_id = :p""")
                .param("p", plan)
                .query((rs, n) -> new KpiValue(
                        rs.getLong(1),
                        InspectionKpi.valueOf(rs.getString(2)),
                        rs.getObject(3, Long.class),
                        rs.getObject(4, Long.class),
                        rs.getObject(5, Double.class),
                        rs.getBigDecimal(6) == null ? null : rs.getBigDecimal(6).doubleValue(),
                        rs.getObject(7, OffsetDateTime.class)))
                .list()
                .stream()
                .sorted(java.util.Comparator.comparing(KpiValue::orgId).thenComparing(KpiValue::kpi))
                .toList();
    }
}
