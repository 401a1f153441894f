package org.siarchive.search;

import java.util.HexFormat;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.siarchive.crypto.Masks;

/**
 * Keeps personal numbers out of the index in the clear. Recognised text (OCR) holds ID numbers, phones
 * and bank accounts; before it is indexed, every ID-number-shaped run becomes its keyed blind-index token
 * (so a search by ID number still finds the page, through the same token the query computes), and phones
 * and long digit runs are masked. The stored snippet text shows every one of them masked.
 */
final class PersonalDigits {

    /** 18 characters (17 digits and a digit or X) or the old 15 digits, not inside a longer number. */
    static final Pattern ID = Pattern.compile("(?<![0-9A-Za-z])(\\d{17}[\\dXx]|\\d{15})(?![0-9A-Za-z])");

    static final Pattern PHONE = Pattern.compile("(?<![0-9A-Za-z])(1[3-9]\\d)(\\d{4})(\\d{4})(?![0-9A-Za-z])");
    static final Pattern LONG_DIGITS = Pattern.compile("(?<![0-9A-Za-z])\\d{12,}(?![0-9A-Za-z])");

    private PersonalDigits() {}

    /** The text to index: ID numbers as their tokens, other personal digits masked. */
    static String forIndex(@Nullable String text, Function<String, byte @Nullable []> blindIndex) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        return rewrite(text, id -> token(blindIndex.apply(id.toUpperCase())));
    }

    /** The text for the words field: ID numbers left out (a space each), other personal digits masked. */
    static String withoutIds(@Nullable String text) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        return rewrite(text, id -> " ");
    }

    /** The text to show: every personal number masked (ID 6+4, phone 3+4, long numbers last 4). */
    static String forDisplay(@Nullable String text) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        return rewrite(text, Masks::idNumber);
    }

    /** The index token of an ID number (what the query side computes too). */
    static String token(byte @Nullable [] index) {
        return index == null ? "" : "idx" + HexFormat.of().formatHex(index, 0, 12);
    }

    /**
     * The text with every personal number replaced, in one pass over its runs of ASCII letters and digits: what
     * {@link #ID}, then {@link #PHONE}, then {@link #LONG_DIGITS} match is always a whole run (their look-arounds
     * forbid a letter or digit on either side), so each run is classified once: an ID number becomes {@code id}'s
     * answer, a phone or a long number its mask. Reindexing runs this for every item twice (index and display text):
     * three regular expressions each time cost as much as a third of the text's smartcn analysis (docs/adr/0115).
     */
    static String rewrite(String text, Function<String, String> id) {
        StringBuilder out = null;
        int copied = 0;
        int n = text.length();
        int i = 0;
        while (i < n) {
            if (!letterOrDigit(text.charAt(i))) {
                i++;
                continue;
            }
            int start = i;
            int digits = 0;
            while (i < n && letterOrDigit(text.charAt(i))) {
                digits += isDigit(text.charAt(i)) ? 1 : 0;
                i++;
            }
            String replaced = replacement(text.substring(start, i), digits, id);
            if (replaced != null) {
                out = out == null ? new StringBuilder(n + 32) : out;
                out.append(text, copied, start).append(replaced);
                copied = i;
            }
        }
        return out == null ? text : out.append(text, copied, n).toString();
    }

    private static @Nullable String replacement(String run, int digits, Function<String, String> id) {
        int len = run.length();
        boolean allDigits = digits == len;
        char last = run.charAt(len - 1);
        boolean checkX = (last == 'X' || last == 'x') && digits == 17;
        if ((len == 18 && (allDigits || checkX)) || (len == 15 && allDigits)) {
            return id.apply(run);
        }
        if (len == 11 && allDigits && run.charAt(0) == '1' && run.charAt(1) >= '3' && run.charAt(1) <= '9') {
            return Masks.phone(run);
        }
        if (len >= 12 && allDigits) {
            return "*".repeat(len - 4) + run.substring(len - 4);
        }
        return null;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean letterOrDigit(char c) {
        return isDigit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }
}
