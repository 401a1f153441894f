package org.siarchive.comparison;

import java.util.List;
import org.siarchive.shared.Access;
import org.siarchive.shared.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Reads runs within the caller's data scope: other units' runs are 404. */
@Component
class RunViews {

    static final int PAGE_SIZE = 50;

    private static final String SELECT = "select id, trigger_kind, org_id, org_path, as_of, state, started_by,"
            + " started_at, finished_at, duration_ms, probe_rows, build_rows, hits, new_warnings, load_ms, join_ms,"
            + " store_ms, failure from comparison_run";

    private final JdbcClient jdbc;

    RunViews(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    RunView get(long id, Access access) {
        return jdbc.sql(SELECT + " where id = :id and org_path like :org")
                .param("id", id)
                .param("org", access.scope().orgPattern())
                .query((rs, n) -> row(rs, true))
                .optional()
                .orElseThrow(() -> new NotFoundException("COMPARISON_RUN", Long.toString(id)));
    }

    /** The newest runs first, a page of {@value #PAGE_SIZE}. */
    List<RunView> list(int page, Access access) {
        return jdbc.sql(SELECT + " where org_path like :org order by started_at desc, id desc limit :l offset :o")
                .param("org", access.scope().orgPattern())
                .param("l", PAGE_SIZE)
                .param("o", (long) Math.max(0, Math.min(page, 1000)) * PAGE_SIZE)
                .query((rs, n) -> row(rs, false))
                .list();
    }

    private RunView row(java.sql.ResultSet rs, boolean details) throws java.sql.SQLException {
        long id = rs.getLong("id");
        return new RunView(
                id,
                rs.getString("trigger_kind"),
                rs.getLong("org_id"),
                rs.getString("org_path"),
                rs.getObject("as_of", java.time.LocalDate.class),
                rs.getString("state"),
                rs.getString("started_by"),
                rs.getObject("started_at", java.time.OffsetDateTime.class),
                rs.getObject("finished_at", java.time.OffsetDateTime.class),
                rs.getObject("duration_ms", Long.class),
                rs.getLong("probe_rows"),
                rs.getLong("build_rows"),
                rs.getLong("hits"),
                rs.getLong("new_warnings"),
                rs.getObject("load_ms", Long.class),
                rs.getObject("join_ms", Long.class),
                rs.getObject("store_ms", Long.class),
                rs.getString("failure"),
                details ? inputs(id) : List.of(),
                details ? rules(id) : List.of());
    }

    private List<RunView.Input> inputs(long runId) {
        return jdbc.sql("select i.dataset_id, d.kind, d.source, d.title, i.file_sm3, i.rows_used"
                        + " from comparison_run_input i join reference_dataset d on d.id = i.dataset_id"
                        + " where i.run_id = :r order by d.kind, i.dataset_id")
                .param("r", runId)
                .query(RunView.Input.class)
                .list();
    }

    private List<RunView.RuleCount> rules(long runId) {
        return jdbc.sql("select r.rule_version_id, v.rule_code, v.version, v.digest, r.hits, r.new_warnings,"
                        + " r.amount_at_risk, r.duration_ms from comparison_run_rule r"
                        + " join comparison_rule_version v on v.id = r.rule_version_id where r.run_id = :r"
                        + " order by v.rule_code")
                .param("r", runId)
                .query(RunView.RuleCount.class)
                .list();
    }
}
