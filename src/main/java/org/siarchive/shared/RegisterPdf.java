package org.siarchive.shared;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.jspecify.annotations.Nullable;

/**
 * Draws a register on A4: organisation and title centred on the first page, the print time, a ruled table
 * whose header repeats on every page, cells wrapped within their column, and 第 N 页 共 M 页 at the foot.
 * Landscape when the columns are wide.
 */
final class RegisterPdf {

    /** The texts around the table, already in the reader's language; {@code pageOf} has {0} and {1}. */
    record Heading(String organisation, String title, String printedAt, List<String> headers, String pageOf) {}

    private static final float MARGIN = 36;
    private static final float SIZE = 9;
    private static final float LEADING = 11.5f;
    private static final float PAD = 3;
    private static final int MAX_CELL = 2_000;
    private static final int MAX_LINES = 30;

    private final TrueTypeFont ttf;
    private final Heading heading;
    private final List<Register.Column> columns;
    private PDDocument doc;
    private PDFont font;
    private PDRectangle box;
    private PDPageContentStream cs;
    private float y;
    private float[] widths;

    RegisterPdf(TrueTypeFont ttf, Heading heading, List<Register.Column> columns) {
        this.ttf = ttf;
        this.heading = heading;
        this.columns = columns;
    }

    byte[] write(List<List<String>> rows, @Nullable String note) {
        return write(rows, note == null ? List.of() : List.of(note));
    }

    /** The table, then {@code closing} lines (totals, signature lines), each wrapped to the page. */
    byte[] write(List<List<String>> rows, List<String> closing) {
        try (var d = new PDDocument();
                var out = new ByteArrayOutputStream()) {
            doc = d;
            font = PDType0Font.load(d, ttf, true);
            int chars = columns.stream().mapToInt(Register.Column::width).sum();
            box = chars > 80 ? new PDRectangle(PDRectangle.A4.getHeight(), PDRectangle.A4.getWidth()) : PDRectangle.A4;
            widths = widths(chars);
            newPage(true);
            for (var row : rows) {
                row(row, false);
            }
            y -= 4;
            for (String text : closing) {
                for (String part : wrap(text, box.getWidth() - 2 * MARGIN)) {
                    if (y - SIZE < MARGIN + 20) {
                        newPage(false);
                    }
                    line(part, MARGIN, SIZE);
                }
            }
            cs.close();
            footers();
            d.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private float[] widths(int chars) {
        float usable = box.getWidth() - 2 * MARGIN;
        float[] w = new float[columns.size()];
        for (int i = 0; i < w.length; i++) {
            w[i] = usable * columns.get(i).width() / Math.max(1, chars);
        }
        return w;
    }

    private void newPage(boolean first) throws IOException {
        if (cs != null) {
            cs.close();
        }
        var page = new PDPage(box);
        doc.addPage(page);
        cs = new PDPageContentStream(doc, page);
        y = box.getHeight() - MARGIN;
        if (first) {
            centred(heading.organisation(), 14);
            centred(heading.title(), 12);
            y -= 2;
            float w = width(heading.printedAt(), 8);
            line(heading.printedAt(), box.getWidth() - MARGIN - w, 8);
        }
        row(heading.headers(), true);
    }

    private void row(List<String> cells, boolean header) throws IOException {
        var lines = new ArrayList<List<String>>();
        int most = 1;
        for (int i = 0; i < cells.size(); i++) {
            var wrapped = wrap(cells.get(i), widths[i] - 2 * PAD);
            if (wrapped.size() > MAX_LINES) {
                wrapped = new ArrayList<>(wrapped.subList(0, MAX_LINES));
                wrapped.set(MAX_LINES - 1, wrapped.get(MAX_LINES - 1) + "…");
            }
            lines.add(wrapped);
            most = Math.max(most, wrapped.size());
        }
        float height = most * LEADING + 2 * PAD;
        if (!header && y - height < MARGIN + 20) {
            newPage(false);
        }
        float x = MARGIN;
        if (header) {
            cs.setNonStrokingColor(0.88f, 0.88f, 0.88f);
            cs.addRect(MARGIN, y - height, sum(), height);
            cs.fill();
            cs.setNonStrokingColor(0f, 0f, 0f);
        }
        for (int i = 0; i < cells.size(); i++) {
            cs.addRect(x, y - height, widths[i], height);
            cs.stroke();
            float ty = y - PAD - SIZE;
            for (String text : lines.get(i)) {
                text(text, x + PAD, ty, SIZE);
                ty -= LEADING;
            }
            x += widths[i];
        }
        y -= height;
    }

    private float sum() {
        float s = 0;
        for (float w : widths) {
            s += w;
        }
        return s;
    }

    private void footers() throws IOException {
        int total = doc.getNumberOfPages();
        for (int i = 0; i < total; i++) {
            String text = java.text.MessageFormat.format(heading.pageOf(), i + 1, total);
            try (var foot =
                    new PDPageContentStream(doc, doc.getPage(i), PDPageContentStream.AppendMode.APPEND, true, true)) {
                cs = foot;
                text(text, (box.getWidth() - width(text, 8)) / 2, MARGIN - 14, 8);
            }
        }
    }

    private void centred(String text, float size) throws IOException {
        for (String part : wrap(text, box.getWidth() - 2 * MARGIN, size)) {
            text(part, (box.getWidth() - width(part, size)) / 2, y - size, size);
            y -= size + 6;
        }
    }

    private void line(String text, float x, float size) throws IOException {
        text(text, x, y - size, size);
        y -= size + 6;
    }

    private void text(String text, float x, float baseline, float size) throws IOException {
        if (text.isEmpty()) {
            return;
        }
        cs.beginText();
        cs.setFont(font, size);
        cs.newLineAtOffset(x, baseline);
        cs.showText(printable(text));
        cs.endText();
    }

    private List<String> wrap(String text, float width) throws IOException {
        return wrap(text, width, SIZE);
    }

    /** Lines of {@code text} that fit {@code width}, breaking between characters (Chinese has no spaces). */
    private List<String> wrap(String text, float width, float size) throws IOException {
        var out = new ArrayList<String>();
        String clipped = text.length() > MAX_CELL ? text.substring(0, MAX_CELL) + "…" : text;
        for (String para : printable(clipped).split("\n", -1)) {
            var current = new StringBuilder();
            float used = 0;
            for (int i = 0; i < para.length(); ) {
                int cp = para.codePointAt(i);
                String ch = new String(Character.toChars(cp));
                float w = font.getStringWidth(ch) / 1000 * size;
                if (current.length() > 0 && used + w > width) {
                    out.add(current.toString());
                    current.setLength(0);
                    used = 0;
                }
                current.append(ch);
                used += w;
                i += ch.length();
            }
            out.add(current.toString());
        }
        return out;
    }

    private float width(String text, float size) throws IOException {
        return font.getStringWidth(printable(text)) / 1000 * size;
    }

    /** Characters the font lacks print as '?', control characters as a space; never an exception. */
    private String printable(String text) {
        var out = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> {
            if (cp == '\n') {
                out.append('\n');
            } else if (Character.isISOControl(cp)) {
                out.append(' ');
            } else if (safeGlyph(cp)) {
                out.appendCodePoint(cp);
            } else {
                out.append('?');
            }
        });
        return out.toString();
    }

    private boolean safeGlyph(int cp) {
        try {
            var cmap = ttf.getUnicodeCmapLookup();
            return cmap != null && cmap.getGlyphId(cp) > 0;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }
}
