package org.siarchive.digitisation;

/**
 * Quotation marks that automatic layout analysis reads into the wide gaps of forms ("姓名：王秀英 ”性别"):
 * a closing mark that opens a word, or an opening mark with no closing mark after it on its line, is not
 * text. Paired quotes and book-title marks stay. Applied to the recognised text only (ADR 0058).
 */
final class StrayQuotes {

    private StrayQuotes() {}

    static String clean(String text) {
        var out = new StringBuilder(text.length());
        for (String line : text.split("\n", -1)) {
            if (out.length() > 0) {
                out.append('\n');
            }
            out.append(line(line));
        }
        return out.toString();
    }

    private static String line(String line) {
        var b = new StringBuilder(line.length());
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            boolean wordStart = i == 0 || Character.isWhitespace(line.charAt(i - 1));
            boolean stray =
                    switch (c) {
                        case '”', '’' -> wordStart;
                        case '“', '‘' -> wordStart && line.indexOf(c == '“' ? '”' : '’', i + 1) < 0;
                        case '"' -> wordStart && line.indexOf('"', i + 1) < 0;
                        default -> false;
                    };
            if (!stray) {
                b.append(c);
            }
        }
        return b.toString();
    }
}
