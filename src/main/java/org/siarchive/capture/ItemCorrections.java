package org.siarchive.capture;

import java.util.List;
import java.util.UUID;
import org.siarchive.catalog.Catalog;
import org.siarchive.catalog.GuardedOperation;
import org.siarchive.catalog.ItemGuards;
import org.siarchive.catalog.ItemRecord;
import org.siarchive.catalog.ItemSidecar;
import org.siarchive.crypto.Masks;
import org.siarchive.preservation.Preservation;
import org.siarchive.quality.Quality;
import org.siarchive.shared.Access;
import org.siarchive.shared.Actor;
import org.siarchive.shared.ConflictException;
import org.siarchive.shared.InvalidInputException;
import org.siarchive.shared.Scope;
import org.springframework.stereotype.Component;

/**
 * Corrections of descriptive metadata: a write path like capture. The corrected sidecar is written as a
 * new object version first (never over the old one); then the catalogue records the row, its audit entry
 * and the event together ({@link Catalog#applyCorrection}). Moved here from catalog, which knows neither
 * the store nor the rules (docs/adr/0040).
 */
@Component
public class ItemCorrections {

    private final Catalog catalog;
    private final ItemSidecar sidecar;
    private final Preservation preservation;
    private final Quality quality;
    private final ItemGuards guards;

    ItemCorrections(
            Catalog catalog, ItemSidecar sidecar, Preservation preservation, Quality quality, ItemGuards guards) {
        this.guards = guards;
        this.catalog = catalog;
        this.sidecar = sidecar;
        this.preservation = preservation;
        this.quality = quality;
    }

    public ItemRecord correct(UUID itemId, Catalog.Correction c, Access access) {
        return correct(itemId, c, access.actor(), access.scope());
    }

    /** The corrected item as its reader sees it (ID number masked). */
    public ItemRecord correct(UUID itemId, Catalog.Correction c, Actor actor, Scope scope) {
        validate(c);
        var correction = normalised(c);
        var item = catalog.requireItem(itemId, scope);
        if (!item.preserved()) {
            throw new ConflictException("conflict.itemNotPreserved", item.archiveCode());
        }
        // asked before the store is written, and again by the catalogue inside its transaction (docs/adr/0071)
        guards.check(List.of(itemId), GuardedOperation.CORRECT);
        var corrected = item.withDescription(correction.title(), correction.responsible(), correction.docNo());
        // store first, catalogue second: a failure in between leaves the store's head ahead, which
        // start-up reconciliation completes or undoes (docs/adr/0033)
        int version = preservation.writeVersion(
                item.objectId(),
                List.of(),
                sidecar.write(corrected),
                "correction: " + correction.reason(),
                actor.name());
        catalog.applyCorrection(itemId, correction, version, actor);
        var after = catalog.requireItem(itemId);
        return after.withCertNo(Masks.idNumber(after.certNo()));
    }

    /** The values as stored: the same in the sidecar and in the catalogue row. */
    private static Catalog.Correction normalised(Catalog.Correction c) {
        String docNo =
                c.docNo() == null || c.docNo().isBlank() ? null : c.docNo().strip();
        return new Catalog.Correction(
                c.title().strip(), c.responsible().strip(), docNo, c.reason().strip());
    }

    /** Every rule is checked before the new version is written: a refusal leaves store and catalogue as they were. */
    private void validate(Catalog.Correction c) {
        var v = quality.checkCorrection(c.title(), c.responsible(), c.docNo(), c.reason());
        if (!v.isEmpty()) {
            throw new InvalidInputException(v);
        }
    }
}
