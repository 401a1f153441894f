package org.siarchive.digitisation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The band lookup of repeated pages: every hash within distance 3 is a candidate; random hashes rarely are. */
class PageBandsTest {

    @Test
    void everyHashWithinDistanceThreeSharesABand() {
        var rnd = new SplittableRandom(15);
        for (int n = 0; n < 20; n++) {
            long a = rnd.nextLong();
            // every way of flipping up to three of the 64 bits (41 664 three-bit flips alone)
            for (int i = -1; i < 64; i++) {
                for (int j = i; j < 64; j++) {
                    for (int k = j; k < 64; k++) {
                        long b = a ^ bit(i) ^ (j == i ? 0 : bit(j)) ^ (k == j ? 0 : bit(k));
                        assertThat(PageBands.candidate(a, b))
                                .as("%x vs %x", a, b)
                                .isTrue();
                        assertThat(PageBands.near(a, b)).isTrue();
                    }
                }
            }
        }
    }

    @Test
    void randomHashesAreRarelyCandidates() {
        var rnd = new SplittableRandom(16);
        int candidates = 0;
        int pairs = 200_000;
        for (int n = 0; n < pairs; n++) {
            if (PageBands.candidate(rnd.nextLong(), rnd.nextLong())) {
                candidates++;
            }
        }
        // four bands of 16 bits: about 4 / 65 536 of unrelated pairs share a band
        assertThat((double) candidates / pairs).isLessThan(0.0003);
    }

    @Test
    void fourFlipsSpreadOverTheBandsAreNotGuaranteed() {
        long a = 0x0123_4567_89ab_cdefL;
        long b = a ^ 1L ^ (1L << 16) ^ (1L << 32) ^ (1L << 48);
        assertThat(PageBands.candidate(a, b)).isFalse();
        assertThat(PageBands.near(a, b)).isFalse();
    }

    @Test
    void bandsAreTheSixteenBitSlicesTheMigrationIndexes() {
        long h = 0xfedc_ba98_7654_3210L;
        assertThat(PageBands.bands(h)).containsExactly(0x3210, 0x7654, 0xba98, 0xfedc);
    }

    private static long bit(int i) {
        return i < 0 ? 0 : 1L << i;
    }
}
