package org.siarchive.catalog;

import java.text.Normalizer;
import java.util.Locale;

/**
 * 档号 as people type them. The middle dot between the parts of a level (DA/T 22) is hard to type, so a
 * person writes {@code -}, {@code .}, a full-width form or only part of the code. {@link #key} folds a stored
 * 档号 and a typed one to the same form — full-width to half-width, upper case, every separator to one
 * {@code -} — and a typed code matches every stored code whose key contains its key: {@code GRCB-0002} finds
 * {@code 0001-SB·2024-D30-02·GRCB-0002} (docs/adr/0049).
 */
public final class ArchiveCodeInput {

    /** Characters people and standards use between the parts of a 档号, after NFKC folding. */
    private static final String SEPARATORS = "-·•‧・.。_/\\—–‐‑‒―−~ \t\u00a0\u3000";

    private ArchiveCodeInput() {}

    /** The comparable form of a 档号, stored or typed; empty when nothing but separators was typed. */
    public static String key(String code) {
        String folded = Normalizer.normalize(code, Normalizer.Form.NFKC).toUpperCase(Locale.ROOT);
        var out = new StringBuilder(folded.length());
        boolean gap = false;
        for (int i = 0; i < folded.length(); ) {
            int cp = folded.codePointAt(i);
            i += Character.charCount(cp);
            if (SEPARATORS.indexOf(cp) >= 0 || Character.isWhitespace(cp)) {
                gap = out.length() > 0;
                continue;
            }
            if (gap) {
                out.append('-');
                gap = false;
            }
            out.appendCodePoint(cp);
        }
        return out.toString();
    }

    /** Whether a person who typed {@code typed} means (possibly among others) the stored {@code stored}. */
    public static boolean matches(String stored, String typed) {
        String k = key(typed);
        return !k.isEmpty() && key(stored).contains(k);
    }

    /** Whether {@code typed} names {@code stored} exactly, up to how the separators were typed. */
    public static boolean same(String stored, String typed) {
        String k = key(typed);
        return !k.isEmpty() && key(stored).equals(k);
    }
}
