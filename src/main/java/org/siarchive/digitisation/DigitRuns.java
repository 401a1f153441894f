package org.siarchive.digitisation;

import java.awt.Rectangle;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The digit-bearing stretches of a page's words that {@link DigitReread} reads again: runs of neighbouring
 * number-like words on one line (an ID number the engine split in pieces), and the digit parts of words that
 * mix Chinese characters with digits ("2019年01月", "建设路30号"), their boxes estimated from the characters'
 * widths (a Chinese character one em, any other half an em) and padded only where the word ends.
 */
final class DigitRuns {

    private static final Pattern NUMBER_LIKE = Pattern.compile("[0-9A-Za-z.\\-/:%|!]*[0-9][0-9A-Za-z.\\-/:%|!]*");
    private static final Pattern DIGIT_PART = Pattern.compile("[0-9][0-9.\\-/:%]*(?:[年月日号][0-9.\\-/:%]*)*");

    /** A stretch to read again: the words it covers (indices), its box and what was read there. */
    record Run(List<Integer> indices, Rectangle box, String read, float confidence, int partStart, int partEnd) {

        /** Whether the run is a part of one word (its characters {@code partStart..partEnd}). */
        boolean part() {
            return partStart >= 0;
        }
    }

    private DigitRuns() {}

    static List<Run> find(List<OcrEngine.Word> words) {
        var runs = new ArrayList<Run>();
        int i = 0;
        while (i < words.size()) {
            var w = words.get(i);
            if (NUMBER_LIKE.matcher(w.text()).matches()) {
                int j = i + 1;
                while (j < words.size() && joins(words.get(j - 1), words.get(j))) {
                    j++;
                }
                runs.add(whole(words, i, j));
                i = j;
                continue;
            }
            parts(w, i, runs);
            i++;
        }
        return runs;
    }

    /** The next word continues the run: number-like, on the same line, less than a character height away. */
    private static boolean joins(OcrEngine.Word a, OcrEngine.Word b) {
        if (!NUMBER_LIKE.matcher(b.text()).matches()) {
            return false;
        }
        int h = Math.max(a.height(), b.height());
        int overlap = Math.min(a.y() + a.height(), b.y() + b.height()) - Math.max(a.y(), b.y());
        int gap = b.x() - (a.x() + a.width());
        return overlap > h / 2 && gap >= -h / 4 && gap < h;
    }

    private static Run whole(List<OcrEngine.Word> words, int from, int to) {
        var box = box(words.get(from));
        var read = new StringBuilder();
        float conf = 100;
        var indices = new ArrayList<Integer>();
        for (int k = from; k < to; k++) {
            var w = words.get(k);
            box = box.union(box(w));
            read.append(w.text());
            conf = Math.min(conf, w.confidence());
            indices.add(k);
        }
        return new Run(List.copyOf(indices), box, read.toString(), conf, -1, -1);
    }

    /** The digit parts of a word that also holds other characters, each with its estimated box. */
    private static void parts(OcrEngine.Word w, int index, List<Run> runs) {
        String t = w.text();
        var m = DIGIT_PART.matcher(t);
        if (!m.find()) {
            return;
        }
        double total = ems(t, 0, t.length());
        double perEm = w.width() / total;
        m.reset();
        while (m.find()) {
            int pad = Math.max(2, w.height() / 3);
            int x0 = m.start() == 0 ? w.x() - pad : w.x() + (int) Math.round(ems(t, 0, m.start()) * perEm);
            int x1 = m.end() == t.length()
                    ? w.x() + w.width() + pad
                    : w.x() + (int) Math.round(ems(t, 0, m.end()) * perEm);
            var box = new Rectangle(x0, w.y() - pad, Math.max(1, x1 - x0), w.height() + 2 * pad);
            runs.add(new Run(List.of(index), box, m.group(), w.confidence(), m.start(), m.end()));
        }
    }

    private static double ems(String t, int from, int to) {
        double e = 0;
        for (int k = from; k < to; k++) {
            e += t.charAt(k) < 0x2E80 ? 0.5 : 1.0;
        }
        return e;
    }

    static Rectangle box(OcrEngine.Word w) {
        return new Rectangle(w.x(), w.y(), w.width(), w.height());
    }
}
