package org.siarchive.digitisation;

/**
 * Adaptive binarisation for pages of poor contrast (carbon copies, faxes, stained paper): Sauvola's local
 * threshold {@code T = m · (1 + k · (s / 128 − 1))} over a window of about 1/30 of the page width, with the
 * local mean {@code m} and deviation {@code s} computed from integral images over small blocks and the
 * threshold interpolated between block centres, so a page costs two passes over its pixels.
 */
final class Binarisation {

    static final double K = 0.2;

    private Binarisation() {}

    /**
     * Contrast of a page: the spread between the median of its ink and the median of its paper, the two
     * classes split by Otsu's threshold (a clean print is about 220, a carbon copy or fax under 100).
     */
    static int contrast(GreyPage page) {
        long[] hist = page.histogram();
        int t = page.otsu();
        return median(hist, t, 256) - median(hist, 0, t);
    }

    private static int median(long[] hist, int from, int to) {
        long n = 0;
        for (int v = from; v < to; v++) {
            n += hist[v];
        }
        long seen = 0;
        for (int v = from; v < to; v++) {
            seen += hist[v];
            if (2 * seen >= n) {
                return v;
            }
        }
        return from;
    }

    /** Replaces {@code page}'s pixels by black (0) and white (255) after Sauvola's threshold. */
    static void sauvola(GreyPage page, double k) {
        int window = Math.max(15, page.w / 30);
        int block = Math.max(4, window / 5);
        int bw = (page.w + block - 1) / block;
        int bh = (page.h + block - 1) / block;
        double[] s1 = new double[(bw + 1) * (bh + 1)];
        double[] s2 = new double[(bw + 1) * (bh + 1)];
        long[] n = new long[(bw + 1) * (bh + 1)];
        blockSums(page, block, bw, s1, s2, n);
        integrate(s1, bw + 1, bh + 1);
        integrate(s2, bw + 1, bh + 1);
        integrate(n, bw + 1, bh + 1);
        float[] t = new float[bw * bh];
        int r = 2;
        for (int by = 0; by < bh; by++) {
            for (int bx = 0; bx < bw; bx++) {
                int x0 = Math.max(0, bx - r);
                int y0 = Math.max(0, by - r);
                int x1 = Math.min(bw, bx + r + 1);
                int y1 = Math.min(bh, by + r + 1);
                double cnt = box(n, bw + 1, x0, y0, x1, y1);
                double m = box(s1, bw + 1, x0, y0, x1, y1) / cnt;
                double var = box(s2, bw + 1, x0, y0, x1, y1) / cnt - m * m;
                double s = Math.sqrt(Math.max(0, var));
                t[by * bw + bx] = (float) (m * (1 + k * (s / 128 - 1)));
            }
        }
        apply(page, t, block, bw, bh);
    }

    private static void blockSums(GreyPage page, int block, int bw, double[] s1, double[] s2, long[] n) {
        int stride = bw + 1;
        for (int y = 0; y < page.h; y++) {
            int by = y / block + 1;
            int o = y * page.w;
            for (int x = 0; x < page.w; x++) {
                int v = page.px[o + x] & 0xff;
                int i = by * stride + x / block + 1;
                s1[i] += v;
                s2[i] += v * v;
                n[i]++;
            }
        }
    }

    private static void integrate(double[] a, int w, int h) {
        for (int y = 1; y < h; y++) {
            for (int x = 1; x < w; x++) {
                a[y * w + x] += a[(y - 1) * w + x] + a[y * w + x - 1] - a[(y - 1) * w + x - 1];
            }
        }
    }

    private static void integrate(long[] a, int w, int h) {
        for (int y = 1; y < h; y++) {
            for (int x = 1; x < w; x++) {
                a[y * w + x] += a[(y - 1) * w + x] + a[y * w + x - 1] - a[(y - 1) * w + x - 1];
            }
        }
    }

    private static double box(double[] a, int w, int x0, int y0, int x1, int y1) {
        return a[y1 * w + x1] - a[y0 * w + x1] - a[y1 * w + x0] + a[y0 * w + x0];
    }

    private static double box(long[] a, int w, int x0, int y0, int x1, int y1) {
        return a[y1 * w + x1] - a[y0 * w + x1] - a[y1 * w + x0] + a[y0 * w + x0];
    }

    /** Thresholds each pixel with the bilinear interpolation of its four nearest block thresholds. */
    private static void apply(GreyPage page, float[] t, int block, int bw, int bh) {
        for (int y = 0; y < page.h; y++) {
            double fy = Math.max(0, Math.min(bh - 1, (y + 0.5) / block - 0.5));
            int y0 = (int) fy;
            int y1 = Math.min(bh - 1, y0 + 1);
            double ay = fy - y0;
            int o = y * page.w;
            for (int x = 0; x < page.w; x++) {
                double fx = Math.max(0, Math.min(bw - 1, (x + 0.5) / block - 0.5));
                int x0 = (int) fx;
                int x1 = Math.min(bw - 1, x0 + 1);
                double ax = fx - x0;
                double top = t[y0 * bw + x0] * (1 - ax) + t[y0 * bw + x1] * ax;
                double bottom = t[y1 * bw + x0] * (1 - ax) + t[y1 * bw + x1] * ax;
                double threshold = top * (1 - ay) + bottom * ay;
                page.px[o + x] = (page.px[o + x] & 0xff) < threshold ? 0 : (byte) 255;
            }
        }
    }
}
