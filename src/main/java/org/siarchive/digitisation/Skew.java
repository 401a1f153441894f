package org.siarchive.digitisation;

/**
 * The angle that makes the text lines horizontal: the projection of the dark pixels onto the vertical
 * axis, rotated by each candidate angle, is sharpest (largest sum of squared row counts) at the lines'
 * angle. Coarse search over ±8° in 0.25° steps, then ±0.25° in 0.02° steps (DA/T 31-2017 skew check).
 */
final class Skew {

    private Skew() {}

    /** The dark pixels of the working copy, sampled so that a search scores at most about 60,000 of them. */
    private record Ink(int[] xs, int[] ys, int n, int step, int w, int h) {}

    /** Degrees, rounded to 0.01; 0 when the page has too little ink to tell. */
    static double measure(int[] grey, int w, int h) {
        var ink = ink(grey, w, h);
        if (ink.n() < 50) {
            return 0;
        }
        // the coarse search only finds the neighbourhood: a third of the samples is enough for it
        var sparse = new Ink(ink.xs(), ink.ys(), ink.n(), ink.step() * 3, ink.w(), ink.h());
        var coarse = search(sparse, -8, 8.0001, 0.25, new Best(0, -1));
        var start = new Best(coarse.degrees(), profileScore(ink, coarse.degrees()));
        var fine = search(ink, coarse.degrees() - 0.25, coarse.degrees() + 0.2501, 0.02, start);
        return Math.round(fine.degrees() * 100) / 100.0;
    }

    private record Best(double degrees, double score) {}

    private static Ink ink(int[] grey, int w, int h) {
        int n = 0;
        int[] xs = new int[grey.length];
        int[] ys = new int[grey.length];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                if (grey[y * w + x] < 128) {
                    xs[n] = x;
                    ys[n] = y;
                    n++;
                }
            }
        }
        return new Ink(xs, ys, n, Math.max(1, n / 60_000), w, h);
    }

    /** The best angle from {@code from} to {@code to}, starting from what an earlier search found. */
    private static Best search(Ink ink, double from, double to, double by, Best start) {
        var best = start;
        for (double a = from; a <= to; a += by) {
            double s = profileScore(ink, a);
            if (s > best.score()) {
                best = new Best(a, s);
            }
        }
        return best;
    }

    private static double profileScore(Ink ink, double degrees) {
        double t = Math.toRadians(degrees);
        double sin = Math.sin(t);
        double cos = Math.cos(t);
        int offset = ink.w() + 2;
        double[] rows = new double[ink.h() + 2 * offset + 1];
        for (int i = 0; i < ink.n(); i += ink.step()) {
            // each pixel shared between the two rows it falls between: the score changes smoothly with the
            // angle, so the best angle does not jump with how the page happened to be scaled
            double r = ink.ys()[i] * cos - ink.xs()[i] * sin + offset;
            int r0 = (int) r; // r > 0: the offset exceeds the largest shift
            if (r0 >= 0 && r0 + 1 < rows.length) {
                double frac = r - r0;
                rows[r0] += 1 - frac;
                rows[r0 + 1] += frac;
            }
        }
        double score = 0;
        for (double c : rows) {
            score += c * c;
        }
        return score;
    }
}
