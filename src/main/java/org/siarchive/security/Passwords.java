package org.siarchive.security;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import org.siarchive.shared.Violation;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.stereotype.Component;

/** Argon2id hashing and the password rules (length, character classes). */
@Component
class Passwords {

    private static final String ALPHABET_UPPER = "ABCDEFGHJKLMNPQRSTUVWXYZ";
    private static final String ALPHABET_LOWER = "abcdefghijkmnopqrstuvwxyz";
    private static final String DIGITS = "23456789";
    private static final String SYMBOLS = "#%+-=@_";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Argon2PasswordEncoder encoder;

    Passwords(
            @Value("${siarchive.security.argon2.memory-kib:19456}") int memoryKib,
            @Value("${siarchive.security.argon2.iterations:2}") int iterations) {
        this.encoder = new Argon2PasswordEncoder(16, 32, 1, memoryKib, iterations);
    }

    String hash(String raw) {
        return encoder.encode(raw);
    }

    boolean matches(String raw, String hash) {
        return encoder.matches(raw, hash);
    }

    /** Length and character classes (upper, lower, digit, other) against the policy. */
    static List<Violation> check(String raw, String username, int minLength, int minClasses) {
        var out = new ArrayList<Violation>();
        if (raw.length() < minLength) {
            out.add(Violation.of("newPassword", "passwordLength", minLength));
        }
        if (raw.length() > 128) {
            out.add(Violation.of("newPassword", "maxLength", 128));
        }
        int classes = 0;
        if (raw.chars().anyMatch(Character::isUpperCase)) classes++;
        if (raw.chars().anyMatch(Character::isLowerCase)) classes++;
        if (raw.chars().anyMatch(Character::isDigit)) classes++;
        if (raw.chars().anyMatch(c -> !Character.isLetterOrDigit(c))) classes++;
        if (classes < minClasses) {
            out.add(Violation.of("newPassword", "passwordClasses", minClasses));
        }
        if (!username.isEmpty()
                && raw.toLowerCase(java.util.Locale.ROOT).contains(username.toLowerCase(java.util.Locale.ROOT))) {
            out.add(Violation.of("newPassword", "passwordContainsUsername"));
        }
        return out;
    }

    /** A one-time password: 16 characters from all four classes, without look-alike characters. */
    static String oneTime() {
        var sb = new StringBuilder();
        String[] sets = {ALPHABET_UPPER, ALPHABET_LOWER, DIGITS, SYMBOLS};
        for (String set : sets) {
            sb.append(set.charAt(RANDOM.nextInt(set.length())));
        }
        String all = String.join("", sets);
        while (sb.length() < 16) {
            sb.append(all.charAt(RANDOM.nextInt(all.length())));
        }
        var chars = sb.toString().toCharArray();
        for (int i = chars.length - 1; i > 0; i--) {
            int j = RANDOM.nextInt(i + 1);
            char t = chars[i];
            chars[i] = chars[j];
            chars[j] = t;
        }
        return new String(chars);
    }
}
