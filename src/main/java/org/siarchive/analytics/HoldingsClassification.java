package org.siarchive.analytics;

import java.io.Serializable;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The one rule that decides what an item adds to the holdings figures (docs/adr/0086, 0143): whether it is held at
 * all and in which cell (organisation × year × category × 险种 × retention) and month filed it counts, with how many
 * pages and bytes. The in-process ledger ({@link HoldingsEntry}) and the Spark statistics job both call it, so the
 * two cannot count an item differently. It uses nothing but the JDK, so Spark executors can load it without Spring.
 */
public final class HoldingsClassification {

    /** The only status that counts: RECEIVING items are not filed, QUARANTINED never completed, DESTROYED gone. */
    public static final String HELD = "PRESERVED";

    private HoldingsClassification() {}

    /**
     * Where one held item counts and how much.
     *
     * @param insuranceType the 险种, '' when the item has none
     * @param filedMonth the first day of the month it was filed, in the people's zone
     */
    public record Contribution(
            String orgPath,
            int year,
            String categoryCode,
            String insuranceType,
            String retentionCode,
            LocalDate filedMonth,
            int pages,
            long bytes)
            implements Serializable {}

    /**
     * The item's contribution; empty when it is not held (not PRESERVED, or its fonds has no organisation).
     * Negative page or byte counts count as 0.
     */
    public static Optional<Contribution> of(
            String status,
            @Nullable String orgPath,
            int year,
            String categoryCode,
            @Nullable String insuranceType,
            String retentionCode,
            OffsetDateTime capturedAt,
            int pages,
            long bytes,
            ZoneId zone) {
        if (!HELD.equals(status) || orgPath == null) {
            return Optional.empty();
        }
        return Optional.of(new Contribution(
                orgPath,
                year,
                categoryCode,
                insuranceType == null ? "" : insuranceType,
                retentionCode,
                capturedAt.atZoneSameInstant(zone).toLocalDate().withDayOfMonth(1),
                Math.max(0, pages),
                Math.max(0, bytes)));
    }
}
