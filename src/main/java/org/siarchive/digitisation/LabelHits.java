package org.siarchive.digitisation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Where labels stand in a line (docs/adr/0059). A label of three or more characters may have one misread
 * character; a two-character label must be exact unless a colon follows it. Exact matches are placed
 * before near ones (出生日期 is not a misread 出具日期), longer labels before shorter ones, and labels do
 * not overlap, so 参保日期 is not also read as 日期.
 */
final class LabelHits {

    private LabelHits() {}

    /** A label to look for: the field it introduces, or none for a word that only ends a value. */
    record Label(@Nullable FieldKind kind, String text, int rank) {}

    /** A label found at characters [start, end) of a line. */
    record Hit(Label label, int start, int end) {}

    static List<Hit> find(WordLines.Line line, List<Label> labels) {
        String s = line.text();
        boolean[] used = new boolean[s.length()];
        var hits = new ArrayList<Hit>();
        var longestFirst = labels.stream()
                .sorted(Comparator.comparingInt((Label l) -> -l.text().length()))
                .toList();
        for (boolean exact : new boolean[] {true, false}) {
            for (var label : longestFirst) {
                String t = label.text();
                for (int i = 0; i + t.length() <= s.length(); i++) {
                    if (free(used, i, t.length()) && (exact ? s.startsWith(t, i) : matches(s, i, t))) {
                        hits.add(new Hit(label, i, i + t.length()));
                        for (int j = i; j < i + t.length(); j++) {
                            used[j] = true;
                        }
                    }
                }
            }
        }
        hits.sort(Comparator.comparingInt(Hit::start));
        return hits;
    }

    private static boolean free(boolean[] used, int from, int length) {
        for (int i = from; i < from + length; i++) {
            if (used[i]) {
                return false;
            }
        }
        return true;
    }

    static boolean matches(String s, int at, String label) {
        int misses = 0;
        for (int k = 0; k < label.length(); k++) {
            char c = s.charAt(at + k);
            if (c != label.charAt(k)) {
                if (!Character.isIdeographic(c)) {
                    return false;
                }
                misses++;
            }
        }
        if (misses == 0) {
            return true;
        }
        if (misses > 1) {
            return false;
        }
        boolean colon = at + label.length() < s.length() && s.charAt(at + label.length()) == ':';
        return label.length() >= 3 || colon;
    }
}
