package org.siarchive.crypto;

import java.security.SecureRandom;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.engines.SM4Engine;
import org.bouncycastle.crypto.modes.GCMBlockCipher;
import org.bouncycastle.crypto.params.AEADParameters;
import org.bouncycastle.crypto.params.KeyParameter;

/** SM4 in GCM mode: 128-bit key, 96-bit random nonce, 128-bit tag, associated data bound in. */
final class Sm4Gcm {

    static final int KEY_BYTES = 16;
    static final int NONCE_BYTES = 12;
    static final int TAG_BITS = 128;
    /** One generator per thread: a shared one serialises bulk sealing (issue 17's import) on its lock. */
    private static final ThreadLocal<SecureRandom> RANDOM = ThreadLocal.withInitial(SecureRandom::new);

    private Sm4Gcm() {}

    static byte[] randomKey() {
        return random(KEY_BYTES);
    }

    static byte[] random(int n) {
        byte[] b = new byte[n];
        RANDOM.get().nextBytes(b);
        return b;
    }

    /**
     * A fresh random nonce, cut from a per-thread block of the thread's generator's output: one call to the
     * generator serves 341 nonces (issue 17's bulk import seals millions of values; the generator's per-call
     * cost and lock dominated). The bytes are the same strong generator's, each used once.
     */
    private static final ThreadLocal<NonceBlock> NONCES = ThreadLocal.withInitial(NonceBlock::new);

    /** Unused generator output of one thread. */
    private static final class NonceBlock {
        final byte[] bytes = new byte[NONCE_BYTES * 341];
        int at = bytes.length;
    }

    static byte[] nonce() {
        NonceBlock block = NONCES.get();
        if (block.at + NONCE_BYTES > block.bytes.length) {
            RANDOM.get().nextBytes(block.bytes);
            block.at = 0;
        }
        byte[] n = java.util.Arrays.copyOfRange(block.bytes, block.at, block.at + NONCE_BYTES);
        block.at += NONCE_BYTES;
        return n;
    }

    /**
     * The thread's small-value ciphers, each kept initialised under one key: SM4's key schedule and GCM's hash
     * key and table are computed once per key and thread, not once per value. Four keys are kept (key rotation
     * opens under one key and seals under another, value by value). Re-initialising with a null key keeps them
     * (BouncyCastle's GCM contract); the output is the same GCM.
     */
    private static final ThreadLocal<Keyed[]> KEYED = ThreadLocal.withInitial(() -> new Keyed[4]);

    private record Keyed(byte[] key, org.bouncycastle.crypto.modes.GCMModeCipher gcm) {}

    private static org.bouncycastle.crypto.modes.GCMModeCipher small(
            boolean encrypt, byte[] key, byte[] nonce, byte[] aad) {
        Keyed[] kept = KEYED.get();
        for (int i = 0; i < kept.length && kept[i] != null; i++) {
            if (java.util.Arrays.equals(kept[i].key(), key)) {
                Keyed k = kept[i];
                // most recently used first
                System.arraycopy(kept, 0, kept, 1, i);
                kept[0] = k;
                k.gcm().init(encrypt, new AEADParameters(null, TAG_BITS, nonce, aad));
                return k.gcm();
            }
        }
        var gcm = GCMBlockCipher.newInstance(new SM4Engine());
        gcm.init(encrypt, new AEADParameters(new KeyParameter(key), TAG_BITS, nonce, aad));
        System.arraycopy(kept, 0, kept, 1, kept.length - 1);
        kept[0] = new Keyed(key.clone(), gcm);
        return gcm;
    }

    /**
     * Below this many bytes (a field value, a wrapped key) the thread's kept cipher is used: its SM4 key schedule
     * and GHASH's 4 KB table are built once per key and thread (issue 17's bulk import seals millions of ID
     * numbers). Larger values get a cipher of their own. The output is the same GCM either way.
     */
    static final int SMALL = 1024;

    private static org.bouncycastle.crypto.modes.GCMModeCipher gcm(
            boolean encrypt, byte[] key, byte[] nonce, byte[] aad, int length) {
        if (length < SMALL) {
            return small(encrypt, key, nonce, aad);
        }
        var gcm = GCMBlockCipher.newInstance(new SM4Engine());
        gcm.init(encrypt, new AEADParameters(new KeyParameter(key), TAG_BITS, nonce, aad));
        return gcm;
    }

    /** Returns nonce ‖ ciphertext ‖ tag. */
    static byte[] seal(byte[] key, byte[] plaintext, byte[] aad) {
        byte[] nonce = nonce();
        var gcm = gcm(true, key, nonce, aad, plaintext.length + aad.length);
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
        var gcm = gcm(
                false,
                key,
                java.util.Arrays.copyOfRange(sealed, offset, offset + NONCE_BYTES),
                aad,
                sealed.length - offset + aad.length);
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
