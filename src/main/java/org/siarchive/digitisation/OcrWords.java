package org.siarchive.digitisation;

import java.util.ArrayList;
import java.util.List;

/** The recognised words as {@link PageResults#words} stores them: text, confidence, x, y, width, height. */
final class OcrWords {

    private OcrWords() {}

    static List<OcrEngine.Word> parse(String stored) {
        var out = new ArrayList<OcrEngine.Word>();
        for (String line : stored.split("\n")) {
            String[] f = line.split("\t");
            if (f.length != 6) {
                continue;
            }
            try {
                out.add(new OcrEngine.Word(
                        f[0],
                        Float.parseFloat(f[1]),
                        Integer.parseInt(f[2]),
                        Integer.parseInt(f[3]),
                        Integer.parseInt(f[4]),
                        Integer.parseInt(f[5])));
            } catch (NumberFormatException e) {
                // a damaged line is skipped; the page's text still stands in for it
            }
        }
        return out;
    }
}
