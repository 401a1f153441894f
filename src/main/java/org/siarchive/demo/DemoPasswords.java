package org.siarchive.demo;

import java.security.SecureRandom;

/** Random demo passwords that satisfy the default policy and are easy to type. */
final class DemoPasswords {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String UPPER = "ABCDEFGHJKLMNPQRSTUVWXYZ";
    private static final String LOWER = "abcdefghijkmnpqrstuvwxyz";

    private DemoPasswords() {}

    static String random() {
        var sb = new StringBuilder();
        sb.append(UPPER.charAt(RANDOM.nextInt(UPPER.length())));
        for (int i = 0; i < 5; i++) {
            sb.append(LOWER.charAt(RANDOM.nextInt(LOWER.length())));
        }
        sb.append('-').append(1000 + RANDOM.nextInt(9000));
        return sb.toString();
    }
}
