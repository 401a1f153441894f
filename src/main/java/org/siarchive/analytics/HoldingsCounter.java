package org.siarchive.analytics;

import java.util.UUID;
import org.siarchive.catalog.ItemCaptured;
import org.siarchive.catalog.ItemCorrected;
import org.siarchive.catalog.ItemDestroyed;
import org.siarchive.catalog.ItemFigures;
import org.siarchive.catalog.RetentionsExtended;
import org.siarchive.shared.ReadableTime;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Keeps the holdings read model current (docs/adr/0086): every catalogue event that can change what an item
 * contributes — captured, corrected (year, category, retention may change), destroyed, retention extended — recounts
 * the item from its current facts ({@link ItemFigures}). Listeners run after the publishing transaction commits, in a
 * transaction of their own, retried from the event publication table; recounting is idempotent.
 */
@Component
class HoldingsCounter {

    private final ItemFigures figures;
    private final HoldingsLedger ledger;
    private final ReadableTime time;

    HoldingsCounter(ItemFigures figures, HoldingsLedger ledger, ReadableTime time) {
        this.figures = figures;
        this.ledger = ledger;
        this.time = time;
    }

    /** Called by {@link CaptureCounters}, the one listener of captures in this module (docs/adr/0121). */
    void on(ItemCaptured e) {
        recount(e.itemId());
    }

    @ApplicationModuleListener
    void on(ItemCorrected e) {
        recount(e.itemId());
    }

    @ApplicationModuleListener
    void on(ItemDestroyed e) {
        recount(e.itemId());
    }

    @ApplicationModuleListener
    void on(RetentionsExtended e) {
        e.itemIds().forEach(this::recount);
    }

    /** Counts the item as it is now; true when the figures changed. */
    boolean recount(UUID itemId) {
        return ledger.recount(itemId, () -> figures.of(itemId).flatMap(f -> HoldingsEntry.of(f, time)));
    }
}
