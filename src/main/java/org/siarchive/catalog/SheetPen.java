package org.siarchive.catalog;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDFont;

/** Drawing on a printed sheet of the catalogue: text, wrapped text and ruled boxes, in points. */
final class SheetPen {

    static final float MM = 72f / 25.4f;

    private final PDPageContentStream cs;
    private final PDFont font;

    SheetPen(PDPageContentStream cs, PDFont font) {
        this.cs = cs;
        this.font = font;
    }

    void text(float size, float x, float y, String s) throws IOException {
        cs.beginText();
        cs.setFont(font, size);
        cs.newLineAtOffset(x, y);
        cs.showText(printable(s));
        cs.endText();
    }

    /** Text centred on {@code cx}. */
    void centred(float size, float cx, float y, String s) throws IOException {
        text(size, cx - width(size, s) / 2, y, s);
    }

    float width(float size, String s) throws IOException {
        return font.getStringWidth(printable(s)) / 1000 * size;
    }

    /** Lines no wider than {@code max} points, breaking anywhere (Chinese has no spaces) and at line ends. */
    List<String> wrap(float size, String s, float max) throws IOException {
        var out = new ArrayList<String>();
        for (String para : s.split("\\R")) {
            var line = new StringBuilder();
            for (int i = 0; i < para.length(); ) {
                int cp = para.codePointAt(i);
                i += Character.charCount(cp);
                String next = line + new String(Character.toChars(cp));
                if (width(size, next) > max && line.length() > 0) {
                    out.add(line.toString());
                    line = new StringBuilder(new String(Character.toChars(cp)));
                } else {
                    line = new StringBuilder(next);
                }
            }
            out.add(line.toString());
        }
        return out;
    }

    void rect(float x, float y, float w, float h, float lineWidth) throws IOException {
        cs.setLineWidth(lineWidth);
        cs.addRect(x, y, w, h);
        cs.stroke();
    }

    void line(float x1, float y1, float x2, float y2) throws IOException {
        cs.setLineWidth(0.6f);
        cs.moveTo(x1, y1);
        cs.lineTo(x2, y2);
        cs.stroke();
    }

    /** Characters the font cannot draw (control characters) are left out rather than failing the sheet. */
    private String printable(String s) {
        var sb = new StringBuilder();
        s.codePoints().filter(cp -> !Character.isISOControl(cp)).forEach(cp -> {
            String c = new String(Character.toChars(cp));
            try {
                font.encode(c);
                sb.append(c);
            } catch (IOException | IllegalArgumentException e) {
                // a character the font has no glyph for is not printed
            }
        });
        return sb.toString();
    }
}
