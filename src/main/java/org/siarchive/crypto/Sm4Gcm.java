package org.siarchive.crypto;

import java.security.SecureRandom;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.engines.SM4Engine;
import org.bouncycastle.crypto.modes.GCMBlockCipher;
import org.bouncycastle.crypto.modes.gcm.BasicGCMMultiplier;
import org.bouncycastle.crypto.params.AEADParameters;
import org.bouncycastle.crypto.params.KeyParameter;

/** SM4 in GCM mode: 128-bit key, 96-bit random nonce, 128-bit tag, associated data bound in. */
final class Sm4Gcm {

    static final int KEY_BYTES = 16;
    static final int NONCE_BYTES = 12;
    static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private Sm4Gcm() {}

    static byte[] randomKey() {
        return random(KEY_BYTES);
    }

    static byte[] random(int n) {
        byte[] b = new byte[n];
        RANDOM.nextBytes(b);
        return b;
    }

    /**
     * Below this many bytes (a field value, a wrapped key) GHASH runs without precomputed tables: building the
     * 4 KB table costs more than the few blocks it would speed up (issue 17's bulk import seals millions of ID
     * numbers). The output is the same GCM either way.
     */
    static final int SMALL = 1024;

    private static org.bouncycastle.crypto.modes.GCMModeCipher gcm(int length) {
        return length < SMALL
                ? GCMBlockCipher.newInstance(new SM4Engine(), new BasicGCMMultiplier())
                : GCMBlockCipher.newInstance(new SM4Engine());
    }

    /** Returns nonce ‖ ciphertext ‖ tag. */
    static byte[] seal(byte[] key, byte[] plaintext, byte[] aad) {
        byte[] nonce = random(NONCE_BYTES);
        var gcm = gcm(plaintext.length + aad.length);
        gcm.init(true, new AEADParameters(new KeyParameter(key), TAG_BITS, nonce, aad));
        byte[] out = new byte[NONCE_BYTES + gcm.getOutputSize(plaintext.length)];
        System.arraycopy(nonce, 0, out, 0, NONCE_BYTES);
        int n = gcm.processBytes(plaintext, 0, plaintext.length, out, NONCE_BYTES);
        try {
            gcm.doFinal(out, NONCE_BYTES + n);
        } catch (InvalidCipherTextException e) {
            throw new IllegalStateException(e);
        }
        return out;
    }

    /** Opens what {@link #seal} produced; a wrong key, altered bytes or other associated data fail. */
    static byte[] open(byte[] key, byte[] sealed, int offset, byte[] aad) {
        if (sealed.length - offset < NONCE_BYTES + TAG_BITS / 8) {
            throw new CryptoException("ciphertext too short");
        }
        var gcm = gcm(sealed.length - offset + aad.length);
        gcm.init(
                false,
                new AEADParameters(
                        new KeyParameter(key),
                        TAG_BITS,
                        java.util.Arrays.copyOfRange(sealed, offset, offset + NONCE_BYTES),
                        aad));
        int start = offset + NONCE_BYTES;
        byte[] out = new byte[gcm.getOutputSize(sealed.length - start)];
        int n = gcm.processBytes(sealed, start, sealed.length - start, out, 0);
        try {
            gcm.doFinal(out, n);
        } catch (InvalidCipherTextException e) {
            throw new CryptoException("authentication failed: the value was altered or the key is wrong");
        }
        return out;
    }
}
