package org.siarchive.comparison;

import static org.siarchive.comparison.EngineRow.NONE;
import static org.siarchive.comparison.EngineRow.month;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.siarchive.comparison.RuleConditions.Evaluator;
import org.siarchive.comparison.RuleConditions.Outcome;

/** The evaluators behind {@link RuleConditions.Kind}, months counted inclusively. */
final class RuleEvaluators {

    private RuleEvaluators() {}

    /** Paid for months after an event (death, exit): from the event's month + offset to the last paid month. */
    static Evaluator paidAfterEvent(Map<String, Object> p) {
        int offset = RuleConditions.integer(p, "offsetMonths");
        int min = Math.max(1, RuleConditions.integer(p, "minMonths"));
        return (s, o) -> {
            if (o == null || o.event == NONE || s.lastPaid == NONE) {
                return null;
            }
            int from = Math.max(month(o.event) + offset, s.start == NONE ? Integer.MIN_VALUE : month(s.start));
            return months(from, month(s.lastPaid), min);
        };
    }

    /** Paid for months inside a period (a sentence): from its start's month + offset to its end or open. */
    static Evaluator paidDuringPeriod(Map<String, Object> p) {
        int offset = RuleConditions.integer(p, "offsetMonths");
        int min = Math.max(1, RuleConditions.integer(p, "minMonths"));
        return (s, o) -> {
            if (o == null || o.event == NONE || s.lastPaid == NONE) {
                return null;
            }
            int from = Math.max(month(o.event) + offset, s.start == NONE ? Integer.MIN_VALUE : month(s.start));
            int to = Math.min(o.end == NONE ? Integer.MAX_VALUE : month(o.end), month(s.lastPaid));
            return months(from, to, min);
        };
    }

    /** Two periods overlap by months, with a relation between their schemes. */
    static Evaluator overlap(Map<String, Object> p, LocalDate asOf) {
        String schemes = RuleConditions.text(p, "schemes", "ANY", "DIFFERENT", "SAME_LINE");
        boolean sameSchemeSameRegion = RuleConditions.flag(p, "sameSchemeSameRegion", true);
        int min = Math.max(1, RuleConditions.integer(p, "minMonths"));
        int asOfMonth = asOf.getYear() * 12 + asOf.getMonthValue() - 1;
        return new Evaluator() {
            @Override
            public @Nullable Outcome test(EngineRow s, @Nullable EngineRow o) {
                if (o == null || s.start == NONE || o.start == NONE || !related(s, o)) {
                    return null;
                }
                int from = Math.max(month(s.start), month(o.start));
                return months(from, Math.min(to(s, asOfMonth), to(o, asOfMonth)), min);
            }

            private boolean related(EngineRow s, EngineRow o) {
                return switch (schemes) {
                    case "DIFFERENT" -> s.scheme != null && o.scheme != null && !s.scheme.equals(o.scheme);
                    case "SAME_LINE" ->
                        s.scheme != null
                                && o.scheme != null
                                && s.scheme.charAt(0) == o.scheme.charAt(0)
                                && (sameSchemeSameRegion
                                        || !s.scheme.equals(o.scheme)
                                        || !Objects.equals(s.region, o.region));
                    default -> true;
                };
            }

            @Override
            public boolean symmetric() {
                return true;
            }
        };
    }

    /** The last month a row runs: its last paid month, else its end, else the as-of month. */
    static int to(EngineRow r, int asOfMonth) {
        if (r.lastPaid != NONE) {
            return month(r.lastPaid);
        }
        return r.end != NONE ? month(r.end) : asOfMonth;
    }

    /** Still open more than N months after an event (an enrolment after death). */
    static Evaluator openAfterEvent(Map<String, Object> p, LocalDate asOf) {
        int min = RuleConditions.integer(p, "minMonthsSinceEvent");
        int before = (int) asOf.minusMonths(min).toEpochDay();
        int asOfMonth = asOf.getYear() * 12 + asOf.getMonthValue() - 1;
        return (s, o) -> {
            if (o == null || o.event == NONE || s.end != NONE || "ENDED".equals(s.status) || o.event >= before) {
                return null;
            }
            int months = asOfMonth - month(o.event);
            return new Outcome(months, months);
        };
    }

    /** A contribution base below the floor or above the ceiling of its region and year (strictly). */
    static Evaluator baseRange(Map<String, Object> p) {
        if (!(p.get("bounds") instanceof Map<?, ?> raw) || raw.isEmpty() || raw.size() > 500) {
            throw new IllegalArgumentException("comparison rule: bounds must map region-year to [floor, ceiling]");
        }
        var bounds = new HashMap<String, long[]>();
        raw.forEach((k, v) -> {
            if (!(v instanceof List<?> l)
                    || l.size() != 2
                    || !(l.get(0) instanceof Number f)
                    || !(l.get(1) instanceof Number c)
                    || f.doubleValue() > c.doubleValue()) {
                throw new IllegalArgumentException("comparison rule: bounds " + k + " must be [floor, ceiling]");
            }
            bounds.put(
                    String.valueOf(k),
                    new long[] {Math.round(f.doubleValue() * 100), Math.round(c.doubleValue() * 100)});
        });
        return new PerPerson((s, o) -> {
            if (s.event == NONE || !s.hasAmount() || s.region == null) {
                return null;
            }
            long[] b = bounds.get(s.region + "-" + LocalDate.ofEpochDay(s.event).getYear());
            if (b == null || (s.amountCents >= b[0] && s.amountCents <= b[1])) {
                return null;
            }
            return new Outcome(0, -month(s.event));
        });
    }

    /** A base at least F times an earlier month's within L months, within N months before retirement age. */
    static Evaluator baseJump(Map<String, Object> p) {
        double factor = RuleConditions.decimal(p, "factor");
        int lookback = RuleConditions.integer(p, "lookbackMonths");
        int window = RuleConditions.integer(p, "monthsBeforeRetirement");
        int male = RuleConditions.integer(p, "retirementAgeMale");
        int female = RuleConditions.integer(p, "retirementAgeFemale");
        return new PerPerson((s, o) -> {
            if (o == null
                    || s.event == NONE
                    || o.event == NONE
                    || s.birth == NONE
                    || !s.hasAmount()
                    || !o.hasAmount()
                    || o.amountCents <= 0
                    || !("1".equals(s.gender) || "2".equals(s.gender))) {
                return null;
            }
            int m = month(s.event);
            int gap = m - month(o.event);
            int retirement = month(s.birth) + 12 * ("1".equals(s.gender) ? male : female);
            if (gap <= 0
                    || gap > lookback
                    || m < retirement - window
                    || m > retirement
                    || s.amountCents < factor * o.amountCents) {
                return null;
            }
            return new Outcome(0, -m);
        });
    }

    /** An adult on a list with no active row on the other side (应保未保). */
    static Evaluator notActiveInOther(Map<String, Object> p, LocalDate asOf) {
        int minAge = RuleConditions.integer(p, "minAge");
        int bornBy = (int) asOf.minusYears(minAge).toEpochDay();
        int asOfDay = (int) asOf.toEpochDay();
        return new Evaluator() {
            @Override
            public @Nullable Outcome test(EngineRow s, @Nullable EngineRow o) {
                return s.birth != NONE && s.birth <= bornBy ? new Outcome(0, 0) : null;
            }

            @Override
            public boolean antiJoin() {
                return true;
            }

            @Override
            public boolean blocks(EngineRow o) {
                return (o.end == NONE || o.end >= asOfDay) && !"ENDED".equals(o.status);
            }
        };
    }

    private static @Nullable Outcome months(int from, int to, int min) {
        int n = to - from + 1;
        return n >= min ? new Outcome(n, n) : null;
    }

    /** Wraps a condition whose hits are reduced to one per person. */
    private record PerPerson(Evaluator inner) implements Evaluator {
        @Override
        public @Nullable Outcome test(EngineRow subject, @Nullable EngineRow other) {
            return inner.test(subject, other);
        }

        @Override
        public boolean perPerson() {
            return true;
        }
    }
}
