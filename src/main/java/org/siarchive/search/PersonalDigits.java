package org.siarchive.search;

import java.util.HexFormat;
import java.util.function.Function;
import java.util.regex.Matcher;
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
        String withTokens =
                replace(ID.matcher(text), m -> token(blindIndex.apply(m.group(1).toUpperCase())));
        return maskOthers(withTokens);
    }

    /** The text to show: every personal number masked (ID 6+4, phone 3+4, long numbers last 4). */
    static String forDisplay(@Nullable String text) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        String ids = replace(ID.matcher(text), m -> Masks.idNumber(m.group(1)));
        return maskOthers(ids);
    }

    /** The index token of an ID number (what the query side computes too). */
    static String token(byte @Nullable [] index) {
        return index == null ? "" : "idx" + HexFormat.of().formatHex(index, 0, 12);
    }

    private static String maskOthers(String s) {
        String phones = replace(PHONE.matcher(s), m -> Masks.phone(m.group()));
        return replace(
                LONG_DIGITS.matcher(phones),
                m -> "*".repeat(m.group().length() - 4)
                        + m.group().substring(m.group().length() - 4));
    }

    private static String replace(Matcher m, Function<Matcher, String> f) {
        var sb = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(sb, Matcher.quoteReplacement(f.apply(m)));
        }
        m.appendTail(sb);
        return sb.toString();
    }
}
