package org.siarchive.digitisation;

/**
 * Area averaging of a grey working copy to a given size: each target pixel is the mean of the source area
 * it covers, source pixels on a border shared by their overlap. The fingerprint thumbnail is made this way,
 * so it looks the same whatever the working copy's width (an uneven split of 826 columns into 400 buckets
 * of 2 or 3 would shift strokes from block to block).
 */
final class AreaResample {

    private AreaResample() {}

    /** One axis: for each source index, the first target index it touches and its overlaps with each. */
    private record Axis(int[] first, double[][] overlap, double[] total) {

        static Axis of(int n, int tn) {
            int[] first = new int[n];
            double[][] overlap = new double[n][];
            double[] total = new double[tn];
            for (int i = 0; i < n; i++) {
                double a = (double) i * tn / n;
                double b = (double) (i + 1) * tn / n;
                int t0 = Math.min(tn - 1, (int) a);
                int t1 = Math.min(tn - 1, (int) Math.ceil(b) - 1);
                first[i] = t0;
                overlap[i] = new double[t1 - t0 + 1];
                for (int t = t0; t <= t1; t++) {
                    double o = Math.min(b, t + 1) - Math.max(a, t);
                    overlap[i][t - t0] = o;
                    total[t] += o;
                }
            }
            return new Axis(first, overlap, total);
        }
    }

    static double[][] of(int[] grey, int w, int h, int tw, int th) {
        var xs = Axis.of(w, tw);
        var ys = Axis.of(h, th);
        double[][] out = new double[th][tw];
        double[] row = new double[tw];
        for (int y = 0; y < h; y++) {
            java.util.Arrays.fill(row, 0);
            int base = y * w;
            for (int x = 0; x < w; x++) {
                double v = grey[base + x];
                double[] o = xs.overlap()[x];
                int t = xs.first()[x];
                for (int k = 0; k < o.length; k++) {
                    row[t + k] += v * o[k];
                }
            }
            double[] oy = ys.overlap()[y];
            for (int k = 0; k < oy.length; k++) {
                double[] target = out[ys.first()[y] + k];
                for (int tx = 0; tx < tw; tx++) {
                    target[tx] += row[tx] * oy[k];
                }
            }
        }
        for (int ty = 0; ty < th; ty++) {
            for (int tx = 0; tx < tw; tx++) {
                double area = xs.total()[tx] * ys.total()[ty];
                out[ty][tx] = area == 0 ? 255 : out[ty][tx] / area;
            }
        }
        return out;
    }
}
