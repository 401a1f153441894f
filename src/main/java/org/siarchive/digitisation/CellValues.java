package org.siarchive.digitisation;

import java.util.List;

/**
 * The text of a label's cell (docs/adr/0059): to its right on its line, or under it in the next line.
 */
final class CellValues {

    private CellValues() {}

    /** What follows the label on its line, up to the next label or a cell gap. */
    static String right(WordLines.Line line, List<LabelHits.Hit> hits, LabelHits.Hit hit) {
        var g = line.glyphs();
        int i = hit.end();
        while (i < g.size() && LabelledFields.separators().indexOf(g.get(i).c()) >= 0 && !startsHit(hits, i)) {
            i++;
        }
        var sb = new StringBuilder();
        for (int j = i; j < g.size() && !startsHit(hits, j); j++) {
            if (j > i && line.gapBefore(j) > LabelledFields.CELL_GAP * line.height()) {
                break;
            }
            sb.append(g.get(j).c());
        }
        return strip(sb.toString());
    }

    /**
     * What stands under the label in the first line below within three line heights: the characters whose
     * centre lies between the midpoints to the neighbouring labels, up to the next label in that line.
     */
    static String below(List<WordLines.Line> lines, List<List<LabelHits.Hit>> hits, int lineIndex, LabelHits.Hit hit) {
        var line = lines.get(lineIndex);
        var g = line.glyphs();
        int x0 = g.get(hit.start()).x0();
        int x1 = g.get(hit.end() - 1).x1();
        int left = x0 - 3 * line.height();
        int right = x1 + 12 * line.height();
        for (var other : hits.get(lineIndex)) {
            if (other.end() <= hit.start()) {
                left = Math.max(left, (g.get(other.end() - 1).x1() + x0) / 2);
            } else if (other.start() >= hit.end()) {
                right = Math.min(right, (x1 + g.get(other.start()).x0()) / 2);
            }
        }
        for (int n = lineIndex + 1; n < lines.size(); n++) {
            var below = lines.get(n);
            if (below.top() - line.bottom() > 3 * line.height()) {
                return "";
            }
            var sb = new StringBuilder();
            var bg = below.glyphs();
            for (int j = 0; j < bg.size(); j++) {
                int c = bg.get(j).centre();
                if (c < left || c > right) {
                    continue;
                }
                if (startsHit(hits.get(n), j) || insideHit(hits.get(n), j)) {
                    break;
                }
                sb.append(bg.get(j).c());
            }
            String v = strip(sb.toString());
            if (!v.isEmpty() || anyIn(below, hits.get(n), left, right)) {
                return v;
            }
        }
        return "";
    }

    private static boolean anyIn(WordLines.Line line, List<LabelHits.Hit> hits, int left, int right) {
        return hits.stream().anyMatch(h -> {
            int c = line.glyphs().get(h.start()).centre();
            return c >= left && c <= right;
        });
    }

    private static boolean startsHit(List<LabelHits.Hit> hits, int i) {
        return hits.stream().anyMatch(h -> h.start() == i);
    }

    private static boolean insideHit(List<LabelHits.Hit> hits, int i) {
        return hits.stream().anyMatch(h -> h.start() <= i && i < h.end());
    }

    private static String strip(String s) {
        int a = 0;
        int b = s.length();
        while (a < b && LabelledFields.separators().indexOf(s.charAt(a)) >= 0) {
            a++;
        }
        while (b > a && LabelledFields.separators().indexOf(s.charAt(b - 1)) >= 0) {
            b--;
        }
        return s.substring(a, b);
    }
}
