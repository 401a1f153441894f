package org.siarchive.transfer;

import java.time.OffsetDateTime;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;
import org.siarchive.audit.AuditOperation;
import org.siarchive.audit.AuditTrail;
import org.siarchive.audit.AuditedObject;
import org.springframework.stereotype.Component;

/**
 * The items transferred out (移交) within a period, for the annual statistics report (issue 18, docs/adr/0090):
 * every item written into a transfer package, as the export's per-item audit entry records it (the package
 * register keeps only counts). An item written into two packages counts once.
 */
@Component
public class TransferFigures {

    private final AuditTrail audit;

    TransferFigures(AuditTrail audit) {
        this.audit = audit;
    }

    /** Ids of the items exported in [{@code from}, {@code to}). */
    public Set<UUID> itemsTransferred(OffsetDateTime from, OffsetDateTime to) {
        var out = new LinkedHashSet<UUID>();
        for (var e : audit.ofOperation(AuditedObject.ITEM, AuditOperation.TRANSFER_EXPORT)) {
            if (!e.at().isBefore(from) && e.at().isBefore(to)) {
                try {
                    out.add(UUID.fromString(e.objectId()));
                } catch (IllegalArgumentException notAnItemId) {
                    // entries name items by id; anything else is not an item of this installation
                }
            }
        }
        return out;
    }
}
