package org.siarchive.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashSet;
import org.bouncycastle.crypto.engines.SM4Engine;
import org.bouncycastle.crypto.modes.GCMBlockCipher;
import org.bouncycastle.crypto.params.AEADParameters;
import org.bouncycastle.crypto.params.KeyParameter;
import org.junit.jupiter.api.Test;

/**
 * The thread's kept SM4-GCM cipher and the buffered nonces (issue 17 performance) give exactly the GCM a freshly
 * keyed BouncyCastle cipher gives, whatever the order of keys, and never repeat a nonce.
 */
class Sm4GcmReuseTest {

    @Test
    void keptCipherSealsWhatAFreshCipherOpensAcrossAlternatingKeys() throws Exception {
        byte[] a = Sm4Gcm.randomKey();
        byte[] b = Sm4Gcm.randomKey();
        byte[][] more = {Sm4Gcm.randomKey(), Sm4Gcm.randomKey(), Sm4Gcm.randomKey(), Sm4Gcm.randomKey()};
        byte[] aad = "reference.cert_no#1".getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < 50; i++) {
            byte[] key = i % 3 == 0 ? b : i % 7 == 0 ? more[i % 4] : a;
            byte[] plain = ("11010519491231" + (1000 + i)).getBytes(StandardCharsets.UTF_8);
            byte[] sealed = Sm4Gcm.seal(key, plain, aad);
            assertThat(fresh(key, sealed, aad)).isEqualTo(plain);
            assertThat(Sm4Gcm.open(key, sealed, 0, aad)).isEqualTo(plain);
            byte[] other = key == a ? b : a;
            assertThatThrownBy(() -> Sm4Gcm.open(other, sealed, 0, aad)).isInstanceOf(CryptoException.class);
            // a failed open leaves the kept cipher usable for the right key
            assertThat(Sm4Gcm.open(key, sealed, 0, aad)).isEqualTo(plain);
        }
    }

    @Test
    void noncesDoNotRepeatAcrossBlocks() {
        var seen = new HashSet<String>();
        for (int i = 0; i < 2_000; i++) {
            assertThat(seen.add(Arrays.toString(Sm4Gcm.nonce()))).isTrue();
        }
        byte[] key = Sm4Gcm.randomKey();
        byte[] one = Sm4Gcm.seal(key, new byte[18], new byte[0]);
        byte[] two = Sm4Gcm.seal(key, new byte[18], new byte[0]);
        assertThat(Arrays.copyOf(one, Sm4Gcm.NONCE_BYTES)).isNotEqualTo(Arrays.copyOf(two, Sm4Gcm.NONCE_BYTES));
    }

    private static byte[] fresh(byte[] key, byte[] sealed, byte[] aad) throws Exception {
        var gcm = GCMBlockCipher.newInstance(new SM4Engine());
        gcm.init(
                false,
                new AEADParameters(
                        new KeyParameter(key), Sm4Gcm.TAG_BITS, Arrays.copyOf(sealed, Sm4Gcm.NONCE_BYTES), aad));
        byte[] out = new byte[gcm.getOutputSize(sealed.length - Sm4Gcm.NONCE_BYTES)];
        int n = gcm.processBytes(sealed, Sm4Gcm.NONCE_BYTES, sealed.length - Sm4Gcm.NONCE_BYTES, out, 0);
        gcm.doFinal(out, n);
        return out;
    }
}
