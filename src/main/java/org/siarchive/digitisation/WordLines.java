package org.siarchive.digitisation;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The recognised words of a page regrouped into lines by their boxes (docs/adr/0059), whatever order the
 * engine listed them in: a word joins the line whose vertical centre is within half a line height of its
 * own. Each line is a row of characters with an estimated horizontal extent (a word's box shared evenly by
 * its characters), so a label and its value are found even when the engine splits or joins them.
 */
final class WordLines {

    /** Quotes, underscores and tildes OCR makes of ruling, fill-in lines and specks; no field holds them. */
    private static final String NOISE = "\"'“”‘’`_~〃";

    private WordLines() {}

    /** A character of a line and its estimated horizontal extent. */
    record Glyph(char c, int x0, int x1) {
        int centre() {
            return (x0 + x1) / 2;
        }
    }

    /** A line: its characters left to right, its vertical extent and its typical character height. */
    record Line(List<Glyph> glyphs, int top, int bottom, int height) {

        String text() {
            var sb = new StringBuilder(glyphs.size());
            glyphs.forEach(g -> sb.append(g.c()));
            return sb.toString();
        }

        int centre() {
            return (top + bottom) / 2;
        }

        /** The blank space before the i-th character (0 inside a word or where boxes overlap). */
        int gapBefore(int i) {
            return i == 0
                    ? 0
                    : Math.max(0, glyphs.get(i).x0() - glyphs.get(i - 1).x1());
        }
    }

    static List<Line> of(List<OcrEngine.Word> words) {
        var sorted = words.stream()
                .filter(w -> !w.text().isBlank() && w.height() > 0)
                .sorted(Comparator.comparingInt(w -> w.y() + w.height() / 2))
                .toList();
        var groups = new ArrayList<List<OcrEngine.Word>>();
        for (var w : sorted) {
            List<OcrEngine.Word> best = null;
            double bestDistance = Double.MAX_VALUE;
            for (var g : groups) {
                double d = Math.abs(centre(w) - meanCentre(g));
                if (d <= Math.max(medianHeight(g), w.height()) / 2.0 && d < bestDistance) {
                    best = g;
                    bestDistance = d;
                }
            }
            if (best == null) {
                best = new ArrayList<>();
                groups.add(best);
            }
            best.add(w);
        }
        return groups.stream()
                .map(WordLines::line)
                .filter(l -> !l.glyphs().isEmpty())
                .sorted(Comparator.comparingInt(Line::centre))
                .toList();
    }

    private static Line line(List<OcrEngine.Word> words) {
        var glyphs = new ArrayList<Glyph>();
        int top = Integer.MAX_VALUE;
        int bottom = 0;
        for (var w : words.stream()
                .sorted(Comparator.comparingInt(OcrEngine.Word::x))
                .toList()) {
            top = Math.min(top, w.y());
            bottom = Math.max(bottom, w.y() + w.height());
            String text = Normalizer.normalize(w.text(), Normalizer.Form.NFKC).replaceAll("\\s+", "");
            int n = text.length();
            for (int i = 0; i < n; i++) {
                char c = text.charAt(i);
                if (NOISE.indexOf(c) < 0) {
                    glyphs.add(new Glyph(c, w.x() + w.width() * i / n, w.x() + w.width() * (i + 1) / n));
                }
            }
        }
        return new Line(List.copyOf(glyphs), top, bottom, medianHeight(words));
    }

    private static double centre(OcrEngine.Word w) {
        return w.y() + w.height() / 2.0;
    }

    private static double meanCentre(List<OcrEngine.Word> g) {
        return g.stream().mapToDouble(WordLines::centre).average().orElse(0);
    }

    private static int medianHeight(List<OcrEngine.Word> g) {
        var h = g.stream().mapToInt(OcrEngine.Word::height).sorted().toArray();
        return h.length == 0 ? 0 : h[h.length / 2];
    }
}
