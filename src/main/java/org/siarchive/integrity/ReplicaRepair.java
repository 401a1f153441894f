package org.siarchive.integrity;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.siarchive.audit.AuditDetail;
import org.siarchive.audit.AuditOperation;
import org.siarchive.audit.AuditTrail;
import org.siarchive.audit.AuditedObject;
import org.siarchive.catalog.Catalog;
import org.siarchive.preservation.Fixity;
import org.siarchive.preservation.Preservation;
import org.siarchive.shared.Actor;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Puts damaged or missing files right from the replica: each copy is checked against the digests the
 * catalogue registered before it replaces anything, every repaired file is audited, and the item is
 * checked again.
 */
@Component
class ReplicaRepair {

    /** Findings a verified replica copy can put right (a changed digest row or sidecar needs a person). */
    static final Set<String> REPAIRABLE = Set.of(ItemFixityCheck.CONTENT, ItemFixityCheck.MISSING);

    private final Catalog catalog;
    private final Preservation preservation;
    private final ItemFixityCheck checks;
    private final AuditTrail audit;
    private final TransactionTemplate tx;

    ReplicaRepair(
            Catalog catalog,
            Preservation preservation,
            ItemFixityCheck checks,
            AuditTrail audit,
            TransactionTemplate tx) {
        this.catalog = catalog;
        this.preservation = preservation;
        this.checks = checks;
        this.audit = audit;
        this.tx = tx;
    }

    boolean available() {
        return preservation.replica().isPresent();
    }

    /** Repairs the item's repairable findings; returns what is still wrong afterwards. */
    List<FixitySweeps.Finding> repair(UUID itemId, Actor actor) {
        var item = catalog.requireItem(itemId);
        if (item.state() == org.siarchive.catalog.ItemState.DESTROYED) {
            return List.of(); // destroyed on purpose: never "repaired" back from the replica (docs/adr/0070)
        }
        for (var f : checks.inspect(item)) {
            if (!REPAIRABLE.contains(f.kind())) {
                continue;
            }
            var file = item.files().stream()
                    .filter(x -> x.logicalPath().equals(f.subject()))
                    .findFirst()
                    .orElse(null);
            if (file == null) {
                continue;
            }
            boolean repaired = preservation.repairFromReplica(
                    item.objectId(), file.logicalPath(), new Fixity(file.sizeBytes(), file.sm3(), file.sha256()));
            tx.executeWithoutResult(s -> audit.record(
                    actor,
                    AuditedObject.ITEM,
                    item.id().toString(),
                    AuditOperation.REPAIR_FROM_REPLICA,
                    repaired ? AuditTrail.SUCCESS : AuditTrail.FAILURE,
                    null,
                    AuditDetail.of(
                                    "audit.detail.finding",
                                    AuditDetail.label("fixity.kind." + f.kind()),
                                    file.logicalPath())
                            .encoded()));
        }
        return checks.inspect(item);
    }

    /** Repairs, one item at a time, every item with a repairable finding among the results. */
    void repairAll(List<ItemFixityCheck.Result> results, Actor actor) {
        results.stream()
                .flatMap(r -> r.findings().stream())
                .filter(f -> REPAIRABLE.contains(f.kind()))
                .map(FixitySweeps.Finding::itemId)
                .distinct()
                .forEach(item -> repair(item, actor));
    }
}
