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

    /**
     * A row from the columns of {@link ComparisonChecks#COLUMNS} as JDBC or Spark deliver them (the token first,
     * dates as epoch days, the amount in cents; nulls where the row has none).
     */
    static EngineRow of(Object[] c) {
        var r = new EngineRow();
        r.datasetId = ((Number) c[1]).longValue();
        r.rowNo = ((Number) c[2]).longValue();
        r.birth = day(c[3]);
        r.gender = (String) c[4];
        r.scheme = (String) c[5];
        r.subtype = (String) c[6];
        r.status = (String) c[7];
        r.start = day(c[8]);
        r.end = day(c[9]);
        r.event = day(c[10]);
        r.lastPaid = day(c[11]);
        r.amountCents = c[12] == null ? Long.MIN_VALUE : ((Number) c[12]).longValue();
        r.region = (String) c[13];
        r.agency = (String) c[14];
        return r;
    }

    private static int day(@Nullable Object epochDay) {
        return epochDay == null ? NONE : ((Number) epochDay).intValue();
    }

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
