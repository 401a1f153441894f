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

    static final String HELD = "PRESERVED";

    /** The item's contribution, empty when it is not (or no longer) held. */
    static Optional<HoldingsEntry> of(ItemFigures.Fact f, ReadableTime time) {
        if (!HELD.equals(f.status()) || f.orgPath() == null) {
            return Optional.empty();
        }
        return Optional.of(new HoldingsEntry(
                f.id(),
                f.orgPath(),
                f.year(),
                f.categoryCode(),
                f.insuranceType() == null ? "" : f.insuranceType(),
                f.retentionCode(),
                time.date(f.capturedAt()).withDayOfMonth(1),
                Math.max(0, f.pages()),
                Math.max(0, f.bytes())));
    }
}
