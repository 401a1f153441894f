package org.siarchive.quality;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.siarchive.shared.Violation;

/** Single-field rules: presence, length, forbidden characters, code-table membership, dates. */
final class FieldRules {

    static final int EARLIEST_YEAR = 1949;

    private FieldRules() {}

    static boolean blank(@Nullable String value) {
        return value == null || value.isBlank();
    }

    /** Required, at most {@code max} characters, and no control characters (DA/T 70 特殊字符检测). */
    static void text(List<Violation> v, String field, @Nullable String value, int max, boolean required) {
        if (blank(value)) {
            if (required) {
                v.add(Violation.of(field, "required"));
            }
            return;
        }
        if (value.strip().length() > max) {
            v.add(Violation.of(field, "maxLength", max));
        } else if (value.chars().anyMatch(c -> Character.isISOControl(c) || c == '\uFFFD')) {
            v.add(Violation.of(field, "specialCharacters"));
        }
    }

    static void pattern(List<Violation> v, String field, @Nullable String value, String regex, boolean required) {
        if (blank(value)) {
            if (required) {
                v.add(Violation.of(field, "required"));
            }
        } else if (!value.strip().matches(regex)) {
            v.add(Violation.of(field, "format"));
        }
    }

    static void code(List<Violation> v, String field, @Nullable String value, Set<String> allowed, boolean required) {
        if (blank(value)) {
            if (required) {
                v.add(Violation.of(field, "required"));
            }
        } else if (!allowed.contains(value.strip())) {
            v.add(Violation.of(field, "codeTable", value.strip()));
        }
    }

    /** An ISO date (YYYY-MM-DD), not in the future and not before 1949. */
    static void pastDate(List<Violation> v, String field, @Nullable String value, LocalDate today, boolean required) {
        if (blank(value)) {
            if (required) {
                v.add(Violation.of(field, "required"));
            }
            return;
        }
        try {
            var date = LocalDate.parse(value.strip());
            if (date.isAfter(today)) {
                v.add(Violation.of(field, "future"));
            } else if (date.getYear() < EARLIEST_YEAR) {
                v.add(Violation.of(field, "tooEarly", EARLIEST_YEAR));
            }
        } catch (DateTimeParseException e) {
            v.add(Violation.of(field, "dateFormat"));
        }
    }

    /** An ISO date-time; without an offset it is read in the clock's zone (the zone people read). */
    static void pastDateTime(List<Violation> v, String field, @Nullable String value, Clock clock, boolean required) {
        if (blank(value)) {
            if (required) {
                v.add(Violation.of(field, "required"));
            }
            return;
        }
        var parsed = DateTimes.parse(value, clock.getZone());
        if (parsed == null) {
            v.add(Violation.of(field, "dateTimeFormat"));
        } else if (parsed.isAfter(OffsetDateTime.now(clock).plus(Duration.ofMinutes(5)))) {
            v.add(Violation.of(field, "future"));
        } else if (parsed.getYear() < EARLIEST_YEAR) {
            v.add(Violation.of(field, "tooEarly", EARLIEST_YEAR));
        }
    }
}
