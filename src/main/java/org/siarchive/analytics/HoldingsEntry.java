package org.siarchive.analytics;

import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;
import org.siarchive.catalog.ItemFigures;
import org.siarchive.shared.ReadableTime;

/**
 * What one held item contributes to the holdings read model: where it counts and how much. Only PRESERVED items of
 * a fonds with an organisation are holdings (docs/adr/0086): RECEIVING items are not filed yet, QUARANTINED ones
 * never completed their capture, DESTROYED ones are gone.
 *
 * @param insuranceType the 险种, '' when the item has none
 * @param filedMonth the first day of the month the item was filed, in the people's zone
 */
record HoldingsEntry(
        UUID itemId,
        String orgPath,
        int year,
        String categoryCode,
        String insuranceType,
        String retentionCode,
        LocalDate filedMonth,
        int pages,
        long bytes) {

    /** The item's contribution, empty when it is not (or no longer) held ({@link HoldingsClassification}). */
    static Optional<HoldingsEntry> of(ItemFigures.Fact f, ReadableTime time) {
        return HoldingsClassification.of(
                        f.status(),
                        f.orgPath(),
                        f.year(),
                        f.categoryCode(),
                        f.insuranceType(),
                        f.retentionCode(),
                        f.capturedAt(),
                        f.pages(),
                        f.bytes(),
                        time.zone())
                .map(c -> new HoldingsEntry(
                        f.id(),
                        c.orgPath(),
                        c.year(),
                        c.categoryCode(),
                        c.insuranceType(),
                        c.retentionCode(),
                        c.filedMonth(),
                        c.pages(),
                        c.bytes()));
    }
}
