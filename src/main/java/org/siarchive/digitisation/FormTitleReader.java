package org.siarchive.digitisation;

import java.util.List;
import java.util.Optional;

/**
 * Which form a page is (docs/adr/0059): the template whose printed title a line of the page holds best,
 * by character bigrams (a misread or dropped character still matches, {@link FormTitles#MATCH}), preferring
 * large and high lines, and lines that are mostly the title over a title mentioned in running text.
 */
final class FormTitleReader {

    private FormTitleReader() {}

    /** The recognised form: its template, how well it matched, and the line that matched. */
    record TitleMatch(FormTemplate template, double score, String line) {}

    static Optional<TitleMatch> recognise(List<WordLines.Line> lines, FormTemplates templates) {
        if (lines.isEmpty()) {
            return Optional.empty();
        }
        int[] heights = lines.stream().mapToInt(WordLines.Line::height).sorted().toArray();
        double median = Math.max(1, heights[heights.length / 2]);
        double pageBottom =
                lines.stream().mapToInt(WordLines.Line::bottom).max().orElse(1);
        TitleMatch best = null;
        for (var line : lines) {
            String text = FormTitles.compact(line.text());
            if (text.length() < 2) {
                continue;
            }
            var grams = FormTitles.bigrams(text);
            double size = Math.min(2.5, Math.max(0.75, line.height() / median));
            double place = 1.2 - 0.4 * line.centre() / pageBottom;
            for (var t : templates.all()) {
                for (String title : t.titles()) {
                    double score = score(FormTitles.compact(title), text, grams) * size * place;
                    if (score > 0 && (best == null || score > best.score())) {
                        best = new TitleMatch(t, score, line.text());
                    }
                }
            }
        }
        return Optional.ofNullable(best);
    }

    /** Bigram share of the title found in the line (0 below the match threshold), times how much of the line it is. */
    static double score(String title, String line, java.util.Set<String> lineGrams) {
        var grams = FormTitles.bigrams(title);
        if (grams.isEmpty()) {
            return 0;
        }
        double share = (double) grams.stream().filter(lineGrams::contains).count() / grams.size();
        if (share < FormTitles.MATCH) {
            return 0;
        }
        double coverage = Math.min(1.0, (double) title.length() / line.length());
        return share * (0.5 + 0.5 * coverage);
    }
}
