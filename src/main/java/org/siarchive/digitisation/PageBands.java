package org.siarchive.digitisation;

/**
 * The 64-bit pHash cut into four 16-bit bands, stored in indexed columns (docs/adr/0063): two hashes within
 * Hamming distance {@value #MAX_DISTANCE} differ in at most three bits, so at least one of the four bands is
 * untouched and equal in both (pigeonhole). A lookup is four indexed equality probes, then the full distance.
 */
final class PageBands {

    static final int BANDS = 4;
    static final int MAX_DISTANCE = BANDS - 1;

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

    /** Whether the index would return {@code b} as a candidate for {@code a}: some band equal. */
    static boolean candidate(long a, long b) {
        for (int k = 0; k < BANDS; k++) {
            if (band(a, k) == band(b, k)) {
                return true;
            }
        }
        return false;
    }

    /** A candidate that is a near repeat: within the distance the bands guarantee to find. */
    static boolean near(long a, long b) {
        return Long.bitCount(a ^ b) <= MAX_DISTANCE;
    }
}
