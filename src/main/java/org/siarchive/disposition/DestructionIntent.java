package org.siarchive.disposition;

import java.time.OffsetDateTime;
import java.util.List;
import org.siarchive.audit.AuditDetail;
import org.siarchive.audit.AuditOperation;
import org.siarchive.audit.AuditTrail;
import org.siarchive.audit.AuditedObject;
import org.siarchive.backup.BackupHistory;
import org.siarchive.catalog.ItemRecord;
import org.siarchive.shared.Actor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Step (a) of a destruction (docs/adr/0068): in one transaction, under the batch's row lock, every rule is
 * checked again (holds included), then the destruction is recorded EXECUTING with one PENDING row per item
 * and the backups that still hold its content, and audited. Once this commits the destruction will be
 * completed — by the engine now, or by start-up reconciliation after a crash; before it, nothing happened.
 */
@Component
class DestructionIntent {

    /** Who executes and supervises, and how and where (the form's fields, supervisors already confirmed). */
    record Execution(String method, String place, String executor, String supervisor1, String supervisor2) {}

    private final JdbcClient jdbc;
    private final DestructionChecks checks;
    private final BackupHistory backups;
    private final AuditTrail audit;

    DestructionIntent(JdbcClient jdbc, DestructionChecks checks, BackupHistory backups, AuditTrail audit) {
        this.jdbc = jdbc;
        this.checks = checks;
        this.backups = backups;
        this.audit = audit;
    }

    @Transactional
    public long record(long batchId, Execution e, Actor actor) {
        var batch = checks.batch(batchId, true);
        List<ItemRecord> items = checks.verify(batch);
        long id = jdbc.sql(
                        """
                insert into destruction (batch_id, list_id, state, method, place, executor, supervisor_1, supervisor_2)
                values (:b, :l, 'EXECUTING', :m, :p, :x, :s1, :s2) returning id
                """)
                .param("b", batchId)
                .param("l", batch.listId())
                .param("m", e.method())
                .param("p", e.place())
                .param("x", e.executor())
                .param("s1", e.supervisor1())
                .param("s2", e.supervisor2())
                .query(Long.class)
                .single();
        var now = OffsetDateTime.now();
        var taken = backups.holdingSince(OffsetDateTime.MIN, now);
        for (var item : items) {
            var holding = taken.stream()
                    .filter(t -> !t.takenAt().isBefore(item.createdAt()))
                    .toList();
            jdbc.sql(
                            """
                    insert into destruction_item (destruction_id, item_id, archive_code, state, backups_holding)
                    values (:d, :i, :c, 'PENDING', cast(:h as jsonb))
                    """)
                    .param("d", id)
                    .param("i", item.id())
                    .param("c", item.archiveCode())
                    .param("h", BackupsHolding.json(holding))
                    .update();
        }
        audit(id, batch, items.size(), e, actor);
        return id;
    }

    /** START in the executor's name, and one CONFIRM per 监销人 in their own name, from the same place. */
    private void audit(long id, DestructionChecks.Batch batch, int count, Execution e, Actor actor) {
        audit.record(
                actor,
                AuditedObject.DESTRUCTION,
                Long.toString(id),
                AuditOperation.START,
                null,
                AuditDetail.of(
                                "audit.detail.destructionStarted",
                                batch.batchNo(),
                                batch.listNo(),
                                count,
                                e.method(),
                                e.place())
                        .encoded());
        // each 监销人 confirmed on the executor's screen: an entry in their own name, from the same place
        for (String supervisor : List.of(e.supervisor1(), e.supervisor2())) {
            audit.record(
                    new Actor(supervisor, actor.org(), actor.ip(), actor.client()),
                    AuditedObject.DESTRUCTION,
                    Long.toString(id),
                    AuditOperation.CONFIRM,
                    null,
                    AuditDetail.of("audit.detail.destructionSupervised", batch.listNo())
                            .encoded());
        }
    }
}
