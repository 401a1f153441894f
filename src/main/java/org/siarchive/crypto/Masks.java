package org.siarchive.crypto;

import org.jspecify.annotations.Nullable;

/**
 * Display masks for personal data (脱敏): ID numbers keep the first 6 and last 4 characters, phone
 * numbers the first 3 and last 4, bank accounts the first 6 and last 4, names the surname.
 */
public final class Masks {

    private Masks() {}

    public static @Nullable String idNumber(@Nullable String v) {
        return keep(v, 6, 4);
    }

    public static @Nullable String phone(@Nullable String v) {
        return keep(v, 3, 4);
    }

    public static @Nullable String bankAccount(@Nullable String v) {
        return keep(v, 6, 4);
    }

    /** Two-character compound surnames (欧阳, 司马 …) are not told apart from given names: keep one. */
    public static @Nullable String name(@Nullable String v) {
        if (v == null || v.length() < 2) {
            return v;
        }
        return v.substring(0, 1) + "*".repeat(v.codePointCount(1, v.length()));
    }

    static @Nullable String keep(@Nullable String v, int head, int tail) {
        if (v == null) {
            return null;
        }
        if (v.length() <= head + tail) {
            // too short to keep both ends: show only the last quarter
            int show = v.length() / 4;
            return "*".repeat(v.length() - show) + v.substring(v.length() - show);
        }
        return v.substring(0, head) + "*".repeat(v.length() - head - tail) + v.substring(v.length() - tail);
    }
}
