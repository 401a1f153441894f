package org.siarchive.capture;

import java.util.List;
import java.util.Optional;
import org.siarchive.audit.AuditDetail;
import org.siarchive.audit.AuditOperation;
import org.siarchive.audit.AuditTrail;
import org.siarchive.audit.AuditedObject;
import org.siarchive.shared.Actor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Persists each reconciliation run with its findings and an audit entry. */
@Component
class ReconciliationLog {

    /** The stored summary of a run, for the dashboard. */
    record Summary(
            long id,
            java.time.OffsetDateTime finishedAt,
            int completed,
            int quarantined,
            int orphans,
            int stagingRemoved) {}

    private final JdbcClient jdbc;
    private final AuditTrail audit;

    ReconciliationLog(JdbcClient jdbc, AuditTrail audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    @Transactional
    void save(Reconciliation.Report r) {
        long runId = jdbc.sql(
                        """
                insert into reconciliation_run (started_at, finished_at, completed, quarantined, orphans, staging_removed)
                values (:s, :f, :c, :q, :o, :r) returning id
                """)
                .param("s", r.startedAt())
                .param("f", r.finishedAt())
                .param("c", r.count("COMPLETED"))
                .param("q", r.count("QUARANTINED"))
                .param("o", r.count("ORPHAN_OBJECT"))
                .param("r", r.count("STAGING_REMOVED"))
                .query(Long.class)
                .single();
        for (var f : r.findings()) {
            jdbc.sql("insert into reconciliation_finding (run_id, kind, subject, detail) values (:run, :k, :s, :d)")
                    .param("run", runId)
                    .param("k", f.kind())
                    .param("s", f.subject())
                    .param("d", f.detail())
                    .update();
        }
        audit.record(
                Actor.SYSTEM,
                AuditedObject.RECONCILIATION,
                Long.toString(runId),
                AuditOperation.RECONCILE,
                null,
                AuditDetail.of(
                                "audit.detail.reconciled",
                                r.count("COMPLETED"),
                                r.count("QUARANTINED"),
                                r.count("ORPHAN_OBJECT"),
                                r.count("STAGING_REMOVED"))
                        .encoded());
    }

    Optional<Summary> latest() {
        return jdbc.sql(
                        """
                select id, finished_at, completed, quarantined, orphans, staging_removed
                from reconciliation_run order by id desc limit 1
                """)
                .query(Summary.class)
                .optional();
    }

    List<Reconciliation.Finding> findings(long runId) {
        return jdbc.sql("select kind, subject, detail from reconciliation_finding where run_id = :r order by id")
                .param("r", runId)
                .query(Reconciliation.Finding.class)
                .list();
    }
}
