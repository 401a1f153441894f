package org.siarchive.analytics;

import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.siarchive.shared.InvalidInputException;
import org.siarchive.shared.Violation;

/**
 * The months a dashboard covers, {@code from} to {@code to} both included, at most {@value #MAX_MONTHS} months and
 * never after the current month. By default the {@value #DEFAULT_MONTHS} months up to the current one.
 */
public record Period(YearMonth from, YearMonth to) {

    /** Longest period one dashboard read covers. */
    public static final int MAX_MONTHS = 36;

    /** The period shown when none is asked for. */
    public static final int DEFAULT_MONTHS = 24;

    public Period {
        long length = months(from, to);
        if (length < 1 || length > MAX_MONTHS) {
            throw new InvalidInputException(rule("from", "months", MAX_MONTHS));
        }
    }

    /** The period of the given {@code yyyy-MM} texts (blank: the default), checked; a bad one is a 422. */
    public static Period parse(@Nullable String from, @Nullable String to, YearMonth current) {
        YearMonth end = blank(to) ? current : month("to", to);
        YearMonth start = blank(from) ? end.minusMonths(DEFAULT_MONTHS - 1L) : month("from", from);
        if (end.isAfter(current)) {
            throw new InvalidInputException(rule("to", "notFuture"));
        }
        if (start.isAfter(end)) {
            throw new InvalidInputException(rule("from", "notAfter"));
        }
        if (months(start, end) > MAX_MONTHS) {
            throw new InvalidInputException(rule("from", "months", MAX_MONTHS));
        }
        return new Period(start, end);
    }

    /** Every month of the period, oldest first. */
    public List<YearMonth> months() {
        var out = new ArrayList<YearMonth>();
        for (var m = from; !m.isAfter(to); m = m.plusMonths(1)) {
            out.add(m);
        }
        return out;
    }

    private static long months(YearMonth from, YearMonth to) {
        return ChronoUnit.MONTHS.between(from, to) + 1;
    }

    /** A broken rule of the statistics console: its text is under {@code statistics.rule.<rule>}. */
    static Violation rule(String field, String rule, Object... args) {
        return new Violation(
                field,
                rule,
                "statistics.rule." + rule,
                java.util.Arrays.stream(args).map(String::valueOf).toList());
    }

    private static boolean blank(@Nullable String s) {
        return s == null || s.isBlank();
    }

    private static YearMonth month(String field, String text) {
        if (text.length() > 7) {
            throw new InvalidInputException(rule(field, "month"));
        }
        try {
            return YearMonth.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(rule(field, "month"));
        }
    }
}
