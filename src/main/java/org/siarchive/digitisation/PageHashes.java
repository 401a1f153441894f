package org.siarchive.digitisation;

import java.util.Arrays;

/**
 * Duplicate pages: a 64-bit DCT perceptual hash finds candidates, a black-and-white thumbnail compared block
 * by block confirms them (pages of one form template share a pHash, not their names and numbers).
 */
final class PageHashes {

    static final int FP_W = 400;

    /** {@code cos((2i + 1) u π / 64)}: the DCT's basis, computed once. */
    private static final double[][] COS = new double[8][32];

    static {
        for (int u = 0; u < 8; u++) {
            for (int i = 0; i < 32; i++) {
                COS[u][i] = Math.cos((2 * i + 1) * u * Math.PI / 64);
            }
        }
    }

    private PageHashes() {}

    /** 64-bit perceptual hash: the signs of the low DCT frequencies of a 32 × 32 grey copy against their median. */
    static long phash(int[] grey, int w, int h) {
        double[][] px = resample(grey, w, h, 32, 32);
        double[][] dct = new double[8][8];
        for (int u = 0; u < 8; u++) {
            for (int v = 0; v < 8; v++) {
                double sum = 0;
                for (int x = 0; x < 32; x++) {
                    for (int y = 0; y < 32; y++) {
                        sum += px[y][x] * COS[u][x] * COS[v][y];
                    }
                }
                dct[u][v] = sum;
            }
        }
        double[] flat = new double[63];
        int k = 0;
        for (int u = 0; u < 8; u++) {
            for (int v = 0; v < 8; v++) {
                if (u + v > 0) {
                    flat[k++] = dct[u][v];
                }
            }
        }
        double[] sorted = flat.clone();
        Arrays.sort(sorted);
        double median = sorted[31];
        long bits = 0;
        for (int i = 0; i < 63; i++) {
            if (flat[i] > median) {
                bits |= 1L << i;
            }
        }
        return bits;
    }

    /**
     * A 400-pixel-wide black-and-white thumbnail, packed 8 pixels per byte after a 4-byte height:
     * confirms a pHash match (pages of one form template share a pHash, not their names and numbers).
     */
    static byte[] fingerprint(int[] grey, int w, int h, int fh) {
        double[][] px = AreaResample.of(grey, w, h, FP_W, fh);
        byte[] out = new byte[4 + (FP_W * fh + 7) / 8];
        java.nio.ByteBuffer.wrap(out).putInt(fh);
        for (int y = 0; y < fh; y++) {
            for (int x = 0; x < FP_W; x++) {
                if (px[y][x] < 160) {
                    int bit = y * FP_W + x;
                    out[4 + bit / 8] |= (byte) (1 << (bit % 8));
                }
            }
        }
        return out;
    }

    /**
     * The thumbnail's height for a page of {@code width × height} pixels: the page's aspect at 400 pixels
     * wide, computed as it was when the working copy was always 800 wide, so that fingerprints stored
     * before and after the working copy changed size stay comparable.
     */
    static int fingerprintHeight(int width, int height) {
        int h800 = Math.max(1, (int) Math.round((double) height * 800 / width));
        return Math.max(1, h800 * FP_W / 800);
    }

    private static double[][] resample(int[] grey, int w, int h, int tw, int th) {
        double[][] out = new double[th][tw];
        int[][] counts = new int[th][tw];
        for (int y = 0; y < h; y++) {
            int ty = Math.min(th - 1, y * th / h);
            for (int x = 0; x < w; x++) {
                int tx = Math.min(tw - 1, x * tw / w);
                out[ty][tx] += grey[y * w + x];
                counts[ty][tx]++;
            }
        }
        for (int y = 0; y < th; y++) {
            for (int x = 0; x < tw; x++) {
                out[y][x] = counts[y][x] == 0 ? 255 : out[y][x] / counts[y][x];
            }
        }
        return out;
    }

    static int hamming(long a, long b) {
        return Long.bitCount(a ^ b);
    }

    /**
     * The largest share of differing pixels in any 8 × 8 block of two fingerprints: a changed name or
     * number shows up in its block even when the rest of the page is the same form.
     */
    static double difference(byte[] a, byte[] b) {
        if (a.length != b.length || a.length < 4) {
            return 1;
        }
        int fh = java.nio.ByteBuffer.wrap(a).getInt();
        if (fh != java.nio.ByteBuffer.wrap(b).getInt()) {
            return 1;
        }
        double worst = 0;
        for (int by = 0; by + 8 <= fh; by += 8) {
            for (int bx = 0; bx + 8 <= FP_W; bx += 8) {
                int diff = 0;
                for (int y = by; y < by + 8; y++) {
                    for (int x = bx; x < bx + 8; x++) {
                        int bit = y * FP_W + x;
                        if (((a[4 + bit / 8] ^ b[4 + bit / 8]) & (1 << (bit % 8))) != 0) {
                            diff++;
                        }
                    }
                }
                worst = Math.max(worst, diff / 64.0);
            }
        }
        return worst;
    }

    /**
     * The largest block difference of two scans of one sheet. Measured on generated forms: the same sheet
     * scanned again with other speckles differs by at most 0.11 in a block, the same form filled in for
     * another person (one name character and an ID number's last digits) by 0.23 or more (ADR 0060).
     */
    static final double SAME_SHEET = 0.18;

    /** Two pages are the same sheet when their hashes are close and no block of their thumbnails differs. */
    static boolean duplicates(PageAnalysis a, PageAnalysis b) {
        return hamming(a.phash(), b.phash()) <= 10 && difference(a.fingerprint(), b.fingerprint()) < SAME_SHEET;
    }
}
