package org.siarchive.preservation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The tail scan's skipping search finds exactly what a byte-by-byte scan finds, wherever the marker lies. */
class PolyglotsSearchTest {

    private static final byte[][] MARKERS = {
        {'P', 'K', 5, 6},
        "%%EOF".getBytes(StandardCharsets.US_ASCII),
        {'I', 'E', 'N', 'D'},
        {(byte) 0xFF, (byte) 0xD9},
        {'a', 'a', 'b'},
        {'a', 'b', 'a'},
        {'z'},
    };

    @Test
    void findsTheLastOccurrenceBeforeAnyPositionAsAPlainScanDoes() {
        var random = new Random(20261130);
        for (int round = 0; round < 3_000; round++) {
            // few distinct bytes, so that markers, partial markers and overlaps are frequent
            byte[] alphabet = {'P', 'K', 5, 6, '%', 'E', 'O', 'F', 'a', 'b', (byte) 0xFF, (byte) 0xD9, 'I', 'N', 'D'};
            byte[] data = new byte[random.nextInt(64)];
            int span = 2 + random.nextInt(alphabet.length - 1);
            for (int i = 0; i < data.length; i++) {
                data[i] = alphabet[random.nextInt(span)];
            }
            for (byte[] marker : MARKERS) {
                for (int before = 0; before <= data.length + 1; before++) {
                    assertThat(Polyglots.lastIndexOf(data, marker, before))
                            .as(
                                    "round %d, marker %s, before %d",
                                    round, new String(marker, StandardCharsets.ISO_8859_1), before)
                            .isEqualTo(plain(data, marker, before));
                }
            }
        }
    }

    @Test
    void aMarkerAtEitherEndOfA64KbTailIsFound() {
        byte[] tail = new byte[64 * 1024 + 22];
        new Random(7).nextBytes(tail);
        byte[] sig = {'P', 'K', 5, 6};
        System.arraycopy(sig, 0, tail, 0, 4);
        int last = plain(tail, sig, tail.length);
        assertThat(Polyglots.lastIndexOf(tail, sig, tail.length)).isEqualTo(last);
        System.arraycopy(sig, 0, tail, tail.length - 4, 4);
        assertThat(Polyglots.lastIndexOf(tail, sig, tail.length)).isEqualTo(tail.length - 4);
    }

    private static int plain(byte[] data, byte[] marker, int before) {
        for (int i = Math.min(before - 1, data.length - marker.length); i >= 0; i--) {
            int j = 0;
            while (j < marker.length && data[i + j] == marker[j]) {
                j++;
            }
            if (j == marker.length) {
                return i;
            }
        }
        return -1;
    }
}
