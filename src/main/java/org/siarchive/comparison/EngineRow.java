package org.siarchive.comparison;

import org.jspecify.annotations.Nullable;

/**
 * One reference row as the engine reads it, decoded only when a token matched: dates as epoch days and
 * months as {@code year * 12 + month - 1} ({@link #NONE} when absent), the amount in cents.
 */
final class EngineRow {

    static final int NONE = Integer.MIN_VALUE;

    long datasetId;
    long rowNo;
    int birth = NONE;

    @Nullable
    String gender;

    @Nullable
    String scheme;

    @Nullable
    String subtype;

    @Nullable
    String status;

    int start = NONE;
    int end = NONE;
    int event = NONE;
    int lastPaid = NONE;
    long amountCents = Long.MIN_VALUE;

    @Nullable
    String region;

    @Nullable
    String agency;

    static int month(int epochDay) {
        if (epochDay == NONE) {
            return NONE;
        }
        var d = java.time.LocalDate.ofEpochDay(epochDay);
        return d.getYear() * 12 + d.getMonthValue() - 1;
    }

    boolean hasAmount() {
        return amountCents != Long.MIN_VALUE;
    }

    boolean sameRow(EngineRow o) {
        return datasetId == o.datasetId && rowNo == o.rowNo;
    }

    /** Orders rows by their place, for emitting a symmetric pair once. */
    boolean before(EngineRow o) {
        return datasetId < o.datasetId || (datasetId == o.datasetId && rowNo < o.rowNo);
    }

    /**
     * The row's own key: what it says, not where it sits. Row numbers, amounts, status, end and 最后支付月 are
     * left out, so a re-import of the same facts, next month's snapshot or a stopped payment keeps the key.
     */
    String contentKey(String kind, String source) {
        return String.join(
                "|",
                kind,
                source,
                nz(scheme),
                nz(subtype),
                Integer.toString(start),
                Integer.toString(event),
                nz(region),
                nz(agency));
    }

    private static String nz(@Nullable String s) {
        return s == null ? "" : s;
    }
}
