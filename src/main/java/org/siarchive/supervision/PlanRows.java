package org.siarchive.supervision;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The rows of {@code inspection_plan} and what it copied: units, KPI targets, checklist items. */
@Component
class PlanRows {

    /** A plan's own row, before its units and targets are attached. */
    record Head(
            UUID id,
            String planNo,
            String title,
            InspectionPeriod.Span period,
            PlanState state,
            String orgPath,
            String createdBy,
            OffsetDateTime createdAt,
            @Nullable OffsetDateTime computedAt,
            @Nullable OffsetDateTime evaluatedAt,
            @Nullable OffsetDateTime closedAt) {}

    /** The advisory-lock key of plan numbers. */
    static final long LOCK = 0x5e_1840L;

    private static final String SELECT =
            """
            select id, plan_no, title, period_kind, period_year, period_no, state, org_path, created_by, created_at,
                   computed_at, evaluated_at, closed_at
            from inspection_plan""";

    private final JdbcClient jdbc;

    PlanRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The next number of the year, JD2026-0001, under a transaction-scoped lock. */
    String nextNumber(int year) {
        jdbc.sql("select pg_advisory_xact_lock(:k)")
                .param("k", LOCK)
                .query(Object.class)
                .single();
        String prefix = "JD" + year + "-";
        int last = jdbc.sql("select coalesce(max(substr(plan_no, :from)::int), 0) from inspection_plan"
                        + " where plan_no like :p")
                .param("from", prefix.length() + 1)
                .param("p", prefix + "%")
                .query(Integer.class)
                .single();
        return prefix + "%04d".formatted(last + 1);
    }

    void insert(UUID id, String no, String title, InspectionPeriod.Span p, String orgPath, String by) {
        jdbc.sql(
                        """
                insert into inspection_plan (id, plan_no, title, period_kind, period_year, period_no, period_from,
                                             period_to, org_path, created_by)
                values (:id, :no, :title, :kind, :year, :pno, :from, :to, :org, :by)""")
                .param("id", id)
                .param("no", no)
                .param("title", title)
                .param("kind", p.kind().name())
                .param("year", p.year())
                .param("pno", p.no())
                .param("from", p.from())
                .param("to", p.to())
                .param("org", orgPath)
                .param("by", by)
                .update();
    }

    void insertUnit(UUID plan, long orgId, String orgPath) {
        jdbc.sql("insert into inspection_plan_unit (plan_id, org_id, org_path) values (:p, :o, :path)")
                .param("p", plan)
                .param("o", orgId)
                .param("path", orgPath)
                .update();
    }

    void putKpi(UUID plan, InspectionKpi kpi, double target, double weight) {
        jdbc.sql(
                        """
                insert into inspection_plan_kpi (plan_id, kpi, target, weight) values (:p, :k, :t, :w)
                on conflict (plan_id, kpi) do update set target = excluded.target, weight = excluded.weight""")
                .param("p", plan)
                .param("k", kpi.name())
                .param("t", target)
                .param("w", weight)
                .update();
    }

    void insertItem(UUID plan, int seq, SupervisionSettings.Item item) {
        jdbc.sql("insert into inspection_plan_item (plan_id, seq, code, max_score) values (:p, :s, :c, :m)")
                .param("p", plan)
                .param("s", seq)
                .param("c", item.code())
                .param("m", item.maxScore())
                .update();
    }

    void retitle(UUID plan, String title) {
        jdbc.sql("update inspection_plan set title = :t where id = :id")
                .param("t", title)
                .param("id", plan)
                .update();
    }

    /** Moves it from {@code from} to {@code to}, stamping the time column; false if it was not in {@code from}. */
    boolean move(UUID plan, PlanState from, PlanState to, String stamp) {
        String set = stamp.isEmpty() ? "" : ", " + stamp + " = now()";
        return jdbc.sql("update inspection_plan set state = :to" + set + " where id = :id and state = :from")
                        .param("to", to.name())
                        .param("from", from.name())
                        .param("id", plan)
                        .update()
                == 1;
    }

    void computed(UUID plan) {
        jdbc.sql("update inspection_plan set computed_at = now() where id = :id")
                .param("id", plan)
                .update();
    }

    /** The plan when it was made within {@code orgPath}'s subtree. Locks it when asked. */
    Optional<Head> head(UUID id, String orgPath, boolean lock) {
        return jdbc.sql(SELECT + " where id = :id and org_path like :org" + (lock ? " for update" : ""))
                .param("id", id)
                .param("org", orgPath + "%")
                .query(PlanRows::head)
                .optional();
    }

    List<Head> list(String orgPath, int limit) {
        return jdbc.sql(SELECT + " where org_path like :org order by created_at desc, plan_no desc limit " + limit)
                .param("org", orgPath + "%")
                .query(PlanRows::head)
                .list();
    }

    List<long[]> units(UUID plan) {
        return jdbc.sql("select org_id from inspection_plan_unit where plan_id = :p order by org_path")
                .param("p", plan)
                .query((rs, n) -> new long[] {rs.getLong(1)})
                .list();
    }

    List<InspectionPlan.KpiTarget> kpis(UUID plan) {
        return jdbc
                .sql("select kpi, target, weight from inspection_plan_kpi where plan_id = :p")
                .param("p", plan)
                .query((rs, n) -> new InspectionPlan.KpiTarget(
                        InspectionKpi.valueOf(rs.getString(1)), rs.getDouble(2), rs.getDouble(3)))
                .list()
                .stream()
                .sorted(java.util.Comparator.comparing(InspectionPlan.KpiTarget::kpi))
                .toList();
    }

    List<SupervisionSettings.Item> items(UUID plan) {
        return jdbc.sql("select code, max_score from inspection_plan_item where plan_id = :p order by seq")
                .param("p", plan)
                .query((rs, n) -> new SupervisionSettings.Item(rs.getString(1), rs.getDouble(2)))
                .list();
    }

    private static Head head(ResultSet rs, int n) throws SQLException {
        return new Head(
                rs.getObject("id", UUID.class),
                rs.getString("plan_no"),
                rs.getString("title"),
                new InspectionPeriod.Span(
                        InspectionPeriod.valueOf(rs.getString("period_kind")),
                        rs.getInt("period_year"),
                        rs.getInt("period_no")),
                PlanState.valueOf(rs.getString("state")),
                rs.getString("org_path"),
                rs.getString("created_by"),
                rs.getObject("created_at", OffsetDateTime.class),
                rs.getObject("computed_at", OffsetDateTime.class),
                rs.getObject("evaluated_at", OffsetDateTime.class),
                rs.getObject("closed_at", OffsetDateTime.class));
    }
}
