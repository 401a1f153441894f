package org.siarchive.support.corpus;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.Polygon;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.util.Random;

/**
 * A red official seal (公章): ring, five-pointed star, the organisation's name curved along the upper arc
 * and a straight caption below the star. Stamped by multiplying, as ink does: text under the seal stays
 * dark, paper turns red; the ink is uneven (seeded holes and pale patches). Its text is not a reading
 * target and is in no segment.
 */
final class Seal {

    private Seal() {}

    static void stamp(
            Sheet s, double cxMm, double cyMm, double radiusMm, String arcText, String caption, Random random) {
        int r = s.px(radiusMm);
        int size = 2 * r + 8;
        var layer = new BufferedImage(size, size, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = layer.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        var red = new Color(200 + random.nextInt(30), 20 + random.nextInt(30), 30 + random.nextInt(30));
        g.setColor(red);
        int c = size / 2;
        float ring = s.px(1.1);
        g.setStroke(new BasicStroke(ring));
        g.drawOval(c - r + (int) ring / 2, c - r + (int) ring / 2, 2 * r - (int) ring, 2 * r - (int) ring);
        star(g, c, c, r * 0.28);
        double arc = Math.toRadians(230);
        int n = arcText.length();
        double perCharMm = radiusMm * 0.72 * arc / n;
        Font arcFont = s.font(Sheet.FAMILIES[0], Math.min(perCharMm * 0.85, radiusMm * 0.3) * 72 / 25.4, true);
        g.setFont(arcFont);
        for (int i = 0; i < n; i++) {
            double a = -Math.PI / 2 - arc / 2 + arc * (i + 0.5) / n;
            var t = new AffineTransform();
            t.translate(c + Math.cos(a) * r * 0.72, c + Math.sin(a) * r * 0.72);
            t.rotate(a + Math.PI / 2);
            var old = g.getTransform();
            g.transform(t);
            var fm = g.getFontMetrics();
            String ch = arcText.substring(i, i + 1);
            g.drawString(ch, -fm.stringWidth(ch) / 2f, fm.getAscent() / 2f);
            g.setTransform(old);
        }
        g.setFont(s.font(Sheet.FAMILIES[0], radiusMm * 0.22 * 72 / 25.4, true));
        var fm = g.getFontMetrics();
        g.drawString(caption, c - fm.stringWidth(caption) / 2f, (float) (c + r * 0.62));
        g.dispose();
        multiply(s.image, layer, s.px(cxMm) - c, s.px(cyMm) - c, random);
    }

    private static void star(Graphics2D g, int cx, int cy, double outer) {
        var p = new Polygon();
        for (int i = 0; i < 10; i++) {
            double rad = i % 2 == 0 ? outer : outer * 0.4;
            double a = -Math.PI / 2 + i * Math.PI / 5;
            p.addPoint((int) Math.round(cx + Math.cos(a) * rad), (int) Math.round(cy + Math.sin(a) * rad));
        }
        g.fill(p);
    }

    /** page × seal per channel, with the seal's alpha thinned at random (uneven ink). */
    private static void multiply(BufferedImage page, BufferedImage layer, int ox, int oy, Random random) {
        for (int y = 0; y < layer.getHeight(); y++) {
            int py = oy + y;
            if (py < 0 || py >= page.getHeight()) {
                continue;
            }
            for (int x = 0; x < layer.getWidth(); x++) {
                int px = ox + x;
                int argb = layer.getRGB(x, y);
                int a = argb >>> 24;
                if (a == 0 || px < 0 || px >= page.getWidth()) {
                    continue;
                }
                double alpha = a / 255.0 * (random.nextInt(9) == 0 ? 0.45 : 0.95);
                int base = page.getRGB(px, py);
                int out = 0;
                for (int shift = 16; shift >= 0; shift -= 8) {
                    int b = (base >> shift) & 0xff;
                    int sc = (argb >> shift) & 0xff;
                    int m = b * sc / 255;
                    out |= ((int) Math.round(b + (m - b) * alpha)) << shift;
                }
                page.setRGB(px, py, out);
            }
        }
    }
}
