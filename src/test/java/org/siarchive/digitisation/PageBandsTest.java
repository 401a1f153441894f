package org.siarchive.digitisation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The band lookup of repeated pages: every hash within distance 7 is a candidate; random hashes rarely are. */
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
    void everyHashWithinDistanceSevenIsACandidate() {
        var rnd = new SplittableRandom(17);
        for (int n = 0; n < 200_000; n++) {
            long a = rnd.nextLong();
            long b = a;
            int flips = 4 + rnd.nextInt(4);
            while (Long.bitCount(a ^ b) < flips) {
                b ^= 1L << rnd.nextInt(64);
            }
            assertThat(PageBands.candidate(a, b)).as("%x vs %x", a, b).isTrue();
            assertThat(PageBands.near(a, b)).isTrue();
        }
    }

    @Test
    void theProbesAreTheBandAndItsOneBitNeighbours() {
        long h = 0x0000_0000_0000_8001L;
        assertThat(PageBands.probes(h, 0)).hasSize(17).doesNotHaveDuplicates().contains(0x8001, 0x8000, 0x0001, 0x8003);
        for (int v : PageBands.probes(h, 0)) {
            assertThat(Integer.bitCount(v ^ 0x8001)).isLessThanOrEqualTo(1);
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
        // four bands of 16 bits, 17 probes each: about 4 × 17 / 65 536 (0.1 %) of unrelated pairs
        assertThat((double) candidates / pairs).isLessThan(0.002);
    }

    @Test
    void eightFlipsSpreadOverTheBandsAreNotGuaranteed() {
        long a = 0x0123_4567_89ab_cdefL;
        long b = a ^ 3L ^ (3L << 16) ^ (3L << 32) ^ (3L << 48);
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
