package org.siarchive.digitisation;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;

/**
 * An 8-bit grey working copy of a page for OCR preparation: one byte per pixel, 0 black, 255 white. Colour
 * pages are converted with the seal separation of {@link SealRemoval} when asked; the master is never touched.
 */
final class GreyPage {

    final int w;
    final int h;
    final byte[] px;

    GreyPage(int w, int h, byte[] px) {
        this.w = w;
        this.h = h;
        this.px = px;
    }

    int at(int x, int y) {
        return px[y * w + x] & 0xff;
    }

    /** Luminance of each pixel (ITU-R BT.601), or the red-separated grey when {@code removeRed}. */
    static GreyPage of(BufferedImage image, boolean removeRed) {
        int w = image.getWidth();
        int h = image.getHeight();
        byte[] px = new byte[w * h];
        if (image.getType() == BufferedImage.TYPE_BYTE_GRAY) {
            var raster = image.getRaster();
            raster.getDataElements(0, 0, w, h, px);
            return new GreyPage(w, h, px);
        }
        var seal = removeRed ? SealRemoval.measure(image) : null;
        int[] row = new int[w];
        for (int y = 0; y < h; y++) {
            image.getRGB(0, y, w, 1, row, 0, w);
            int o = y * w;
            for (int x = 0; x < w; x++) {
                int c = row[x];
                int r = (c >> 16) & 0xff;
                int g = (c >> 8) & 0xff;
                int b = c & 0xff;
                px[o + x] = (byte) (seal != null ? seal.grey(r, g, b) : (r * 299 + g * 587 + b * 114) / 1000);
            }
        }
        return new GreyPage(w, h, px);
    }

    BufferedImage toImage() {
        var out = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
        byte[] data = ((DataBufferByte) out.getRaster().getDataBuffer()).getData();
        System.arraycopy(px, 0, data, 0, px.length);
        return out;
    }

    /** The page enlarged by {@code factor} with bicubic interpolation. */
    GreyPage scaled(double factor) {
        int nw = (int) Math.round(w * factor);
        int nh = (int) Math.round(h * factor);
        var out = new BufferedImage(nw, nh, BufferedImage.TYPE_BYTE_GRAY);
        var g = out.createGraphics();
        g.setRenderingHint(
                java.awt.RenderingHints.KEY_INTERPOLATION, java.awt.RenderingHints.VALUE_INTERPOLATION_BICUBIC);
        g.drawImage(toImage(), 0, 0, nw, nh, null);
        g.dispose();
        return new GreyPage(nw, nh, ((DataBufferByte) out.getRaster().getDataBuffer()).getData());
    }

    /** The {@code p}-th percentile (0–100) of the grey values. */
    int percentile(double p) {
        long[] hist = histogram();
        long target = (long) Math.ceil(px.length * p / 100.0);
        long seen = 0;
        for (int v = 0; v < 256; v++) {
            seen += hist[v];
            if (seen >= target) {
                return v;
            }
        }
        return 255;
    }

    long[] histogram() {
        long[] hist = new long[256];
        for (byte b : px) {
            hist[b & 0xff]++;
        }
        return hist;
    }

    /** Otsu's global threshold: pixels below it are ink. */
    int otsu() {
        long[] hist = histogram();
        long total = px.length;
        double sum = 0;
        for (int v = 0; v < 256; v++) {
            sum += (double) v * hist[v];
        }
        double sumB = 0;
        long wB = 0;
        double best = -1;
        int threshold = 128;
        for (int v = 0; v < 256; v++) {
            wB += hist[v];
            if (wB == 0) {
                continue;
            }
            long wF = total - wB;
            if (wF == 0) {
                break;
            }
            sumB += (double) v * hist[v];
            double mB = sumB / wB;
            double mF = (sum - sumB) / wF;
            double between = (double) wB * wF * (mB - mF) * (mB - mF);
            if (between > best) {
                best = between;
                threshold = v + 1;
            }
        }
        return threshold;
    }

    /** Ink mask: true where the pixel is darker than {@code threshold}. */
    boolean[] ink(int threshold) {
        boolean[] ink = new boolean[px.length];
        for (int i = 0; i < px.length; i++) {
            ink[i] = (px[i] & 0xff) < threshold;
        }
        return ink;
    }
}
