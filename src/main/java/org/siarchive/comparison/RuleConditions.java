package org.siarchive.comparison;

import java.time.LocalDate;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The fixed set of condition kinds a rule's check may name, each bound to its parameters and the run's as-of
 * date before the join. A condition sees the subject row and (for joins) one matching row of the other side
 * and answers the months at risk and a score (the best match per subject wins), or null for no hit.
 */
final class RuleConditions {

    private RuleConditions() {}

    /** A hit's months at risk and its score among the subject's matches (higher wins). */
    record Outcome(int months, long score) {}

    /** A condition bound to its parameters and the as-of date. */
    interface Evaluator {

        @Nullable
        Outcome test(EngineRow subject, @Nullable EngineRow other);

        /** Symmetric joins of a side with itself emit each pair once. */
        default boolean symmetric() {
            return false;
        }

        /** Anti-joins: a subject hits when no row of the other side {@link #blocks} it. */
        default boolean antiJoin() {
            return false;
        }

        default boolean blocks(EngineRow other) {
            return false;
        }

        /** One warning per person instead of one per subject row. */
        default boolean perPerson() {
            return false;
        }
    }

    /** The condition kinds. */
    enum Kind {
        PAID_AFTER_EVENT(true, "offsetMonths", "minMonths"),
        PAID_DURING_PERIOD(true, "offsetMonths", "minMonths"),
        OVERLAP(true, "schemes", "minMonths"),
        OPEN_AFTER_EVENT(true, "minMonthsSinceEvent"),
        BASE_RANGE(false, "bounds"),
        BASE_JUMP(
                true, "factor", "lookbackMonths", "monthsBeforeRetirement", "retirementAgeMale", "retirementAgeFemale"),
        NOT_ACTIVE_IN_OTHER(true, "minAge");

        final boolean join;
        final String[] required;

        Kind(boolean join, String... required) {
            this.join = join;
            this.required = required;
        }

        void validate(RuleDefinition.Check c) {
            RuleDefinition.require(join == (c.other() != null), c.condition() + ": other side");
            for (String p : required) {
                RuleDefinition.require(c.params().containsKey(p), c.condition() + ": parameter " + p);
            }
            bind(c.params(), LocalDate.of(2000, 1, 1));
        }

        Evaluator bind(Map<String, Object> p, LocalDate asOf) {
            return switch (this) {
                case PAID_AFTER_EVENT -> RuleEvaluators.paidAfterEvent(p);
                case PAID_DURING_PERIOD -> RuleEvaluators.paidDuringPeriod(p);
                case OVERLAP -> RuleEvaluators.overlap(p, asOf);
                case OPEN_AFTER_EVENT -> RuleEvaluators.openAfterEvent(p, asOf);
                case BASE_RANGE -> RuleEvaluators.baseRange(p);
                case BASE_JUMP -> RuleEvaluators.baseJump(p);
                case NOT_ACTIVE_IN_OTHER -> RuleEvaluators.notActiveInOther(p, asOf);
            };
        }
    }

    static Kind of(String name) {
        try {
            return Kind.valueOf(name);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("comparison rule: condition " + name, e);
        }
    }

    static int integer(Map<String, Object> p, String key) {
        if (p.get(key) instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())) {
            int v = n.intValue();
            RuleDefinition.require(v >= 0 && v <= 1200, key + " 0..1200");
            return v;
        }
        throw new IllegalArgumentException("comparison rule: parameter " + key + " must be a whole number");
    }

    static double decimal(Map<String, Object> p, String key) {
        if (p.get(key) instanceof Number n && n.doubleValue() > 0 && n.doubleValue() < 1000) {
            return n.doubleValue();
        }
        throw new IllegalArgumentException("comparison rule: parameter " + key + " must be a positive number");
    }

    static String text(Map<String, Object> p, String key, String... allowed) {
        Object v = p.get(key);
        for (String a : allowed) {
            if (a.equals(v)) {
                return a;
            }
        }
        throw new IllegalArgumentException(
                "comparison rule: parameter " + key + " one of " + String.join("/", allowed));
    }

    static boolean flag(Map<String, Object> p, String key, boolean otherwise) {
        Object v = p.get(key);
        if (v == null) {
            return otherwise;
        }
        if (v instanceof Boolean b) {
            return b;
        }
        throw new IllegalArgumentException("comparison rule: parameter " + key + " must be true or false");
    }
}
