package org.siarchive.disposition;

import java.util.ArrayList;
import org.jspecify.annotations.Nullable;
import org.siarchive.audit.AuditDetail;
import org.siarchive.audit.AuditOperation;
import org.siarchive.audit.AuditTrail;
import org.siarchive.audit.AuditedObject;
import org.siarchive.catalog.RetentionChanges;
import org.siarchive.shared.Access;
import org.siarchive.shared.Actor;
import org.siarchive.shared.ForbiddenException;
import org.siarchive.shared.InvalidInputException;
import org.siarchive.shared.Violation;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The principal leader's approval (审批) of an appraised batch, or its return to the group; then the
 * execution of its extensions in the catalogue (one set-based change, see {@link RetentionChanges}); and the
 * door the destruction part calls once it has destroyed the batch's items. The proposer never approves their
 * own batch (403).
 */
@Component
public class AppraisalApproval {

    private final AppraisalBatches batches;
    private final BatchRows rows;
    private final WorkRows work;
    private final RetentionChanges retention;
    private final AuditTrail audit;

    AppraisalApproval(
            AppraisalBatches batches, BatchRows rows, WorkRows work, RetentionChanges retention, AuditTrail audit) {
        this.batches = batches;
        this.rows = rows;
        this.work = work;
        this.retention = retention;
        this.audit = audit;
    }

    /** 已鉴定未审核 → 已鉴定已审核, with the leader's opinion. */
    @Transactional
    public AppraisalBatches.Batch approve(long batchId, @Nullable String opinion, Access access) {
        var b = batches.lock(batchId, access);
        var next = b.state().approve(b.batchNo());
        notTheProposer(b, access);
        String o = text("opinion", opinion);
        rows.approval(b.id(), access.actor().name(), o);
        rows.moveTo(b.id(), next);
        record(access.actor(), b, AuditOperation.APPROVE, o, next);
        return rows.batch(b.id()).orElseThrow();
    }

    /** 已鉴定未审核 → 未鉴定: returned to the group with a reason. */
    @Transactional
    public AppraisalBatches.Batch sendBack(long batchId, @Nullable String reason, Access access) {
        var b = batches.lock(batchId, access);
        var next = b.state().sendBack(b.batchNo());
        notTheProposer(b, access);
        String r = text("reason", reason);
        rows.returned(b.id(), r);
        rows.moveTo(b.id(), next);
        record(access.actor(), b, AuditOperation.SEND_BACK, r, next);
        return rows.batch(b.id()).orElseThrow();
    }

    /**
     * Gives every 延期 item its new term in the catalogue (the original end kept there and here); the batch
     * is then 延期已执行/销毁未执行, or completed (and locked) when no destruction is pending.
     */
    @Transactional
    public AppraisalBatches.Batch executeExtensions(long batchId, Access access) {
        var b = batches.lock(batchId, access);
        if (!b.state().extensionsDue()) {
            b.state().require(BatchState.APPROVED, b.batchNo());
        }
        var pending = work.pendingExtensions(b.id());
        var extensions = new ArrayList<RetentionChanges.Extension>(pending.size());
        for (var i : pending) {
            extensions.add(new RetentionChanges.Extension(i.itemId(), i.newRetentionCode(), i.reason()));
        }
        retention.extend(extensions, b.batchNo(), access.actor());
        work.markExtended(b.id());
        var next = b.state().afterExtensions(work.destructionsPending(b.id()), b.batchNo());
        rows.moveTo(b.id(), next);
        record(access.actor(), b, AuditOperation.EXTEND, null, next);
        return rows.batch(b.id()).orElseThrow();
    }

    /**
     * For the destruction part, in its transaction, after it destroyed the batch's 销毁 items (their
     * {@code appraisal_item.executed_at} set): 销毁已执行/延期未执行, or completed when no extension is pending.
     */
    @Transactional
    public BatchState destructionsExecuted(long batchId, Actor actor) {
        var b = rows.lock(batchId);
        boolean extensionsPending = !work.pendingExtensions(b.id()).isEmpty();
        var next = b.state().afterDestructions(extensionsPending, b.batchNo());
        rows.moveTo(b.id(), next);
        record(actor, b, AuditOperation.FINISH, null, next);
        return next;
    }

    private static void notTheProposer(AppraisalBatches.Batch b, Access access) {
        if (b.proposedBy().equals(access.actor().name())) {
            throw new ForbiddenException("disposition.batch.forbidden.ownBatch", b.batchNo());
        }
    }

    private static String text(String field, @Nullable String value) {
        String v = value == null ? "" : value.strip();
        if (v.isEmpty() || v.length() > 1000) {
            throw new InvalidInputException(Violation.of(field, v.isEmpty() ? "required" : "maxLength", 1000));
        }
        return v;
    }

    private void record(
            Actor actor, AppraisalBatches.Batch b, AuditOperation op, @Nullable String reason, BatchState next) {
        audit.record(
                actor,
                AuditedObject.APPRAISAL_BATCH,
                b.batchNo(),
                op,
                reason,
                AuditDetail.of("audit.detail.appraisalState", AuditDetail.label(next.labelKey()))
                        .encoded());
    }
}
