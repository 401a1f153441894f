package org.siarchive.digitisation;

/**
 * The 64-bit pHash cut into four 16-bit bands, stored in indexed columns (docs/adr/0063). A lookup probes
 * each band with its own value and the 16 values one bit away (17 values, one indexed {@code = any}): two
 * hashes within Hamming distance {@value #MAX_DISTANCE} differ in at most seven bits, so some band differs in
 * at most one (pigeonhole: eight flips are needed to touch every band twice) and is among the probes. Then
 * the full distance decides.
 */
final class PageBands {

    static final int BANDS = 4;
    static final int MAX_DISTANCE = 2 * BANDS - 1;

    private PageBands() {}

    /** Band {@code k} (0–3) of a hash, as the migration's generated column {@code phash_bk} computes it. */
    static int band(long phash, int k) {
        return (int) ((phash >> (16 * k)) & 0xffff);
    }

    static int[] bands(long phash) {
        int[] out = new int[BANDS];
        for (int k = 0; k < BANDS; k++) {
            out[k] = band(phash, k);
        }
        return out;
    }

    /** The values probed for band {@code k}: the band itself and every value one bit away. */
    static Integer[] probes(long phash, int k) {
        int b = band(phash, k);
        Integer[] out = new Integer[17];
        out[0] = b;
        for (int i = 0; i < 16; i++) {
            out[i + 1] = b ^ (1 << i);
        }
        return out;
    }

    /** Whether the index would return {@code b} as a candidate for {@code a}: some band at most a bit apart. */
    static boolean candidate(long a, long b) {
        for (int k = 0; k < BANDS; k++) {
            if (Integer.bitCount(band(a, k) ^ band(b, k)) <= 1) {
                return true;
            }
        }
        return false;
    }

    /** A candidate that is a near repeat: within the distance the probes guarantee to find. */
    static boolean near(long a, long b) {
        return Long.bitCount(a ^ b) <= MAX_DISTANCE;
    }
}
