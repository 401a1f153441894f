package org.siarchive.security;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.siarchive.shared.Violation;

/** Numbers of the administrators' forms as typed: one that is not a number is an error beside its field, never a 500. */
final class FormNumbers {

    private FormNumbers() {}

    static long parse(@Nullable String raw, String field, List<Violation> v) {
        try {
            return Long.parseLong(raw == null ? "" : raw.strip());
        } catch (NumberFormatException e) {
            v.add(Violation.of(field, "integer"));
            return 0;
        }
    }

    static int parseInt(@Nullable String raw, String field, List<Violation> v) {
        long n = parse(raw, field, v);
        if (n < Integer.MIN_VALUE || n > Integer.MAX_VALUE) {
            v.add(Violation.of(field, "integer"));
            return 0;
        }
        return (int) n;
    }
}
