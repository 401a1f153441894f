package org.siarchive.digitisation;

import java.awt.RenderingHints;
import java.awt.image.BufferedImage;

/**
 * The decisive check of a suspected repeat: the two master images, levelled by their measured skew and
 * scaled to {@value #WIDTH} pixels wide (about 120 dpi on A4), compared block by block, each block allowed
 * its own small shift, so a rescan (other resolution, format, noise, a degree of rotation) matches while
 * another person's name or number on the same form leaves ink unexplained (docs/adr/0063). The
 * 400-pixel fingerprint cannot tell two fillings of one form apart; this can (measured: a rescan leaves 0
 * unexplained pixels in its worst block, one changed digit of an ID number 9 or more).
 */
final class MasterComparison {

    static final int WIDTH = 1000;
    static final int BLOCK = 24;
    static final int LOCAL_SHIFT = 5;
    static final int GLOBAL_SHIFT = 12;
    /** Ink pixels of one block that the other page does not explain within a pixel. */
    static final int MAX_UNEXPLAINED = 4;
    /** Clear ink must be met by at least faint ink on the other page (blur and thin strokes differ by scan). */
    static final int STRONG = 110;

    static final int FAINT = 215;

    /** A master prepared for comparison: clear ink, faint ink grown by a pixel, size. */
    record Sheet(boolean[] ink, boolean[] grown, int w, int h) {}

    private MasterComparison() {}

    /** A master file read at about twice the comparison width (source subsampling: no full-size copy). */
    static Sheet read(java.nio.file.Path file, double skewDegrees) throws java.io.IOException {
        try (var in = javax.imageio.ImageIO.createImageInputStream(file.toFile())) {
            var readers = javax.imageio.ImageIO.getImageReaders(in);
            if (in == null || !readers.hasNext()) {
                throw new java.io.IOException("not an image this platform can read");
            }
            var reader = readers.next();
            try {
                reader.setInput(in, true, true);
                var param = reader.getDefaultReadParam();
                int step = Math.max(1, reader.getWidth(0) / (2 * WIDTH));
                param.setSourceSubsampling(step, step, 0, 0);
                return sheet(reader.read(0, param), skewDegrees);
            } finally {
                reader.dispose();
            }
        }
    }

    static Sheet sheet(BufferedImage image, double skewDegrees) {
        int w = WIDTH;
        int h = Math.max(1, (int) Math.round((double) image.getHeight() * w / image.getWidth()));
        var small = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
        var g = small.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
        g.setColor(java.awt.Color.WHITE);
        g.fillRect(0, 0, w, h);
        // level the page: turn it back by the skew it measured, about its centre
        g.rotate(Math.toRadians(-skewDegrees), w / 2.0, h / 2.0);
        g.drawImage(image, 0, 0, w, h, null);
        g.dispose();
        byte[] grey = ((java.awt.image.DataBufferByte) small.getRaster().getDataBuffer()).getData();
        boolean[] ink = new boolean[w * h];
        boolean[] faint = new boolean[w * h];
        for (int i = 0; i < ink.length; i++) {
            ink[i] = (grey[i] & 0xff) < STRONG;
            faint[i] = (grey[i] & 0xff) < FAINT;
        }
        return new Sheet(ink, grow(faint, w, h), w, h);
    }

    /** The largest count of unexplained ink pixels in any block at its best shift; large when unlike. */
    static int unexplained(Sheet a, Sheet b) {
        if (Math.abs(a.h() - b.h()) > a.h() / 50 + 2) {
            return Integer.MAX_VALUE;
        }
        int w = a.w();
        int h = Math.min(a.h(), b.h());
        int gx = 0;
        int gy = 0;
        long best = Long.MAX_VALUE;
        for (int dy = -GLOBAL_SHIFT; dy <= GLOBAL_SHIFT; dy += 2) {
            for (int dx = -GLOBAL_SHIFT; dx <= GLOBAL_SHIFT; dx += 2) {
                long c = count(a, b, GLOBAL_SHIFT, GLOBAL_SHIFT, w - GLOBAL_SHIFT, h - GLOBAL_SHIFT, dx, dy, 4);
                if (c < best) {
                    best = c;
                    gx = dx;
                    gy = dy;
                }
            }
        }
        int m = GLOBAL_SHIFT + LOCAL_SHIFT + 2;
        int worst = 0;
        for (int by = m; by + BLOCK <= h - m; by += BLOCK) {
            for (int bx = m; bx + BLOCK <= w - m; bx += BLOCK) {
                long local = Long.MAX_VALUE;
                for (int dy = gy - LOCAL_SHIFT - 1; dy <= gy + LOCAL_SHIFT + 1 && local > 0; dy++) {
                    for (int dx = gx - LOCAL_SHIFT - 1; dx <= gx + LOCAL_SHIFT + 1 && local > 0; dx++) {
                        local = Math.min(local, count(a, b, bx, by, bx + BLOCK, by + BLOCK, dx, dy, 1));
                    }
                }
                worst = (int) Math.max(worst, local);
            }
        }
        return worst;
    }

    static boolean sameSheet(Sheet a, Sheet b) {
        return unexplained(a, b) <= MAX_UNEXPLAINED;
    }

    private static long count(Sheet a, Sheet b, int x0, int y0, int x1, int y1, int dx, int dy, int step) {
        int w = a.w();
        long c = 0;
        for (int y = y0; y < y1; y += step) {
            int ra = y * w;
            int rb = (y + dy) * w + dx;
            for (int x = x0; x < x1; x++) {
                if ((a.ink()[ra + x] && !b.grown()[rb + x]) || (b.ink()[rb + x] && !a.grown()[ra + x])) {
                    c++;
                }
            }
        }
        return c;
    }

    private static boolean[] grow(boolean[] px, int w, int h) {
        boolean[] out = new boolean[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                if (px[y * w + x]) {
                    for (int yy = Math.max(0, y - 1); yy <= Math.min(h - 1, y + 1); yy++) {
                        for (int xx = Math.max(0, x - 1); xx <= Math.min(w - 1, x + 1); xx++) {
                            out[yy * w + xx] = true;
                        }
                    }
                }
            }
        }
        return out;
    }
}
