package org.siarchive.demo;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Born-digital materials (核定表, 决定书…) as PDFs with an embedded subset of the CJK font. */
final class PdfRenderer {

    private static final Logger log = LoggerFactory.getLogger(PdfRenderer.class);
    static final Path FONT = org.siarchive.shared.CjkFont.FILE;

    private final @Nullable TrueTypeFont font;

    PdfRenderer() {
        this.font = loadFont();
    }

    private static @Nullable TrueTypeFont loadFont() {
        if (!Files.isReadable(FONT)) {
            log.warn(
                    "{} missing: demo PDFs fall back to Helvetica without Chinese text; install fonts-wqy-zenhei",
                    FONT);
            return null;
        }
        try {
            return org.siarchive.shared.CjkFont.load();
        } catch (java.io.UncheckedIOException e) {
            log.warn("cannot read {}: {}", FONT, e.getMessage());
            return null;
        }
    }

    /** PDFBox's subsetter shares the parsed font; one document at a time. */
    byte[] pdf(DemoRecord.Page page) {
        // one document at a time on the JVM's one parsed font (CjkFont, docs/adr/0120)
        synchronized (font == null ? this : font) {
            try (var doc = new PDDocument()) {
                var p = new PDPage(PDRectangle.A4);
                doc.addPage(p);
                PDFont f = font == null
                        ? new PDType1Font(Standard14Fonts.FontName.HELVETICA)
                        : PDType0Font.load(doc, font, true);
                try (var cs = new PDPageContentStream(doc, p)) {
                    text(cs, f, 20, 170, 770, safe(page.title()));
                    float y = 710;
                    for (var e : page.fields().entrySet()) {
                        text(cs, f, 12, 80, y, safe(e.getKey() + "：" + e.getValue()));
                        cs.moveTo(70, y - 8);
                        cs.lineTo(525, y - 8);
                        cs.stroke();
                        y -= 30;
                    }
                    text(cs, f, 12, 80, y - 30, safe("经审核，符合规定，特此核定。"));
                    text(cs, f, 12, 330, y - 90, safe(page.agency()));
                    cs.setStrokingColor(0.8f, 0.1f, 0.1f);
                    drawCircle(cs, 420, y - 80, 45);
                    cs.stroke();
                }
                var out = new ByteArrayOutputStream();
                doc.save(out);
                return out.toByteArray();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private String safe(String s) {
        return font == null ? s.replaceAll("[^\\x20-\\x7e]", "?") : s;
    }

    private static void text(PDPageContentStream cs, PDFont f, float size, float x, float y, String s)
            throws IOException {
        cs.beginText();
        cs.setFont(f, size);
        cs.newLineAtOffset(x, y);
        cs.showText(s);
        cs.endText();
    }

    private static void drawCircle(PDPageContentStream cs, float cx, float cy, float r) throws IOException {
        float k = 0.552f * r;
        cs.moveTo(cx, cy + r);
        cs.curveTo(cx + k, cy + r, cx + r, cy + k, cx + r, cy);
        cs.curveTo(cx + r, cy - k, cx + k, cy - r, cx, cy - r);
        cs.curveTo(cx - k, cy - r, cx - r, cy - k, cx - r, cy);
        cs.curveTo(cx - r, cy + k, cx - k, cy + r, cx, cy + r);
    }
}
