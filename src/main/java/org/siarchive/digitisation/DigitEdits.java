package org.siarchive.digitisation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Puts {@link DigitReread}'s better readings into the page's words and text: a run of words becomes one
 * word over their box; a digit part is replaced inside its word; in the text the words read first (found in
 * reading order, spaces between them allowed) give way to the new reading.
 */
final class DigitEdits {

    private DigitEdits() {}

    static OcrEngine.Result apply(OcrEngine.Result read, List<DigitRuns.Run> runs, Map<DigitRuns.Run, String> better) {
        var words = new ArrayList<>(read.words());
        var removed = new HashSet<Integer>();
        var wordText = new HashMap<Integer, String>();
        String text = read.text();
        int cursor = 0;
        for (var run : runs) {
            int first = run.indices().get(0);
            String now = better.get(run);
            if (now == null) {
                continue;
            }
            var original = read.words().get(first);
            String before = wordText.getOrDefault(first, original.text());
            String after;
            if (run.part()) {
                int shift = before.length() - original.text().length();
                after = before.substring(0, run.partStart() + shift) + now + before.substring(run.partEnd() + shift);
            } else {
                after = now;
            }
            var m = pattern(run, words, wordText).matcher(text);
            if (!(m.find(Math.min(cursor, text.length())) || m.find(0))) {
                continue;
            }
            text = text.substring(0, m.start()) + after + text.substring(m.end());
            cursor = m.start() + after.length();
            wordText.put(first, after);
            var box = DigitRuns.box(original);
            for (int k : run.indices()) {
                box = box.union(DigitRuns.box(read.words().get(k)));
                if (k != first) {
                    removed.add(k);
                }
            }
            words.set(first, new OcrEngine.Word(after, original.confidence(), box.x, box.y, box.width, box.height));
        }
        var kept = new ArrayList<OcrEngine.Word>();
        for (int k = 0; k < words.size(); k++) {
            if (!removed.contains(k)) {
                kept.add(words.get(k));
            }
        }
        return new OcrEngine.Result(text, read.meanConfidence(), List.copyOf(kept));
    }

    /** The run's words as they stand in the text now, spaces allowed between them. */
    private static Pattern pattern(DigitRuns.Run run, List<OcrEngine.Word> words, Map<Integer, String> wordText) {
        var sb = new StringBuilder();
        for (int k : run.indices()) {
            if (!sb.isEmpty()) {
                sb.append("\\s*");
            }
            sb.append(Pattern.quote(wordText.getOrDefault(k, words.get(k).text())));
        }
        return Pattern.compile(sb.toString());
    }
}
