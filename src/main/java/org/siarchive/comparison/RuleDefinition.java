package org.siarchive.comparison;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * One rule of the catalogue (domain.md §10) as configuration: its code, the payment action it suggests, the
 * deadline of its warnings in working days and one or more checks. Each check names the two sides it joins
 * on the token (or one side alone), the condition kind that decides a hit with its parameters, and the amount
 * formula. The kinds are a small fixed set implemented by {@link RuleConditions}.
 */
public record RuleDefinition(String code, String action, int deadlineDays, List<Check> checks) {

    static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]{1,31}");
    static final Pattern WORD = Pattern.compile("[A-Za-z0-9_]{1,16}");
    static final Set<String> ACTIONS = Set.of("STOP", "SUSPEND", "NONE");
    static final Set<String> KINDS = Set.of(
            "BENEFIT",
            "ENROLMENT",
            "CONTRIBUTION",
            "DEATH",
            "SENTENCE",
            "EXIT",
            "OTHER_REGION_PAYMENT",
            "OTHER_REGION_ENROLMENT",
            "ASSISTANCE");
    static final Set<String> AMOUNTS = Set.of("MONTHS_X_AMOUNT", "MONTHS_X_LOWER_AMOUNT", "ZERO");

    /** Which rows of which dataset kind a side reads; null lists mean any. */
    public record Source(
            String kind,
            @Nullable List<String> schemes,
            @Nullable List<String> subtypes,
            @Nullable List<String> sources) {}

    /** One join (or one-sided scan) of a rule. */
    public record Check(
            Source subject, @Nullable Source other, String condition, Map<String, Object> params, String amount) {

        /** Whether both sides read the same rows (a self-join on the token). */
        boolean self() {
            return subject.equals(other);
        }

        /** The parameters' values as JSON text, for the change form. */
        public Map<String, String> paramTexts() {
            var out = new java.util.TreeMap<String, String>();
            params.forEach((k, v) -> out.put(k, RuleCatalogue.JSON.writeValueAsString(v)));
            return out;
        }
    }

    public RuleDefinition {
        checks = List.copyOf(checks);
    }

    /** The rule's name as people read it. */
    public String nameKey() {
        return labelKey(code);
    }

    /** The message key of the name of the rule with this code: the one place the key is spelt. */
    public static String labelKey(String code) {
        return "comparison.rule.name." + code;
    }

    /** Throws {@link IllegalArgumentException} naming what is wrong with this definition. */
    void validate() {
        require(CODE.matcher(code).matches(), "code " + code);
        require(ACTIONS.contains(action), code + ": action " + action);
        require(deadlineDays >= 1 && deadlineDays <= 60, code + ": deadlineDays 1..60");
        require(!checks.isEmpty() && checks.size() <= 4, code + ": 1..4 checks");
        for (var c : checks) {
            source(c.subject());
            if (c.other() != null) {
                source(c.other());
            }
            require(AMOUNTS.contains(c.amount()), code + ": amount " + c.amount());
            RuleConditions.of(c.condition()).validate(c);
        }
    }

    private void source(Source s) {
        require(KINDS.contains(s.kind()), code + ": kind " + s.kind());
        for (var list : java.util.Arrays.asList(s.schemes(), s.subtypes(), s.sources())) {
            if (list != null) {
                require(
                        !list.isEmpty()
                                && list.size() <= 20
                                && list.stream().allMatch(w -> WORD.matcher(w).matches()),
                        code + ": filter " + list);
            }
        }
    }

    static void require(boolean ok, String what) {
        if (!ok) {
            throw new IllegalArgumentException("comparison rule: " + what);
        }
    }
}
