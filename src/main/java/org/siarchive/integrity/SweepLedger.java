package org.siarchive.integrity;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.siarchive.audit.AuditDetail;
import org.siarchive.audit.AuditOperation;
import org.siarchive.audit.AuditTrail;
import org.siarchive.audit.AuditedObject;
import org.siarchive.shared.Actor;
import org.siarchive.shared.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The sweeps themselves ({@code fixity_sweep}): opened with the number of items to check, advanced chunk by
 * chunk with the cursor that makes them resumable, finished when the feed has nothing left. Writes in the
 * caller's transaction; opening and finishing are audited.
 */
@Component
class SweepLedger {

    private static final String SELECT =
            """
            select id, status, rate_mb_s, items_total, items_done, bytes_done, findings, started_by, started_at, finished_at,
                last_code
            from fixity_sweep
            """;

    private final JdbcClient jdbc;
    private final AuditTrail audit;

    SweepLedger(JdbcClient jdbc, AuditTrail audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    /** Opens a running sweep over {@code total} items; returns its id. */
    long open(int rateMbS, long total, Actor actor) {
        long id = jdbc.sql(
                        "insert into fixity_sweep (status, rate_mb_s, items_total, started_by) values ('RUNNING', :r, :t, :by) returning id")
                .param("r", Math.max(0, rateMbS))
                .param("t", total)
                .param("by", actor.name())
                .query(Long.class)
                .single();
        audit.record(
                actor,
                AuditedObject.FIXITY_SWEEP,
                Long.toString(id),
                AuditOperation.START,
                null,
                AuditDetail.of("audit.detail.sweepStarted", total, rateMbS).encoded());
        return id;
    }

    Optional<FixitySweeps.Sweep> current() {
        return jdbc.sql(SELECT + " where status = 'RUNNING'")
                .query(FixitySweeps.Sweep.class)
                .optional();
    }

    List<FixitySweeps.Sweep> recent() {
        return jdbc.sql(SELECT + " order by id desc limit 20")
                .query(FixitySweeps.Sweep.class)
                .list();
    }

    FixitySweeps.Sweep sweep(long id) {
        return jdbc.sql(SELECT + " where id = :id")
                .param("id", id)
                .query(FixitySweeps.Sweep.class)
                .optional()
                .orElseThrow(() -> new NotFoundException("FIXITY_SWEEP", Long.toString(id)));
    }

    /** The last item the sweep recorded; null before its first chunk. */
    @Nullable
    UUID cursor(long sweepId) {
        return jdbc.sql("select cursor_item from fixity_sweep where id = :id")
                .param("id", sweepId)
                .query(UUID.class)
                .optional()
                .orElse(null);
    }

    /** Moves the cursor past a recorded chunk, adds its counts and names the last 档号 it checked. */
    void advance(long sweepId, UUID cursor, String lastCode, int items, long bytes, int findings) {
        jdbc.sql(
                        """
                update fixity_sweep set cursor_item = :i, items_done = items_done + :n, bytes_done = bytes_done + :b,
                    findings = findings + :f, last_code = :c where id = :id
                """)
                .param("i", cursor)
                .param("c", lastCode)
                .param("n", items)
                .param("b", bytes)
                .param("f", findings)
                .param("id", sweepId)
                .update();
    }

    void finish(FixitySweeps.Sweep sweep) {
        jdbc.sql("update fixity_sweep set status = 'DONE', finished_at = now() where id = :id")
                .param("id", sweep.id())
                .update();
        audit.record(
                FixitySweeps.SWEEPER,
                AuditedObject.FIXITY_SWEEP,
                Long.toString(sweep.id()),
                AuditOperation.FINISH,
                null,
                AuditDetail.of("audit.detail.sweepFinished", sweep.itemsDone(), sweep.bytesDone(), sweep.findings())
                        .encoded());
    }
}
