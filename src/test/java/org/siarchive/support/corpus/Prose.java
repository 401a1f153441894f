package org.siarchive.support.corpus;

import java.awt.Font;
import java.util.ArrayList;
import java.util.List;

/** Running text: paragraphs wrapped to a column width, each printed line one segment. */
final class Prose {

    /** Punctuation a Chinese line never starts with (it may overhang the column instead). */
    private static final String NO_LINE_START = "，。、；：？！）》」』”’〕";

    private Prose() {}

    /** Lines of {@code text} no wider than {@code width} mm, the first indented by two characters. */
    static List<String> wrap(Sheet s, String text, double width, Font f, boolean indent) {
        var lines = new ArrayList<String>();
        var line = new StringBuilder();
        double first = indent ? s.width("　　", f) : 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            String ch = new String(Character.toChars(cp));
            double limit = lines.isEmpty() ? width - first : width;
            if (s.width(line + ch, f) > limit && line.length() > 0 && NO_LINE_START.indexOf(cp) < 0) {
                lines.add(line.toString());
                line.setLength(0);
            }
            line.append(ch);
            i += Character.charCount(cp);
        }
        if (line.length() > 0) {
            lines.add(line.toString());
        }
        return lines;
    }

    /** Prints the paragraph from baseline {@code y}; returns the baseline after its last line. */
    static double paragraph(Sheet s, String text, double x, double y, double width, Font f, double leading) {
        double indent = s.width("　　", f);
        var lines = wrap(s, text, width, f, true);
        for (int i = 0; i < lines.size(); i++) {
            s.text(lines.get(i), x + (i == 0 ? indent : 0), y, f);
            y += leading;
        }
        return y;
    }
}
