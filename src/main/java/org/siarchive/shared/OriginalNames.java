package org.siarchive.shared;

import java.text.Normalizer;
import java.util.regex.Pattern;

/**
 * The sender's file name is kept as descriptive metadata only (docs/adr/0033): directories, control
 * characters, bidirectional and other invisible format characters (a right-to-left override makes
 * {@code gpj.exe} read as {@code exe.jpg}) and excess length are stripped, and the rest is put in Unicode
 * NFC, so it can never act as a path, disguise its extension or break a page.
 */
public final class OriginalNames {

    /** Control (Cc), format (Cf: bidi overrides and isolates, zero-width characters) and unassigned code points. */
    private static final Pattern INVISIBLE = Pattern.compile("[\\p{Cc}\\p{Cf}\\p{Cn}\\x{FFFD}]");

    private OriginalNames() {}

    public static String clean(String raw) {
        String name = Normalizer.normalize(raw == null ? "" : raw, Normalizer.Form.NFC);
        name = INVISIBLE.matcher(name).replaceAll("");
        int slash = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
        name = name.substring(slash + 1).strip();
        if (name.isEmpty() || name.equals(".") || name.equals("..")) {
            name = "unnamed";
        }
        return name.length() > 200 ? name.substring(name.length() - 200) : name;
    }
}
