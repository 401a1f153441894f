package org.siarchive.mining;

import java.util.List;
import java.util.Optional;
import org.siarchive.shared.Access;
import org.siarchive.shared.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The {@code mining_run} table: runs are read only within the caller's data scope (another unit's run is a 404,
 * never a 403), results as the JSON document they were stored as.
 */
@Component
class MiningRunStore {

    static final int PAGE = 20;
    static final JsonMapper JSON = JsonMapper.builder().build();

    private static final String SELECT =
            """
            select id, org_id, org_path, trigger_kind, started_by, started_at, finished_at, state, item_cap,
                   items_in_scope, items_read, duration_ms
              from mining_run
            """;

    private final JdbcClient jdbc;

    MiningRunStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A run of the caller's subtree; 404 otherwise. */
    MiningRun get(long id, Access access) {
        return jdbc.sql(SELECT + " where id = :id and org_path like :scope")
                .param("id", id)
                .param("scope", access.scope().orgPattern())
                .query(MiningRun.class)
                .optional()
                .orElseThrow(() -> new NotFoundException("MINING_RUN", Long.toString(id)));
    }

    /** The newest runs of the caller's subtree. */
    List<MiningRun> recent(Access access, int page) {
        return jdbc.sql(SELECT + " where org_path like :scope order by id desc limit :n offset :o")
                .param("scope", access.scope().orgPattern())
                .param("n", PAGE)
                .param("o", (long) Math.max(0, Math.min(page, 500)) * PAGE)
                .query(MiningRun.class)
                .list();
    }

    /** The newest finished run over exactly {@code orgPath}. */
    Optional<MiningRun> latestFinished(String orgPath) {
        return jdbc.sql(SELECT + " where org_path = :p and state = 'FINISHED' order by id desc limit 1")
                .param("p", orgPath)
                .query(MiningRun.class)
                .optional();
    }

    Optional<MiningResult> results(long runId) {
        return jdbc.sql("select results::text from mining_run where id = :id and results is not null")
                .param("id", runId)
                .query(String.class)
                .optional()
                .map(s -> JSON.readValue(s, MiningResult.class));
    }

    void finished(long runId, MiningResult result, long durationMs) {
        jdbc.sql(
                        """
                update mining_run set state = 'FINISHED', finished_at = now(), items_in_scope = :s, items_read = :r,
                       duration_ms = :d, results = cast(:j as jsonb)
                 where id = :id and state = 'RUNNING'
                """)
                .param("s", result.itemsInScope())
                .param("r", result.itemsRead())
                .param("d", durationMs)
                .param("j", JSON.writeValueAsString(result))
                .param("id", runId)
                .update();
    }

    void failed(long runId) {
        jdbc.sql("update mining_run set state = 'FAILED', finished_at = now() where id = :id and state = 'RUNNING'")
                .param("id", runId)
                .update();
    }

    /** A run under way and the node it runs on (null before issue 21). */
    record Running(long id, @org.jspecify.annotations.Nullable String node) {}

    List<Running> running() {
        return jdbc.sql("select id, node_id from mining_run where state = 'RUNNING'")
                .query((rs, n) -> new Running(rs.getLong(1), rs.getString(2)))
                .list();
    }
}
