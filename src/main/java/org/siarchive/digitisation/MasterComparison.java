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
    static final int MAX_UNEXPLAINED = 2;
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
        return unexplained(a, b, Integer.MAX_VALUE);
    }

    static boolean sameSheet(Sheet a, Sheet b) {
        return unexplained(a, b, MAX_UNEXPLAINED) <= MAX_UNEXPLAINED;
    }

    /** Local shifts nearest first: most blocks of a rescan agree at the page's global shift. */
    private static final int[][] LOCAL = localShifts();

    private static int[][] localShifts() {
        var out = new java.util.ArrayList<int[]>();
        for (int dy = -LOCAL_SHIFT - 1; dy <= LOCAL_SHIFT + 1; dy++) {
            for (int dx = -LOCAL_SHIFT - 1; dx <= LOCAL_SHIFT + 1; dx++) {
                out.add(new int[] {dx, dy});
            }
        }
        out.sort(java.util.Comparator.comparingInt(d -> d[0] * d[0] + d[1] * d[1]));
        return out.toArray(int[][]::new);
    }

    /** As {@link #unexplained(Sheet, Sheet)}, giving up as soon as one block exceeds {@code stopAbove}. */
    static int unexplained(Sheet a, Sheet b, int stopAbove) {
        if (a.w() != b.w() || Math.abs(a.h() - b.h()) > a.h() / 50 + 2) {
            return Integer.MAX_VALUE;
        }
        int w = a.w();
        int h = Math.min(a.h(), b.h());
        int[] shift = {0, 0};
        // the page's shift, coarse to fine: every 4 pixels, then every pixel around the best
        bestShift(a, b, w, h, shift, -GLOBAL_SHIFT, GLOBAL_SHIFT, 4);
        bestShift(a, b, w, h, shift, -3, 3, 1);
        int gx = shift[0];
        int gy = shift[1];
        int m = GLOBAL_SHIFT + LOCAL_SHIFT + 2;
        int worst = 0;
        for (int by = m; by + BLOCK <= h - m; by += BLOCK) {
            for (int bx = m; bx + BLOCK <= w - m; bx += BLOCK) {
                long local = Long.MAX_VALUE;
                for (int k = 0; k < LOCAL.length && local > 0; k++) {
                    int dx = gx + LOCAL[k][0];
                    int dy = gy + LOCAL[k][1];
                    local = Math.min(local, count(a, b, bx, by, bx + BLOCK, by + BLOCK, dx, dy, 1));
                }
                worst = (int) Math.max(worst, local);
                if (worst > stopAbove) {
                    return worst;
                }
            }
        }
        return worst;
    }

    /** The shift of b within {@code from..to} (step {@code step}) of {@code shift} that explains most ink. */
    private static void bestShift(Sheet a, Sheet b, int w, int h, int[] shift, int from, int to, int step) {
        int cx = shift[0];
        int cy = shift[1];
        long best = Long.MAX_VALUE;
        int m = GLOBAL_SHIFT + 4;
        for (int dy = from; dy <= to; dy += step) {
            for (int dx = from; dx <= to; dx += step) {
                int x = Math.max(-GLOBAL_SHIFT, Math.min(GLOBAL_SHIFT, cx + dx));
                int y = Math.max(-GLOBAL_SHIFT, Math.min(GLOBAL_SHIFT, cy + dy));
                long c = count(a, b, m, m, w - m, h - m, x, y, 5);
                if (c < best) {
                    best = c;
                    shift[0] = x;
                    shift[1] = y;
                }
            }
        }
    }

    /** A prepared sheet stored with its page ({@code scan_page.sheet}): size, then both bitmaps, deflated. */
    static byte[] encode(Sheet s) {
        int n = s.w() * s.h();
        byte[] raw = new byte[8 + 2 * ((n + 7) / 8)];
        java.nio.ByteBuffer.wrap(raw).putInt(s.w()).putInt(s.h());
        for (int i = 0; i < n; i++) {
            if (s.ink()[i]) {
                raw[8 + i / 8] |= (byte) (1 << (i % 8));
            }
            if (s.grown()[i]) {
                raw[8 + (n + 7) / 8 + i / 8] |= (byte) (1 << (i % 8));
            }
        }
        var deflater = new java.util.zip.Deflater(java.util.zip.Deflater.BEST_SPEED);
        try {
            deflater.setInput(raw);
            deflater.finish();
            var out = new java.io.ByteArrayOutputStream(raw.length / 8);
            byte[] buf = new byte[8192];
            while (!deflater.finished()) {
                out.write(buf, 0, deflater.deflate(buf));
            }
            return out.toByteArray();
        } finally {
            deflater.end();
        }
    }

    static Sheet decode(byte[] stored) throws java.util.zip.DataFormatException {
        var inflater = new java.util.zip.Inflater();
        try {
            inflater.setInput(stored);
            byte[] head = new byte[8];
            inflater.inflate(head);
            var hb = java.nio.ByteBuffer.wrap(head);
            int w = hb.getInt();
            int h = hb.getInt();
            int n = w * h;
            byte[] bits = new byte[2 * ((n + 7) / 8)];
            int off = 0;
            while (off < bits.length && !inflater.finished()) {
                off += inflater.inflate(bits, off, bits.length - off);
            }
            boolean[] ink = new boolean[n];
            boolean[] grown = new boolean[n];
            for (int i = 0; i < n; i++) {
                ink[i] = (bits[i / 8] & (1 << (i % 8))) != 0;
                grown[i] = (bits[(n + 7) / 8 + i / 8] & (1 << (i % 8))) != 0;
            }
            return new Sheet(ink, grown, w, h);
        } finally {
            inflater.end();
        }
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
