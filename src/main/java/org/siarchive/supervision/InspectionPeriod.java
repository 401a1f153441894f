package org.siarchive.supervision;

import java.time.LocalDate;
import java.util.ArrayList;
import org.siarchive.shared.InvalidInputException;
import org.siarchive.shared.Labelled;
import org.siarchive.shared.Violation;

/** The period of an inspection: a year, a quarter or a month of a year (北京时间 days, both ends included). */
enum InspectionPeriod implements Labelled {
    YEAR(1),
    QUARTER(4),
    MONTH(12);

    /** The earliest year a plan may cover. */
    static final int FIRST_YEAR = 2000;

    private final int parts;

    InspectionPeriod(int parts) {
        this.parts = parts;
    }

    @Override
    public String labelKey() {
        return "supervision.period." + name();
    }

    int parts() {
        return parts;
    }

    /** One period: its kind, year and number (1 for a year, 1–4 for a quarter, 1–12 for a month). */
    record Span(InspectionPeriod kind, int year, int no) {

        LocalDate from() {
            return switch (kind) {
                case YEAR -> LocalDate.of(year, 1, 1);
                case QUARTER -> LocalDate.of(year, (no - 1) * 3 + 1, 1);
                case MONTH -> LocalDate.of(year, no, 1);
            };
        }

        LocalDate to() {
            return switch (kind) {
                case YEAR -> LocalDate.of(year, 12, 31);
                case QUARTER -> from().plusMonths(3).minusDays(1);
                case MONTH -> from().plusMonths(1).minusDays(1);
            };
        }

        /** The message key of its label ({0} the year, {1} the number). */
        public String labelKey() {
            return "supervision.span." + kind.name();
        }
    }

    /** The period as typed; 422 naming {@code periodKind}, {@code periodYear} or {@code periodNo}. */
    static Span parse(String kind, String year, String no, LocalDate today) {
        var v = new ArrayList<Violation>();
        InspectionPeriod k = null;
        try {
            k = valueOf(kind.strip());
        } catch (IllegalArgumentException e) {
            v.add(Violation.of("periodKind", "code"));
        }
        int y = number(year, "periodYear", FIRST_YEAR, today.getYear() + 1, v);
        int n = k == null || k == YEAR ? 1 : number(no, "periodNo", 1, k.parts(), v);
        if (!v.isEmpty()) {
            throw new InvalidInputException(v);
        }
        return new Span(k, y, n);
    }

    private static int number(String s, String field, int min, int max, ArrayList<Violation> v) {
        String t = s == null ? "" : s.strip();
        if (t.isEmpty()) {
            v.add(Violation.of(field, "required"));
            return min;
        }
        try {
            int n = Integer.parseInt(t);
            if (n < min || n > max) {
                v.add(Violation.of(field, "range", min, max));
            }
            return n;
        } catch (NumberFormatException e) {
            v.add(Violation.of(field, "integer"));
            return min;
        }
    }
}
