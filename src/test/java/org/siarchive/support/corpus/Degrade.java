package org.siarchive.support.corpus;

import java.awt.Color;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.Random;

/**
 * What a scanner, a fax line and a careless operator do to a sheet: rotation, speckle, blur, low contrast,
 * horizontal streaks; and how the result is stored (colour, grey, or bilevel by Otsu's threshold). All
 * seeded. Works on {@code TYPE_INT_RGB} images.
 */
final class Degrade {

    private Degrade() {}

    /** The sheet rotated by {@code degrees} (clockwise) about its centre, corners filled with the paper. */
    static BufferedImage rotate(BufferedImage img, double degrees) {
        if (degrees == 0) {
            return img;
        }
        var out = new BufferedImage(img.getWidth(), img.getHeight(), BufferedImage.TYPE_INT_RGB);
        var g = out.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.setColor(new Color(img.getRGB(2, img.getHeight() / 2)));
        g.fillRect(0, 0, out.getWidth(), out.getHeight());
        g.rotate(Math.toRadians(degrees), img.getWidth() / 2.0, img.getHeight() / 2.0);
        g.drawImage(img, 0, 0, null);
        g.dispose();
        return out;
    }

    /** Dark and pale dots of 1–2 px, {@code perMillion} of them per million pixels. */
    static void speckle(BufferedImage img, int perMillion, Random random) {
        long n = (long) img.getWidth() * img.getHeight() * perMillion / 1_000_000;
        for (long i = 0; i < n; i++) {
            int x = random.nextInt(img.getWidth() - 2);
            int y = random.nextInt(img.getHeight() - 2);
            int v = random.nextInt(3) == 0 ? 235 + random.nextInt(20) : random.nextInt(90);
            int size = 1 + random.nextInt(2);
            for (int dy = 0; dy < size; dy++) {
                for (int dx = 0; dx < size; dx++) {
                    img.setRGB(x + dx, y + dy, (v << 16) | (v << 8) | v);
                }
            }
        }
    }

    /** A 3 × 3 box blur, {@code passes} times. */
    static void blur(BufferedImage img, int passes) {
        int w = img.getWidth();
        int h = img.getHeight();
        int[] src = img.getRGB(0, 0, w, h, null, 0, w);
        int[] dst = new int[src.length];
        for (int p = 0; p < passes; p++) {
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    int r = 0;
                    int gr = 0;
                    int b = 0;
                    int n = 0;
                    for (int dy = -1; dy <= 1; dy++) {
                        int yy = y + dy;
                        if (yy < 0 || yy >= h) {
                            continue;
                        }
                        for (int dx = -1; dx <= 1; dx++) {
                            int xx = x + dx;
                            if (xx < 0 || xx >= w) {
                                continue;
                            }
                            int v = src[yy * w + xx];
                            r += (v >> 16) & 0xff;
                            gr += (v >> 8) & 0xff;
                            b += v & 0xff;
                            n++;
                        }
                    }
                    dst[y * w + x] = ((r / n) << 16) | ((gr / n) << 8) | (b / n);
                }
            }
            int[] t = src;
            src = dst;
            dst = t;
        }
        img.setRGB(0, 0, w, h, src, 0, w);
    }

    /** Maps black to {@code inkLevel} and white to {@code paperLevel} (a faded or badly exposed scan). */
    static void contrast(BufferedImage img, int inkLevel, int paperLevel) {
        int w = img.getWidth();
        int h = img.getHeight();
        int[] px = img.getRGB(0, 0, w, h, null, 0, w);
        for (int i = 0; i < px.length; i++) {
            int out = 0;
            for (int shift = 16; shift >= 0; shift -= 8) {
                int v = (px[i] >> shift) & 0xff;
                out |= (inkLevel + v * (paperLevel - inkLevel) / 255) << shift;
            }
            px[i] = out;
        }
        img.setRGB(0, 0, w, h, px, 0, w);
    }

    /** Horizontal bands a few pixels high, darker or paler: a fax line's streaks. */
    static void streaks(BufferedImage img, int count, Random random) {
        int w = img.getWidth();
        for (int i = 0; i < count; i++) {
            int y0 = random.nextInt(img.getHeight() - 6);
            int height = 1 + random.nextInt(4);
            int delta = random.nextBoolean() ? -(8 + random.nextInt(16)) : 15 + random.nextInt(20);
            for (int y = y0; y < y0 + height; y++) {
                for (int x = 0; x < w; x++) {
                    int v = img.getRGB(x, y);
                    int out = 0;
                    for (int shift = 16; shift >= 0; shift -= 8) {
                        int c = Math.max(0, Math.min(255, ((v >> shift) & 0xff) + delta));
                        out |= c << shift;
                    }
                    img.setRGB(x, y, out);
                }
            }
        }
    }

    /** The page stored as {@code COLOUR} (3-byte BGR), {@code GREY} (8-bit) or {@code BITONAL} (1-bit, Otsu). */
    static BufferedImage store(BufferedImage img, String colour) {
        int type =
                switch (colour) {
                    case "COLOUR" -> BufferedImage.TYPE_3BYTE_BGR;
                    case "GREY", "BITONAL" -> BufferedImage.TYPE_BYTE_GRAY;
                    default -> throw new IllegalArgumentException(colour);
                };
        var out = new BufferedImage(img.getWidth(), img.getHeight(), type);
        var g = out.createGraphics();
        g.drawImage(img, 0, 0, null);
        g.dispose();
        if (!colour.equals("BITONAL")) {
            return out;
        }
        var raster = out.getRaster();
        int w = out.getWidth();
        int h = out.getHeight();
        int[] grey = raster.getPixels(0, 0, w, h, (int[]) null);
        int threshold = otsu(grey);
        var bits = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_BINARY);
        var br = bits.getRaster();
        int[] row = new int[w];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                row[x] = grey[y * w + x] > threshold ? 1 : 0;
            }
            br.setPixels(0, y, w, 1, row);
        }
        return bits;
    }

    /** Otsu's threshold of 8-bit grey values. */
    static int otsu(int[] grey) {
        long[] hist = new long[256];
        for (int v : grey) {
            hist[v]++;
        }
        long total = grey.length;
        double sum = 0;
        for (int i = 0; i < 256; i++) {
            sum += (double) i * hist[i];
        }
        double sumB = 0;
        long wB = 0;
        double best = -1;
        int threshold = 128;
        for (int t = 0; t < 256; t++) {
            wB += hist[t];
            if (wB == 0) {
                continue;
            }
            long wF = total - wB;
            if (wF == 0) {
                break;
            }
            sumB += (double) t * hist[t];
            double mB = sumB / wB;
            double mF = (sum - sumB) / wF;
            double between = (double) wB * wF * (mB - mF) * (mB - mF);
            if (between > best) {
                best = between;
                threshold = t;
            }
        }
        return threshold;
    }
}
