package org.siarchive.continuation;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.siarchive.shared.CjkFont;
import org.springframework.stereotype.Component;

/**
 * A case document on A4 (申请表, 联系函, 信息表, 基金划转表, 回执, 接续完成记录, 转出地终结记录): a centred title and
 * label–value lines, wrapped, in the embedded CJK font; pages added as needed.
 */
@Component
class CasePdf {

    private static final float MARGIN = 70;
    private static final float SIZE = 11;
    private static final float LEADING = 18;

    /** One line: a label and its value. */
    record Line(String label, String value) {}

    private final TrueTypeFont font;

    CasePdf() {
        this.font = CjkFont.load();
    }

    byte[] write(String title, List<Line> lines, String footer) {
        // one document at a time on the JVM's one parsed font (CjkFont, docs/adr/0120)
        synchronized (font) {
            try (var doc = new PDDocument()) {
                var pdFont = PDType0Font.load(doc, font, true);
                var page = new PDPage(PDRectangle.A4);
                doc.addPage(page);
                var cs = new PDPageContentStream(doc, page);
                float width = PDRectangle.A4.getWidth();
                float y = PDRectangle.A4.getHeight() - MARGIN;
                float tw = pdFont.getStringWidth(title) / 1000 * 18;
                text(cs, pdFont, 18, (width - tw) / 2, y, title);
                y -= 36;
                for (var line : lines) {
                    for (String part : wrap(pdFont, line.label() + "：" + line.value(), width - 2 * MARGIN)) {
                        if (y < MARGIN + 30) {
                            cs.close();
                            page = new PDPage(PDRectangle.A4);
                            doc.addPage(page);
                            cs = new PDPageContentStream(doc, page);
                            y = PDRectangle.A4.getHeight() - MARGIN;
                        }
                        text(cs, pdFont, SIZE, MARGIN, y, part);
                        y -= LEADING;
                    }
                }
                text(cs, pdFont, 9, MARGIN, MARGIN, footer);
                cs.close();
                var out = new ByteArrayOutputStream();
                doc.save(out);
                return out.toByteArray();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static void text(PDPageContentStream cs, PDType0Font f, float size, float x, float y, String s)
            throws IOException {
        cs.beginText();
        cs.setFont(f, size);
        cs.newLineAtOffset(x, y);
        cs.showText(s);
        cs.endText();
    }

    private static List<String> wrap(PDType0Font f, String s, float max) throws IOException {
        var out = new java.util.ArrayList<String>();
        var line = new StringBuilder();
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            String ch = new String(Character.toChars(cp));
            if (line.length() > 0 && f.getStringWidth(line + ch) / 1000 * SIZE > max) {
                out.add(line.toString());
                line.setLength(0);
            }
            line.append(ch);
            i += Character.charCount(cp);
        }
        out.add(line.toString());
        return out;
    }
}
