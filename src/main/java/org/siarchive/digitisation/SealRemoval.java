package org.siarchive.digitisation;

import java.awt.image.BufferedImage;

/**
 * Red seals (公章) and red headers separated by colour on colour scans: a pixel whose red clearly dominates
 * its green and blue is seal ink. Seal ink over paper becomes white; where the seal lies over printed text
 * the pixel's red channel is darker than the seal's own, so its grey value is the distance below the
 * seal's red level, stretched — text under a seal stays dark. Grey and bilevel scans have no colour to
 * separate and are left as they are.
 */
final class SealRemoval {

    /** How much red must exceed green and blue for the pixel to count as seal ink. */
    static final int DOMINANCE = 50;

    /** How strongly a seal pixel's shortfall below the seal's red level darkens it. */
    static final int STRETCH = 3;

    /** The seal's red level over paper: the 75th percentile of the red channel of seal pixels. */
    private final int sealRed;

    private SealRemoval(int sealRed) {
        this.sealRed = sealRed;
    }

    /** Measures the seal's red level on every fourth row of the image. */
    static SealRemoval measure(BufferedImage image) {
        long[] hist = new long[256];
        long n = 0;
        int w = image.getWidth();
        int[] row = new int[w];
        for (int y = 0; y < image.getHeight(); y += 4) {
            image.getRGB(0, y, w, 1, row, 0, w);
            for (int c : row) {
                int r = (c >> 16) & 0xff;
                if (r - Math.max((c >> 8) & 0xff, c & 0xff) >= DOMINANCE) {
                    hist[r]++;
                    n++;
                }
            }
        }
        long seen = 0;
        for (int v = 0; v < 256; v++) {
            seen += hist[v];
            if (n > 0 && 4 * seen >= 3 * n) {
                return new SealRemoval(v);
            }
        }
        return new SealRemoval(255);
    }

    int grey(int r, int g, int b) {
        if (r - Math.max(g, b) >= DOMINANCE) {
            return Math.max(0, Math.min(255, 255 - (sealRed - r) * STRETCH));
        }
        return (r * 299 + g * 587 + b * 114) / 1000;
    }
}
