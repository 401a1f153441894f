package org.siarchive.support.corpus;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.font.FontRenderContext;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * An A4 sheet being drawn, addressed in millimetres: every machine-printed string drawn through {@link
 * #text} is recorded as one ground-truth segment; {@link #mark} draws without recording (seal text,
 * checkbox glyphs). Ink and paper colours and the stroke weight are the sheet's, so a layout can look like
 * a carbon copy without drawing differently.
 */
final class Sheet {

    /** The installed CJK families (fonts-wqy-zenhei); every page picks one for its body, one for titles. */
    static final String[] FAMILIES = {"WenQuanYi Zen Hei", "WenQuanYi Zen Hei Sharp", "WenQuanYi Zen Hei Mono"};

    final int dpi;
    final double widthMm;
    final double heightMm;
    final BufferedImage image;
    final Graphics2D g;
    final Random random;
    final String bodyFamily;
    final String titleFamily;
    private final List<String> segments = new ArrayList<>();
    private Color ink = new Color(20, 20, 20);
    private float extraStroke;

    Sheet(int dpi, boolean landscape, Random random) {
        this.dpi = dpi;
        this.widthMm = landscape ? 297 : 210;
        this.heightMm = landscape ? 210 : 297;
        this.random = random;
        this.bodyFamily = FAMILIES[random.nextInt(FAMILIES.length)];
        this.titleFamily = FAMILIES[random.nextInt(FAMILIES.length)];
        this.image = new BufferedImage(px(widthMm), px(heightMm), BufferedImage.TYPE_INT_RGB);
        this.g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
        paper(Color.WHITE);
    }

    int px(double mm) {
        return (int) Math.round(mm * dpi / 25.4);
    }

    void paper(Color c) {
        g.setColor(c);
        g.fillRect(0, 0, image.getWidth(), image.getHeight());
    }

    void ink(Color c) {
        this.ink = c;
    }

    Color ink() {
        return ink;
    }

    /** Extra outline in pixels around every glyph and line: the fat strokes of a carbon copy. */
    void thicken(float px) {
        this.extraStroke = px;
    }

    Font body(double pt) {
        return font(bodyFamily, pt, false);
    }

    Font bold(double pt) {
        return font(titleFamily, pt, true);
    }

    Font font(String family, double pt, boolean bold) {
        return new Font(family, bold ? Font.BOLD : Font.PLAIN, 1).deriveFont((float) (pt * dpi / 72.0));
    }

    /** Width of {@code s} in millimetres. */
    double width(String s, Font f) {
        var frc = new FontRenderContext(new AffineTransform(), true, true);
        return f.getStringBounds(s, frc).getWidth() * 25.4 / dpi;
    }

    /** Printed text at baseline {@code (x, y)} mm: one ground-truth segment. */
    void text(String s, double x, double y, Font f) {
        segments.add(s);
        mark(s, x, y, f, ink);
    }

    void centred(String s, double cx, double y, Font f) {
        text(s, cx - width(s, f) / 2, y, f);
    }

    void right(String s, double rx, double y, Font f) {
        text(s, rx - width(s, f), y, f);
    }

    /** Text in a cell {@code (x, y, w, h)} mm, vertically centred, left-aligned with a small inset. */
    void cell(String s, double x, double y, double w, double h, Font f, boolean centre) {
        double base = y + h / 2 + f.getSize2D() * 25.4 / dpi * 0.36;
        if (centre) {
            centred(s, x + w / 2, base, f);
        } else {
            text(s, x + 1.6, base, f);
        }
    }

    /** Records a segment that the caller draws itself (dot-matrix print). */
    void segment(String s) {
        segments.add(s);
    }

    /** Drawn but not a reading target (seal text, checkbox glyphs). */
    void mark(String s, double x, double y, Font f, Color c) {
        g.setColor(c);
        g.setFont(f);
        if (extraStroke > 0) {
            var shape = f.createGlyphVector(g.getFontRenderContext(), s).getOutline(mmX(x), mmX(y));
            g.setStroke(new BasicStroke(extraStroke));
            g.fill(shape);
            g.draw(shape);
        } else {
            g.drawString(s, mmX(x), mmX(y));
        }
    }

    private float mmX(double mm) {
        return (float) (mm * dpi / 25.4);
    }

    /** A ruling line {@code weightPx} pixels wide. */
    void line(double x1, double y1, double x2, double y2, float weightPx) {
        g.setColor(ink);
        g.setStroke(new BasicStroke(weightPx + extraStroke, BasicStroke.CAP_SQUARE, BasicStroke.JOIN_MITER));
        g.drawLine(px(x1), px(y1), px(x2), px(y2));
    }

    void box(double x, double y, double w, double h, float weightPx) {
        line(x, y, x + w, y, weightPx);
        line(x, y + h, x + w, y + h, weightPx);
        line(x, y, x, y + h, weightPx);
        line(x + w, y, x + w, y + h, weightPx);
    }

    /** The segments drawn so far, in drawing order. */
    List<String> segments() {
        return List.copyOf(segments);
    }

    void dispose() {
        g.dispose();
    }
}
