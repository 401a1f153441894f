package org.siarchive.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.siarchive.crypto.Digests.Implementation;

/**
 * The native (OpenSSL libcrypto) and Java (BouncyCastle, JDK) digests agree: on the standard vectors of GM/T 0004-2012
 * (SM3) and FIPS 180-4 (SHA-256), and with each other on seeded random inputs of many sizes up to 64 MB fed in odd
 * pieces, from heap arrays and from direct buffers. The native half is skipped, saying why, only when libcrypto is
 * unusable on this machine.
 */
class DigestEquivalenceTest {

    private static final String ABC_SM3 = "66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0";
    private static final String ABCD16_SM3 = "debe9ff92275b8a138604889c18e5a4d6fdb70e5387e5765293dcba39c0c5732";
    private static final String ABC_SHA256 = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";
    private static final String TWO_BLOCK_SHA256 = "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1";
    private static final String TWO_BLOCK = "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq";

    /** Sizes around the 64-byte block, the 128 KB copy chunk, and up to 64 MB. */
    private static final int[] SIZES = {
        0, 1, 3, 55, 56, 63, 64, 65, 127, 128, 1000, 4095, 65_537, 131_071, 131_072, 131_073, 204_800, 1_048_583,
        7_340_033, 64 << 20
    };

    @Test
    void javaGivesTheStandardVectors() {
        assertStandardVectors(Implementation.JAVA);
    }

    @Test
    void nativeGivesTheStandardVectors() {
        requireNative();
        assertStandardVectors(Implementation.NATIVE);
    }

    @Test
    void nativeAndJavaAgreeOnRandomInputsUpTo64MegabytesFedInOddPieces() {
        requireNative();
        var random = new Random(20_2026_11_30L);
        byte[] all = new byte[SIZES[SIZES.length - 1]];
        random.nextBytes(all);
        for (int size : SIZES) {
            byte[][] java = fed(Implementation.JAVA, all, size, random.nextLong(), false);
            byte[][] heap = fed(Implementation.NATIVE, all, size, random.nextLong(), false);
            byte[][] direct = fed(Implementation.NATIVE, all, size, random.nextLong(), true);
            for (int i = 0; i < java.length; i++) {
                assertThat(hex(heap[i]))
                        .as("native, heap, %d bytes, digest %d", size, i)
                        .isEqualTo(hex(java[i]));
                assertThat(hex(direct[i]))
                        .as("native, direct, %d bytes, digest %d", size, i)
                        .isEqualTo(hex(java[i]));
            }
        }
    }

    @Test
    void aChangedBitChangesBothDigests() {
        byte[] bytes = "社会保险个人权益记录".getBytes(StandardCharsets.UTF_8);
        byte[][] before = once(Implementation.AUTO, bytes);
        bytes[bytes.length / 2] ^= 1;
        byte[][] after = once(Implementation.AUTO, bytes);
        assertThat(hex(after[0])).isNotEqualTo(hex(before[0]));
        assertThat(hex(after[1])).isNotEqualTo(hex(before[1]));
    }

    @Test
    void sm3OfSeveralPartsIsTheSameWhicheverImplementationIsInUse() {
        byte[] previous = Sm3.digest("上一条审计记录");
        byte[] canonical = "siarchive-audit-v1|7|张三|CAPTURE".getBytes(StandardCharsets.UTF_8);
        String inUse = hex(Sm3.digest(previous, canonical));
        boolean wasNative = Digests.nativeInUse();
        try {
            Digests.use(Implementation.JAVA);
            assertThat(Digests.implementation()).startsWith("java");
            assertThat(hex(Sm3.digest(previous, canonical))).isEqualTo(inUse);
        } finally {
            Digests.use(wasNative ? Implementation.NATIVE : Implementation.AUTO);
        }
        assertThat(Digests.nativeInUse()).isEqualTo(wasNative);
    }

    @Test
    void aFinishedPassAndAnUnknownSettingAreRefused() {
        var pass = Digests.pass("SM3", "SHA-256");
        pass.finish();
        assertThatThrownBy(() -> pass.update(new byte[1], 0, 1)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(pass::finish).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> Implementation.of("fast"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("auto, native or java");
        assertThat(Implementation.of(" Native ")).isEqualTo(Implementation.NATIVE);
    }

    private static void assertStandardVectors(Implementation impl) {
        byte[][] abc = once(impl, "abc".getBytes(StandardCharsets.US_ASCII));
        assertThat(hex(abc[0])).isEqualTo(ABC_SM3);
        assertThat(hex(abc[1])).isEqualTo(ABC_SHA256);
        assertThat(hex(once(impl, "abcd".repeat(16).getBytes(StandardCharsets.US_ASCII))[0]))
                .isEqualTo(ABCD16_SM3);
        assertThat(hex(once(impl, TWO_BLOCK.getBytes(StandardCharsets.US_ASCII))[1]))
                .isEqualTo(TWO_BLOCK_SHA256);
    }

    private static byte[][] once(Implementation impl, byte[] bytes) {
        var pass = Digests.pass(impl, "SM3", "SHA-256");
        pass.update(bytes, 0, bytes.length);
        return pass.finish();
    }

    /** The first {@code size} bytes, fed in pieces of odd sizes (1 byte to about 300 KB) drawn from the seed. */
    private static byte[][] fed(Implementation impl, byte[] all, int size, long seed, boolean direct) {
        var pieces = new Random(seed);
        var pass = Digests.pass(impl, "SM3", "SHA-256", "SHA-512");
        ByteBuffer buffer = direct ? ByteBuffer.allocateDirect(300_001) : null;
        for (int off = 0; off < size; ) {
            int n = Math.min(size - off, 1 + 2 * pieces.nextInt(150_000));
            if (buffer == null) {
                pass.update(all, off, n);
            } else {
                buffer.clear().put(all, off, n).flip();
                pass.update(buffer);
                assertThat(buffer.hasRemaining()).isFalse();
            }
            off += n;
        }
        return pass.finish();
    }

    private static void requireNative() {
        assumeTrue(
                Digests.nativeAvailable(),
                () -> "OpenSSL libcrypto is unusable here, only the Java digests are checked: "
                        + Digests.nativeFailure());
    }

    private static String hex(byte[] b) {
        return HexFormat.of().formatHex(b);
    }
}
