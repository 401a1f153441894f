package org.siarchive.catalog;

import java.util.List;
import java.util.UUID;
import org.siarchive.preservation.Preservation;
import org.siarchive.shared.Access;
import org.siarchive.shared.Actor;
import org.siarchive.shared.InvalidInputException;
import org.siarchive.shared.Scope;
import org.siarchive.shared.Violation;
import org.springframework.stereotype.Component;

/**
 * Corrections of descriptive metadata. The corrected sidecar is written as a new object version first
 * (never over the old one); then the catalogue row, its audit entry and the event commit together.
 */
@Component
public class ItemCorrections {

    private final Catalog catalog;
    private final ItemSidecar sidecar;
    private final Preservation preservation;

    ItemCorrections(Catalog catalog, ItemSidecar sidecar, Preservation preservation) {
        this.catalog = catalog;
        this.sidecar = sidecar;
        this.preservation = preservation;
    }

    public ItemRecord correct(UUID itemId, Catalog.Correction c, Access access) {
        return correct(itemId, c, access.actor(), access.scope());
    }

    /** Used by start-up reconciliation too, which finishes corrections a crash interrupted. */
    public ItemRecord correct(UUID itemId, Catalog.Correction c, Actor actor, Scope scope) {
        validate(c);
        var item = catalog.requireItem(itemId, scope);
        if (!item.preserved()) {
            throw new org.siarchive.shared.ConflictException("conflict.itemNotPreserved", item.archiveCode());
        }
        var corrected = item.withDescription(c.title().strip(), c.responsible().strip(), c.docNo());
        int version = preservation.writeVersion(
                item.objectId(), List.of(), sidecar.write(corrected), "correction: " + c.reason(), actor.name());
        catalog.applyCorrection(itemId, c, version, actor);
        var after = catalog.requireItem(itemId);
        return after.withCertNo(org.siarchive.crypto.Masks.idNumber(after.certNo()));
    }

    private static void validate(Catalog.Correction c) {
        var v = new java.util.ArrayList<Violation>();
        if (c.title() == null || c.title().isBlank()) {
            v.add(Violation.of("title", "required"));
        } else if (c.title().length() > 500) {
            v.add(Violation.of("title", "maxLength", 500));
        }
        if (c.responsible() == null || c.responsible().isBlank()) {
            v.add(Violation.of("responsible", "required"));
        }
        if (c.reason() == null || c.reason().isBlank()) {
            v.add(Violation.of("reason", "required"));
        }
        if (!v.isEmpty()) {
            throw new InvalidInputException(v);
        }
    }
}
