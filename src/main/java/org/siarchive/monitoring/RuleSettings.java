package org.siarchive.monitoring;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.siarchive.shared.Bounds;
import org.siarchive.shared.InvalidInputException;
import org.siarchive.shared.Violation;

/**
 * What the security administrator submits for one rule, as typed (text, so that a refused form keeps it), with the
 * reason for the change; {@link #checked} turns it into a policy or refuses every broken field at once (422).
 */
public record RuleSettings(
        @Nullable String enabled,
        @Nullable String severity,
        @Nullable String threshold,
        @Nullable String windowMinutes,
        @Nullable String workStart,
        @Nullable String workEnd,
        @Nullable String lookbackDays,
        @Nullable String deviations,
        @Nullable String reason) {

    static final Set<String> SEVERITIES = Set.of("LOW", "MEDIUM", "HIGH");
    static final int MAX_REASON = 500;

    /** The form filled with a rule's current policy. */
    static RuleSettings of(RulePolicy p) {
        return new RuleSettings(
                Boolean.toString(p.enabled()),
                p.severity(),
                text(p.threshold()),
                text(p.windowMinutes()),
                text(p.workStart()),
                text(p.workEnd()),
                text(p.lookbackDays()),
                p.deviations() == null
                        ? ""
                        : p.deviations().stripTrailingZeros().toPlainString(),
                "");
    }

    private static String text(@Nullable Integer i) {
        return i == null ? "" : i.toString();
    }

    /** The new policy of {@code current}'s rule, or a 422 naming every broken field. */
    RulePolicy checked(RulePolicy current) {
        var v = new ArrayList<Violation>();
        var fields = current.rule().fields();
        String r = reason == null ? "" : reason.strip();
        if (r.length() < 2) {
            v.add(Violation.of("reason", "required"));
        } else {
            Bounds.text("reason", r, MAX_REASON).ifPresent(v::add);
        }
        String sev = severity == null ? "" : severity.strip();
        if (!SEVERITIES.contains(sev)) {
            v.add(Violation.of("severity", "code"));
        }
        Integer n = number(fields, "threshold", threshold, 1, 1_000_000, v);
        Integer w = number(fields, "windowMinutes", windowMinutes, 1, 1_440, v);
        Integer from = number(fields, "workStart", workStart, 0, 23, v);
        Integer to = number(fields, "workEnd", workEnd, 1, 24, v);
        Integer days = number(fields, "lookbackDays", lookbackDays, 1, 365, v);
        BigDecimal k = decimal(fields, deviations, v);
        if (from != null && to != null && from >= to) {
            v.add(Violation.of("workEnd", "range", from + 1, 24));
        }
        if (!v.isEmpty()) {
            throw new InvalidInputException(v);
        }
        return new RulePolicy(
                current.code(),
                "true".equals(enabled) || "on".equals(enabled),
                sev,
                fields.contains("threshold") ? n : current.threshold(),
                fields.contains("windowMinutes") ? w : current.windowMinutes(),
                fields.contains("workStart") ? from : current.workStart(),
                fields.contains("workEnd") ? to : current.workEnd(),
                fields.contains("lookbackDays") ? days : current.lookbackDays(),
                fields.contains("deviations") ? k : current.deviations(),
                null,
                null);
    }

    String strippedReason() {
        return Objects.requireNonNullElse(reason, "").strip();
    }

    private static @Nullable Integer number(
            List<String> fields, String field, @Nullable String typed, int min, int max, List<Violation> v) {
        if (!fields.contains(field)) {
            return null;
        }
        if (typed == null || typed.isBlank()) {
            v.add(Violation.of(field, "required"));
            return null;
        }
        try {
            int n = Integer.parseInt(typed.strip());
            if (n < min || n > max) {
                v.add(Violation.of(field, "range", min, max));
                return null;
            }
            return n;
        } catch (NumberFormatException e) {
            v.add(Violation.of(field, "integer"));
            return null;
        }
    }

    private static @Nullable BigDecimal decimal(List<String> fields, @Nullable String typed, List<Violation> v) {
        if (!fields.contains("deviations")) {
            return null;
        }
        if (typed == null || typed.isBlank()) {
            v.add(Violation.of("deviations", "required"));
            return null;
        }
        try {
            var k = new BigDecimal(typed.strip());
            if (k.compareTo(BigDecimal.ONE) < 0 || k.compareTo(BigDecimal.TEN) > 0 || k.scale() > 1) {
                v.add(Violation.of("deviations", "range", 1, 10));
                return null;
            }
            return k;
        } catch (NumberFormatException e) {
            v.add(Violation.of("deviations", "range", 1, 10));
            return null;
        }
    }
}
