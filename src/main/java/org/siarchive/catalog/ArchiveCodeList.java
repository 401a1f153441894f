package org.siarchive.catalog;

import java.util.Arrays;
import java.util.List;

/** 档号 typed into a form: one per line, or separated by spaces, commas, semicolons or 、. */
public final class ArchiveCodeList {

    private ArchiveCodeList() {}

    /** The codes in order, without blanks and repeats. */
    public static List<String> parse(String raw) {
        return split(raw, "[\\s,，;；、]+");
    }

    /**
     * The codes typed one per line (or separated by commas, semicolons or 、), in order, without blanks and
     * repeats; spaces stay inside a code (a full-width space may stand for the middle dot).
     */
    public static List<String> lines(String raw) {
        return split(raw, "[\\r\\n,，;；、]+");
    }

    private static List<String> split(String raw, String separators) {
        return Arrays.stream(raw.split(separators))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .distinct()
                .toList();
    }
}
