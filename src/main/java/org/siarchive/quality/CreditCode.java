package org.siarchive.quality;

import java.util.Optional;

/**
 * 统一社会信用代码 per GB 32100-2015: 18 characters from a 31-character alphabet (no I, O, S, V, Z),
 * registration authority, entity category, six-digit division code, the nine-character organisation
 * code of GB 11714 (with its own check character) and a MOD 31 check character.
 */
public final class CreditCode {

    static final String CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};
    private static final int[] ORG_WEIGHTS = {3, 7, 9, 10, 5, 8, 4, 2};

    public enum Problem {
        FORMAT,
        ORGANISATION_CODE,
        CHECKSUM
    }

    private CreditCode() {}

    public static char checkChar(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += CHARSET.indexOf(first17.charAt(i)) * WEIGHTS[i];
        }
        int v = 31 - sum % 31;
        return CHARSET.charAt(v == 31 ? 0 : v);
    }

    /**
     * GB 11714 check character of an eight-character organisation code body. Letters count A=10 … Z=35
     * over the full alphabet, unlike the credit code's own alphabet.
     */
    public static char organisationCheckChar(String body8) {
        int sum = 0;
        for (int i = 0; i < 8; i++) {
            char c = body8.charAt(i);
            int value = Character.isDigit(c) ? c - '0' : c - 'A' + 10;
            sum += value * ORG_WEIGHTS[i];
        }
        int c9 = 11 - sum % 11;
        return c9 == 10 ? 'X' : c9 == 11 ? '0' : (char) ('0' + c9);
    }

    public static String normalize(String raw) {
        return raw.strip().toUpperCase(java.util.Locale.ROOT);
    }

    public static Optional<Problem> problem(String raw) {
        String code = normalize(raw);
        if (code.length() != 18 || !code.chars().allMatch(c -> CHARSET.indexOf(c) >= 0)) {
            return Optional.of(Problem.FORMAT);
        }
        String org = code.substring(8, 17);
        if (org.substring(0, 8).matches("[0-9A-Z]{8}") && org.charAt(8) != organisationCheckChar(org.substring(0, 8))) {
            return Optional.of(Problem.ORGANISATION_CODE);
        }
        if (checkChar(code.substring(0, 17)) != code.charAt(17)) {
            return Optional.of(Problem.CHECKSUM);
        }
        return Optional.empty();
    }

    public static boolean isValid(String raw) {
        return problem(raw).isEmpty();
    }
}
