package org.siarchive.comparison;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.siarchive.shared.InvalidInputException;
import org.siarchive.shared.Violation;

/** Reads the rule change form's fields: parameter values as JSON values, the deadline as a whole number. */
final class RuleForms {

    private RuleForms() {}

    static Object value(String text) {
        String s = text.strip();
        if (s.length() > 20_000) {
            throw invalid();
        }
        try {
            return RuleCatalogue.JSON.readValue(s, Object.class);
        } catch (RuntimeException e) {
            throw invalid();
        }
    }

    static @Nullable Integer integer(String text) {
        if (text.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(text.strip());
        } catch (NumberFormatException e) {
            throw new InvalidInputException(Violation.of("deadlineDays", "integer"));
        }
    }

    /** The enabled choice: absent leaves the rule as it is (a form without the field changes nothing). */
    static @Nullable Boolean flag(@Nullable String text) {
        return text == null || text.isBlank() ? null : Boolean.valueOf("true".equals(text.strip()));
    }

    /** A check's position in a field name {@code p.<index>.<parameter>}. */
    static int index(String text) {
        try {
            int i = Integer.parseInt(text);
            if (i >= 0 && i < 4) {
                return i;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw invalid();
    }

    private static InvalidInputException invalid() {
        String key = "comparison.rule.invalidParameter";
        return new InvalidInputException(new Violation("params", key, key, List.of("")));
    }
}
