package org.siarchive.analytics;

import org.siarchive.catalog.ItemCaptured;
import org.siarchive.catalog.ItemCorrected;
import org.siarchive.catalog.ItemDestroyed;
import org.siarchive.catalog.ItemFigures;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Keeps the 随办随归 read model current (docs/adr/0088): a captured item is counted on its filing day with the facts
 * the catalogue gives ({@link ItemFigures}), a correction marks it corrected, a destruction destroyed. Each listener
 * runs after the publishing transaction commits, in its own transaction, retried from the event publication table;
 * the item id is the identity, so a redelivered event changes nothing.
 */
@Component
class FilingListener {

    private final FilingLedger ledger;
    private final ItemFigures figures;

    FilingListener(FilingLedger ledger, ItemFigures figures) {
        this.ledger = ledger;
        this.figures = figures;
    }

    /** Called by {@link CaptureCounters}, the one listener of captures in this module (docs/adr/0121). */
    void on(ItemCaptured e) {
        figures.of(e.itemId())
                .ifPresent(fact -> ledger.filed(fact).ifPresent(f -> ledger.add(f, "DESTROYED".equals(fact.status()))));
    }

    @ApplicationModuleListener
    void on(ItemCorrected e) {
        ledger.corrected(e.itemId());
    }

    @ApplicationModuleListener
    void on(ItemDestroyed e) {
        ledger.destroyed(e.itemId());
    }
}
