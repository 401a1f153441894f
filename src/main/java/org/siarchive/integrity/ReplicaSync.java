package org.siarchive.integrity;

import org.siarchive.catalog.Catalog;
import org.siarchive.catalog.ItemCaptured;
import org.siarchive.catalog.ItemCorrected;
import org.siarchive.preservation.Preservation;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Keeps the replica in step: every capture and correction is mirrored once it is committed (the events
 * are persisted, so a crash before mirroring is retried on restart).
 */
@Component
class ReplicaSync {

    private final Catalog catalog;
    private final Preservation preservation;

    ReplicaSync(Catalog catalog, Preservation preservation) {
        this.catalog = catalog;
        this.preservation = preservation;
    }

    @ApplicationModuleListener
    void on(ItemCaptured e) {
        mirror(e.itemId());
    }

    @ApplicationModuleListener
    void on(ItemCorrected e) {
        mirror(e.itemId());
    }

    private void mirror(java.util.UUID itemId) {
        if (preservation.replica().isEmpty()) {
            return;
        }
        preservation.replicate(catalog.requireItem(itemId).objectId());
    }
}
