package org.siarchive.integrity;

import org.siarchive.audit.AuditDetail;
import org.siarchive.audit.AuditOperation;
import org.siarchive.audit.AuditedObject;
import org.siarchive.catalog.Catalog;
import org.siarchive.catalog.ItemCaptured;
import org.siarchive.catalog.ItemCorrected;
import org.siarchive.preservation.Preservation;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Keeps the replica in step: every capture, correction and added copy is mirrored once it is committed (the events
 * are persisted, so a crash before mirroring is retried on restart). Present only when a replica is configured
 * ({@code siarchive.replica.kind} other than none): without one, each capture would write a publication row and run
 * a listener transaction for nothing (docs/adr/0121). Captures made while no replica was configured are not
 * mirrored by their events when one is configured later — as before, when their listener found no replica.
 */
@Component
@ConditionalOnExpression("!'${siarchive.replica.kind:none}'.trim().isEmpty()"
        + " and !'${siarchive.replica.kind:none}'.trim().equalsIgnoreCase('none')")
class ReplicaSync {

    static final org.siarchive.shared.Actor REPLICATOR =
            new org.siarchive.shared.Actor("replica-sync", "127.0.0.1", "siarchive replication");

    private final Catalog catalog;
    private final Preservation preservation;
    private final org.siarchive.audit.AuditTrail audit;

    ReplicaSync(Catalog catalog, Preservation preservation, org.siarchive.audit.AuditTrail audit) {
        this.catalog = catalog;
        this.preservation = preservation;
        this.audit = audit;
    }

    @ApplicationModuleListener
    void on(ItemCaptured e) {
        mirror(e.itemId());
    }

    /** A group commit's captures, one publication for the group (docs/adr/0127). */
    @ApplicationModuleListener
    void on(org.siarchive.catalog.ItemsCaptured e) {
        e.forEach(this::mirror);
    }

    @ApplicationModuleListener
    void on(ItemCorrected e) {
        mirror(e.itemId());
    }

    @ApplicationModuleListener
    void on(org.siarchive.catalog.RenditionAdded e) {
        mirror(e.itemId());
    }

    private void mirror(java.util.UUID itemId) {
        if (preservation.replica().isEmpty()) {
            return;
        }
        var item = catalog.requireItem(itemId);
        if (item.state() == org.siarchive.catalog.ItemState.DESTROYED) {
            return; // purged from both stores: nothing to mirror, never copied back (docs/adr/0070)
        }
        var version = preservation.replicateIfBehind(item.objectId());
        if (version.isPresent()) {
            // the replication event of the item's preservation history (the copy is already durable)
            audit.recordAlone(
                    REPLICATOR,
                    AuditedObject.ITEM,
                    itemId.toString(),
                    AuditOperation.REPLICATE,
                    org.siarchive.audit.AuditTrail.SUCCESS,
                    null,
                    AuditDetail.of(
                                    "audit.detail.versionOf",
                                    preservation.replica().get().description(),
                                    version.get())
                            .encoded());
        }
    }
}
