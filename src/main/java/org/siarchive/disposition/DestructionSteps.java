package org.siarchive.disposition;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.siarchive.audit.AuditDetail;
import org.siarchive.audit.AuditOperation;
import org.siarchive.audit.AuditTrail;
import org.siarchive.audit.AuditedObject;
import org.siarchive.catalog.ItemTombstones;
import org.siarchive.preservation.Preservation;
import org.siarchive.shared.Actor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The steps after the recorded intent (docs/adr/0068), each idempotent so that reconciliation may repeat
 * any of them: purge the primary store (and staging), purge the replica, mark PURGED; then, one
 * transaction per chunk, the tombstones with their audit entries and {@code ItemDestroyed} events; last,
 * FINISHED and the batch's new state.
 */
@Component
class DestructionSteps {

    /** A destruction item not yet tombstoned, with where its content lives. */
    record Pending(UUID itemId, String archiveCode, String state, String objectId) {}

    /** The destruction as its steps need it. */
    record Running(long id, long batchId, String listNo, String state) {}

    private final JdbcClient jdbc;
    private final Preservation preservation;
    private final ItemTombstones tombstones;
    private final AuditTrail audit;
    private final AppraisalApproval approval;

    DestructionSteps(
            JdbcClient jdbc,
            Preservation preservation,
            ItemTombstones tombstones,
            AuditTrail audit,
            AppraisalApproval approval) {
        this.jdbc = jdbc;
        this.preservation = preservation;
        this.tombstones = tombstones;
        this.audit = audit;
        this.approval = approval;
    }

    Running running(long destructionId) {
        return jdbc.sql(
                        """
                select d.id, d.batch_id, l.list_no, d.state from destruction d
                join destruction_list l on l.id = d.list_id where d.id = :d
                """)
                .param("d", destructionId)
                .query(Running.class)
                .single();
    }

    List<Long> executing() {
        return jdbc.sql("select id from destruction where state = 'EXECUTING' order by id")
                .query(Long.class)
                .list();
    }

    /** Step (b), primary: the OCFL object (every version) and any staging leftovers of the item. */
    public void purgePrimary(Pending p) {
        preservation.purge(p.objectId(), p.itemId().toString());
    }

    /** Step (b), replica: the object in the replica root (disk or S3), if one is configured. */
    public void purgeReplica(Pending p) {
        preservation.purgeReplica(p.objectId());
    }

    @Transactional
    public void markPurged(UUID itemId) {
        jdbc.sql(
                        "update destruction_item set state = 'PURGED', purged_at = now() where item_id = :i and state = 'PENDING'")
                .param("i", itemId)
                .update();
    }

    /** Step (c): one transaction for the chunk's tombstones, audit entries and events. */
    @Transactional
    public void tombstoneChunk(Running d, List<Pending> chunk, Actor actor) {
        var at = OffsetDateTime.now();
        for (var p : chunk) {
            if (preservation.holds(p.objectId())) {
                throw new IllegalStateException("content of " + p.archiveCode() + " still stored");
            }
            // a replication that read the object before the purge may have written it again since
            preservation.purgeReplica(p.objectId());
            tombstones.tombstone(p.itemId(), d.listNo(), at, actor);
            jdbc.sql("update destruction_item set state = 'TOMBSTONED' where item_id = :i")
                    .param("i", p.itemId())
                    .update();
            jdbc.sql("update appraisal_item set executed_at = :at where batch_id = :b and item_id = :i")
                    .param("at", at)
                    .param("b", d.batchId())
                    .param("i", p.itemId())
                    .update();
        }
    }

    /**
     * Step (d): FINISHED; the batch moves on through {@link BatchState} (全部完成, or 销毁已执行/延期未执行 while
     * 延期 decisions wait).
     */
    @Transactional
    public void finish(Running d, Actor actor) {
        int updated = jdbc.sql(
                        "update destruction set state = 'FINISHED', finished_at = now() where id = :d and state = 'EXECUTING'")
                .param("d", d.id())
                .update();
        if (updated == 0) {
            return;
        }
        approval.destructionsExecuted(d.batchId(), actor);
        long count = jdbc.sql("select count(*) from destruction_item where destruction_id = :d")
                .param("d", d.id())
                .query(Long.class)
                .single();
        audit.record(
                actor,
                AuditedObject.DESTRUCTION,
                Long.toString(d.id()),
                AuditOperation.FINISH,
                null,
                AuditDetail.of("audit.detail.destructionFinished", d.listNo(), count)
                        .encoded());
    }
}
