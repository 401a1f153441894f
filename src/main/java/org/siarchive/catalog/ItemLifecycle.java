package org.siarchive.catalog;

import java.util.UUID;
import org.siarchive.audit.AuditDetail;
import org.siarchive.audit.AuditOperation;
import org.siarchive.audit.AuditTrail;
import org.siarchive.audit.AuditedObject;
import org.siarchive.shared.Actor;
import org.siarchive.shared.Scope;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The catalogue's side of what happens to a registered item: its state moves ({@link ItemState}) and the
 * bookkeeping of a correction whose new object version the writer (capture) has already made durable.
 * Each change, its audit entry and its event commit together.
 */
@Component
class ItemLifecycle {

    private final JdbcClient jdbc;
    private final ItemQueries queries;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final CorrectionHistory history;
    private final ItemGuards guards;

    ItemLifecycle(
            JdbcClient jdbc,
            ItemQueries queries,
            AuditTrail audit,
            ApplicationEventPublisher events,
            CorrectionHistory history,
            ItemGuards guards) {
        this.history = history;
        this.guards = guards;
        this.jdbc = jdbc;
        this.queries = queries;
        this.audit = audit;
        this.events = events;
    }

    @Transactional
    public void markPreserved(UUID itemId, int objectVersion, Actor actor) {
        preserved(itemId, objectVersion, actor).ifPresent(events::publishEvent);
    }

    /**
     * Marks a group of items preserved in one transaction (group commit, docs/adr/0112), each with its audit entry,
     * and publishes one {@link ItemsCaptured} for those that moved (docs/adr/0127): one publication per listener for
     * the group instead of one per item.
     */
    @Transactional
    public void markPreservedAll(java.util.List<Catalog.Preserved> items) {
        var captured = items.stream()
                .map(p -> preserved(p.itemId(), p.objectVersion(), p.actor()))
                .flatMap(java.util.Optional::stream)
                .toList();
        if (!captured.isEmpty()) {
            events.publishEvent(new ItemsCaptured(captured));
        }
    }

    /** RECEIVING → PRESERVED with its audit entry; the event to publish, none when the item was not receiving. */
    private java.util.Optional<ItemCaptured> preserved(UUID itemId, int objectVersion, Actor actor) {
        var move = ItemState.RECEIVING.to(ItemState.PRESERVED);
        // the row returned, whatever its 档号 holds: the update happened exactly when one comes back
        var moved = jdbc.sql(
                        """
                update item set status = :to, object_version = :v, status_reason = null, updated_at = now()
                where id = :id and status = :from returning archive_code
                """)
                .param("to", move.to().name())
                .param("from", move.from().name())
                .param("v", objectVersion)
                .param("id", itemId)
                .query((rs, n) -> new String[] {rs.getString("archive_code")})
                .optional();
        if (moved.isEmpty()) {
            return java.util.Optional.empty();
        }
        String archiveCode = moved.get()[0];
        audit.record(
                actor,
                AuditedObject.ITEM,
                itemId.toString(),
                AuditOperation.CAPTURE,
                null,
                AuditDetail.of("audit.detail.versionOf", archiveCode, objectVersion)
                        .encoded());
        return java.util.Optional.of(new ItemCaptured(itemId, archiveCode));
    }

    @Transactional
    public void quarantine(UUID itemId, String reason, Actor actor) {
        var move = ItemState.RECEIVING.to(ItemState.QUARANTINED);
        int moved = jdbc.sql(
                        """
                update item set status = :to, status_reason = :reason, updated_at = now()
                where id = :id and status = :from
                """)
                .param("to", move.to().name())
                .param("from", move.from().name())
                .param("reason", reason)
                .param("id", itemId)
                .update();
        if (moved == 1) { // another node may have finished it meanwhile: nothing changed, nothing to audit
            audit.record(actor, AuditedObject.ITEM, itemId.toString(), AuditOperation.QUARANTINE, reason, null);
        }
    }

    @Transactional
    public void applyCorrection(UUID itemId, Catalog.Correction correction, int objectVersion, Actor actor) {
        // the door (docs/adr/0071): a held item's description does not change, whoever calls
        guards.check(java.util.List.of(itemId), GuardedOperation.CORRECT);
        var before = queries.byId(itemId, Scope.EVERYTHING).orElseThrow();
        jdbc.sql(
                        """
                update item set title = :title, responsible = :responsible, doc_no = :docNo,
                    object_version = :v, updated_at = now() where id = :id
                """)
                .param("title", correction.title())
                .param("responsible", correction.responsible())
                .param("docNo", correction.docNo())
                .param("v", objectVersion)
                .param("id", itemId)
                .update();
        var item = queries.byId(itemId, Scope.EVERYTHING).orElseThrow();
        history.record(before, correction, objectVersion, actor);
        audit.record(
                actor,
                AuditedObject.ITEM,
                itemId.toString(),
                AuditOperation.CORRECT,
                correction.reason(),
                AuditDetail.of("audit.detail.version", objectVersion).encoded());
        events.publishEvent(new ItemCorrected(itemId, item.archiveCode(), objectVersion));
    }

    @Transactional
    public void recordCorrectionUndone(UUID itemId, int undoneVersion, int objectVersion, String reason, Actor actor) {
        jdbc.sql("update item set object_version = :v, updated_at = now() where id = :id")
                .param("v", objectVersion)
                .param("id", itemId)
                .update();
        audit.record(
                actor,
                AuditedObject.ITEM,
                itemId.toString(),
                AuditOperation.CORRECTION_UNDONE,
                reason,
                AuditDetail.of("audit.detail.versionUndone", undoneVersion, objectVersion)
                        .encoded());
    }
}
