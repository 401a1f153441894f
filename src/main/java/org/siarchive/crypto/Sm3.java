package org.siarchive.crypto;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.bouncycastle.crypto.digests.SM3Digest;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * SM3 digests (GB/T 32905) and HMAC-SM3. The one class that makes BouncyCastle's SM3 (an architecture rule): a
 * digest goes through libcrypto when {@link Digests} says so, else through BouncyCastle here; HMAC-SM3 keeps its
 * keyed BouncyCastle state per thread (short messages, the padded key is not rehashed).
 */
public final class Sm3 {

    private Sm3() {}

    public static byte[] digest(byte[]... parts) {
        if (Digests.nativeInUse()) {
            return NativeDigests.digest("SM3", parts);
        }
        var d = javaDigest();
        for (byte[] p : parts) {
            d.update(p, 0, p.length);
        }
        byte[] out = new byte[d.getDigestSize()];
        d.doFinal(out, 0);
        return out;
    }

    public static byte[] digest(String s) {
        return digest(s.getBytes(StandardCharsets.UTF_8));
    }

    /** The last key's HMAC of this thread, kept keyed: reset() restores its padded state without rehashing the key. */
    private static final ThreadLocal<Object[]> LAST = new ThreadLocal<>();

    public static byte[] hmac(byte[] key, byte[] message) {
        Object[] last = LAST.get();
        HMac mac;
        if (last != null && java.util.Arrays.equals((byte[]) last[0], key)) {
            mac = (HMac) last[1];
            mac.reset();
        } else {
            mac = new HMac(javaDigest());
            mac.init(new KeyParameter(key));
            LAST.set(new Object[] {key.clone(), mac});
        }
        mac.update(message, 0, message.length);
        byte[] out = new byte[mac.getMacSize()];
        mac.doFinal(out, 0);
        return out;
    }

    /** BouncyCastle's SM3: the Java implementation, for {@link Digests}'s fallback and for PBKDF2-HMAC-SM3. */
    static SM3Digest javaDigest() {
        return new SM3Digest();
    }

    public static String hex(byte[] b) {
        return HexFormat.of().formatHex(b);
    }
}
