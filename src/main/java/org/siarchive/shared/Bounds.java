package org.siarchive.shared;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The limits every request meets before anything is read or written (docs/adr/0036): page size and
 * result window of every list and search, the length of every text value, and the characters text may
 * hold. One place per rule; a broken limit is a {@link Violation} naming the field and the rule.
 */
public final class Bounds {

    /** Largest page of any list or search. */
    public static final int MAX_PAGE_SIZE = 100;

    /** Deepest hit any page may reach: page × size beyond this is refused, not computed. */
    public static final int RESULT_WINDOW = 10_000;

    /** Longest text value of any parameter or JSON field: the widest text column of the schema. */
    public static final int MAX_TEXT = 2_000;

    /** Longest free-text search: longer text only adds query clauses, never precision. */
    public static final int MAX_SEARCH_TEXT = 100;

    /** Longest capture metadata document (a JSON part whose own fields are bounded one by one). */
    public static final int MAX_METADATA = 256 * 1024;

    /** Longest batch capture manifest (issue 20): per item a metadata document, read and bounded one by one. */
    public static final int MAX_MANIFEST = 16 * 1024 * 1024;

    private Bounds() {}

    /** A checked page request; {@code page} counts from 0. */
    public record PageRequest(int page, int size) {

        public long offset() {
            return (long) page * size;
        }
    }

    /** The page and size if they keep within the page size and the result window, else a 422. */
    public static PageRequest page(int page, int size) {
        var v = new ArrayList<Violation>();
        if (size < 1 || size > MAX_PAGE_SIZE) {
            v.add(Violation.of("size", "pageSize", 1, MAX_PAGE_SIZE));
        }
        if (page < 0) {
            v.add(Violation.of("page", "pageNumber"));
        } else if (v.isEmpty() && ((long) page + 1) * size > RESULT_WINDOW) {
            v.add(Violation.of("page", "resultWindow", RESULT_WINDOW));
        }
        if (!v.isEmpty()) {
            throw new InvalidInputException(v);
        }
        return new PageRequest(page, size);
    }

    /** The violation of {@code value}, if any: too long, or holding a character text may not hold. */
    public static Optional<Violation> text(String field, @Nullable String value, int max) {
        if (value == null) {
            return Optional.empty();
        }
        if (value.length() > max) {
            return Optional.of(Violation.of(field, "maxLength", max));
        }
        if (value.codePoints().anyMatch(Bounds::forbidden)) {
            return Optional.of(Violation.of(field, "specialCharacters"));
        }
        return Optional.empty();
    }

    /** Refuses {@code value} with a 422 when it breaks {@link #text}. */
    public static void requireText(String field, @Nullable String value, int max) {
        text(field, value, max).ifPresent(v -> {
            throw new InvalidInputException(v);
        });
    }

    /**
     * Characters no text of an archive holds: NUL and the other control characters (PostgreSQL refuses NUL;
     * the rest hide or corrupt text, DA/T 70 特殊字符), except tab and line breaks; the bidirectional
     * overrides and isolates that make a name read differently from what it is; lone surrogates and U+FFFD.
     */
    public static boolean forbidden(int c) {
        if (c == '\t' || c == '\n' || c == '\r') {
            return false;
        }
        return Character.isISOControl(c)
                || (c >= 0x202A && c <= 0x202E)
                || (c >= 0x2066 && c <= 0x2069)
                || Character.isSurrogate((char) c) && c <= 0xFFFF
                || c == 0xFFFD;
    }

    /** The text values of a list, each checked; for repeated parameters. */
    public static List<Violation> texts(String field, List<String> values, int max) {
        var out = new ArrayList<Violation>();
        values.forEach(value -> text(field, value, max).ifPresent(out::add));
        return out;
    }
}
