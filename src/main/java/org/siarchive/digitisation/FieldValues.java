package org.siarchive.digitisation;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.siarchive.quality.CitizenIdNumber;
import org.siarchive.quality.CreditCode;

/**
 * The value read next to a label, checked before it is suggested (docs/adr/0059): 公民身份号码 by the GB 11643
 * check character, 统一社会信用代码 by GB 32100, dates within 1900 and a year from today, names of two to
 * four Chinese characters (or with ·) that are no label. OCR's usual digit confusions (O→0, l/I→1, Z→2,
 * S→5, B→8) are repaired only where the repaired number then passes its check.
 */
final class FieldValues {

    /** Exactly 18 characters: a longer run is a misread number, and no window of it is guessed at. */
    private static final Pattern ID_RUN =
            Pattern.compile("(?<![0-9A-Za-z|!])[0-9XxOoDQIl|!ZzSsB]{18}(?![0-9A-Za-z|!])");

    private static final Pattern CREDIT_RUN = Pattern.compile("(?<![0-9A-Za-z])[0-9A-Za-z]{18}(?![0-9A-Za-z])");
    private static final Pattern DATE = Pattern.compile("((?:19|20)\\d{2})[年\\-./]([01]?\\d)[月\\-./]([0-3]?\\d)");
    private static final String CN_DIGITS = "〇一二三四五六七八九";
    private static final Pattern CN_DATE =
            Pattern.compile("([〇○零Oo0一二三四五六七八九]{4})年([一二三四五六七八九十]{1,2})月([一二三四五六七八九十]{1,3})日");
    private static final Pattern NAME = Pattern.compile("^[\\p{IsHan}·]+");

    private FieldValues() {}

    /** A checksum-valid ID number in the value, repaired if it needs and allows it. */
    static Optional<String> idNumber(String value) {
        var m = ID_RUN.matcher(value.replaceAll("\\s", ""));
        while (m.find()) {
            String read = m.group();
            String raw = read.toUpperCase(Locale.ROOT);
            if (raw.matches("\\d{17}[\\dX]") && CitizenIdNumber.isValid(raw)) {
                return Optional.of(raw);
            }
            String repaired = repairDigits(read.substring(0, 17)) + repairCheck(read.charAt(17));
            if (repaired.matches("\\d{17}[\\dX]") && CitizenIdNumber.isValid(repaired)) {
                return Optional.of(repaired);
            }
        }
        return Optional.empty();
    }

    /** A GB 32100-valid credit code in the value; letters the code never uses (I, O, S, Z) read as digits. */
    static Optional<String> creditCode(String value) {
        var m = CREDIT_RUN.matcher(value.replaceAll("\\s", ""));
        while (m.find()) {
            String read = m.group();
            String raw = read.toUpperCase(Locale.ROOT);
            if (CreditCode.isValid(raw)) {
                return Optional.of(raw);
            }
            String repaired = read.replace('l', '1')
                    .toUpperCase(Locale.ROOT)
                    .replace('O', '0')
                    .replace('I', '1')
                    .replace('S', '5')
                    .replace('Z', '2');
            if (CreditCode.isValid(repaired)) {
                return Optional.of(repaired);
            }
        }
        return Optional.empty();
    }

    /** A plausible date (1900-01-01 to a year after today) in any of the usual printed forms, ISO-formatted. */
    static Optional<String> date(String value, LocalDate today) {
        String v = value.replaceAll("\\s", "");
        var m = DATE.matcher(v);
        if (m.find()) {
            return plausible(
                    Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)), today);
        }
        var c = CN_DATE.matcher(v);
        if (c.find()) {
            int year = 0;
            for (char ch : c.group(1).toCharArray()) {
                int d = CN_DIGITS.indexOf(ch);
                year = year * 10 + (d < 0 ? (Character.isDigit(ch) ? ch - '0' : 0) : d);
            }
            return plausible(year, chineseNumber(c.group(2)), chineseNumber(c.group(3)), today);
        }
        return Optional.empty();
    }

    /** A person's name: the Chinese characters the value begins with, two to four (or parts joined by ·). */
    static Optional<String> name(String value, Collection<String> labelWords) {
        var m = NAME.matcher(value.strip());
        if (!m.find()) {
            return Optional.empty();
        }
        String name = m.group();
        String[] parts = name.split("·", -1);
        int han = name.replace("·", "").length();
        boolean shape = parts.length == 1
                ? han >= 2 && han <= 4
                : han <= 12 && java.util.Arrays.stream(parts).noneMatch(String::isEmpty);
        if (!shape || labelWords.stream().anyMatch(l -> name.startsWith(l) || l.startsWith(name))) {
            return Optional.empty();
        }
        return Optional.of(name);
    }

    /** An organisation's name: at least four characters, not a label. */
    static Optional<String> organisation(String value, Collection<String> labelWords) {
        String v = value.strip();
        int han = (int) v.codePoints()
                .filter(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN)
                .count();
        return han >= 4 && v.length() <= 100 && !labelWords.contains(v) ? Optional.of(v) : Optional.empty();
    }

    static String repairDigits(String s) {
        var sb = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            sb.append(
                    switch (c) {
                        case 'O', 'o', 'D', 'Q' -> '0';
                        case 'I', 'l', '|', '!' -> '1';
                        case 'Z', 'z' -> '2';
                        case 'S', 's' -> '5';
                        case 'B' -> '8';
                        default -> c;
                    });
        }
        return sb.toString();
    }

    private static char repairCheck(char c) {
        return c == 'x' ? 'X' : repairDigits(String.valueOf(c)).charAt(0);
    }

    private static int chineseNumber(String s) {
        int ten = s.indexOf('十');
        if (ten < 0) {
            return CN_DIGITS.indexOf(s.charAt(0));
        }
        int tens = ten == 0 ? 1 : CN_DIGITS.indexOf(s.charAt(0));
        int units = ten == s.length() - 1 ? 0 : CN_DIGITS.indexOf(s.charAt(ten + 1));
        return tens * 10 + units;
    }

    private static Optional<String> plausible(int y, int m, int d, LocalDate today) {
        try {
            var date = LocalDate.of(y, m, d);
            boolean ok = !date.isBefore(LocalDate.of(1900, 1, 1)) && !date.isAfter(today.plusYears(1));
            return ok ? Optional.of(date.toString()) : Optional.empty();
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }
}
