package org.siarchive.quality;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Optional;

/**
 * 公民身份号码 per GB 11643-1999: six-digit address code, eight-digit birth date, three-digit sequence
 * (odd = male), and an ISO 7064 MOD 11-2 check character. Address codes are not checked against the
 * current division list because abolished codes stay valid on old IDs.
 */
public final class CitizenIdNumber {

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String CHECK_CHARS = "10X98765432";

    public enum Problem {
        FORMAT,
        BIRTH_DATE,
        CHECKSUM
    }

    private CitizenIdNumber() {}

    /** The check character for the first 17 digits. */
    public static char checkChar(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK_CHARS.charAt(sum % 11);
    }

    /**
     * Upper-cases a trailing x, and upgrades a legacy 15-digit number (pre-1999: YYMMDD birth date, no
     * check character) to 18 digits by inserting "19" and appending the check character.
     */
    public static String normalize(String raw) {
        String id = raw.strip();
        if (mayHaveLowerCase(id)) {
            id = id.toUpperCase(java.util.Locale.ROOT);
        }
        if (id.length() == 15 && id.chars().allMatch(Character::isDigit)) {
            String first17 = id.substring(0, 6) + "19" + id.substring(6);
            return first17 + checkChar(first17);
        }
        return id;
    }

    /** Why the (normalized) number is invalid, or empty when it is valid. */
    public static Optional<Problem> problem(String raw, LocalDate today) {
        String id = normalize(raw);
        if (!wellFormed(id)) {
            return Optional.of(Problem.FORMAT);
        }
        Optional<LocalDate> birth = birthDate(id);
        if (birth.isEmpty() || birth.get().isAfter(today) || birth.get().getYear() < 1850) {
            return Optional.of(Problem.BIRTH_DATE);
        }
        if (checkChar(id.substring(0, 17)) != id.charAt(17)) {
            return Optional.of(Problem.CHECKSUM);
        }
        return Optional.empty();
    }

    /** Whether upper-casing could change the text: false for ASCII without a-z (the common, all-digit case). */
    private static boolean mayHaveLowerCase(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= 'a') {
                return true;
            }
        }
        return false;
    }

    /** Seventeen ASCII digits and a digit or X, checked without a regular expression (bulk imports). */
    private static boolean wellFormed(String id) {
        if (id.length() != 18) {
            return false;
        }
        for (int i = 0; i < 17; i++) {
            char c = id.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        char last = id.charAt(17);
        return last == 'X' || (last >= '0' && last <= '9');
    }

    /**
     * For suggestions (OCR) only, where no clock is at hand: "today" is taken as the latest calendar day
     * anywhere, so no zone can make a born-today number look future. Capture checks against the clock.
     */
    public static boolean isValid(String raw) {
        return problem(raw, LocalDate.now(java.time.Clock.systemUTC()).plusDays(1))
                .isEmpty();
    }

    public static Optional<LocalDate> birthDate(String id18) {
        try {
            return Optional.of(LocalDate.of(
                    Integer.parseInt(id18.substring(6, 10)),
                    Integer.parseInt(id18.substring(10, 12)),
                    Integer.parseInt(id18.substring(12, 14))));
        } catch (DateTimeException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** "1" for male (odd sequence digit), "2" for female, as in the GB/T 2261.1 sex code. */
    public static String genderCode(String id18) {
        return (id18.charAt(16) - '0') % 2 == 1 ? "1" : "2";
    }
}
