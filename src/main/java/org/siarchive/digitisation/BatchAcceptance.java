package org.siarchive.digitisation;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.siarchive.audit.AuditDetail;
import org.siarchive.audit.AuditOperation;
import org.siarchive.audit.AuditTrail;
import org.siarchive.audit.AuditedObject;
import org.siarchive.shared.Access;
import org.siarchive.shared.ConflictException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Acceptance (验收, DA/T 31-2017): every automatic check passed (no flagged page, no missing page) and every
 * sampled item reviewed and at least 95 % of them passed; otherwise the batch is rejected. The decision,
 * its audit entry and {@link ScanBatchDecided} share one transaction.
 */
@Component
class BatchAcceptance {

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;

    BatchAcceptance(JdbcClient jdbc, TransactionTemplate tx, AuditTrail audit, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.audit = audit;
        this.events = events;
    }

    /** The reviewed sample: how many items were sampled and how many of them passed. */
    private record Sample(int size, long passed) {

        boolean accepted() {
            return size == 0 || passed * 100 >= 95L * size;
        }
    }

    ScanBatchDecided.Decision decide(ScanBatches.Progress batch, List<ScanItems.ItemView> items, Access access) {
        if (!batch.status().equals("QC")) {
            throw new ConflictException("conflict.batchNotInQc", batch.name());
        }
        var sample = reviewedSample(batch, items);
        boolean automatic = items.stream().noneMatch(ScanItems.ItemView::flagged);
        var decision = automatic && sample.accepted()
                ? ScanBatchDecided.Decision.ACCEPTED
                : ScanBatchDecided.Decision.REJECTED;
        tx.executeWithoutResult(s -> record(batch.id(), decision, items.size(), access, automatic, sample));
        return decision;
    }

    private static Sample reviewedSample(ScanBatches.Progress batch, List<ScanItems.ItemView> items) {
        var sampled = items.stream().filter(ScanItems.ItemView::sampled).toList();
        if (sampled.stream().anyMatch(i -> i.sampleResult() == null)) {
            throw new ConflictException("conflict.sampleIncomplete", batch.name());
        }
        long passed =
                sampled.stream().filter(i -> "PASS".equals(i.sampleResult())).count();
        return new Sample(sampled.size(), passed);
    }

    private record Decided(String orgPath, OffsetDateTime at) {}

    private void record(
            UUID batch,
            ScanBatchDecided.Decision decision,
            int itemCount,
            Access access,
            boolean automatic,
            Sample sample) {
        var decided = jdbc.sql(
                        """
                update scan_batch set status = :d, decided_by = :by, decided_at = now() where id = :id
                returning org_path, decided_at
                """)
                .param("d", decision.name())
                .param("by", access.actor().name())
                .param("id", batch)
                .query((rs, n) -> new Decided(rs.getString(1), rs.getObject(2, OffsetDateTime.class)))
                .single();
        audit.record(
                access.actor(),
                AuditedObject.SCAN_BATCH,
                batch.toString(),
                decision == ScanBatchDecided.Decision.ACCEPTED ? AuditOperation.ACCEPTED : AuditOperation.REJECTED,
                null,
                AuditDetail.of(
                                "audit.detail.batchDecided",
                                AuditDetail.label(automatic ? "audit.detail.passed" : "audit.detail.failed"),
                                sample.passed(),
                                sample.size())
                        .encoded());
        events.publishEvent(new ScanBatchDecided(batch, decision, itemCount, decided.orgPath(), decided.at()));
    }
}
