package org.siarchive.security;

import java.security.SecureRandom;
import org.apache.commons.codec.binary.Base32;
import org.bouncycastle.crypto.digests.SHA1Digest;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * RFC 6238 time-based one-time passwords: HMAC-SHA1, 6 digits, 30-second steps, one step of clock
 * drift accepted either way. A code is accepted only for a step later than the last one used, so no
 * code works twice.
 */
final class Totp {

    static final int DIGITS = 6;
    static final int PERIOD_SECONDS = 30;
    private static final SecureRandom RANDOM = new SecureRandom();

    private Totp() {}

    /** A new 160-bit secret in Base32, as authenticator apps expect. */
    static String newSecret() {
        byte[] b = new byte[20];
        RANDOM.nextBytes(b);
        return new Base32().encodeToString(b).replace("=", "");
    }

    static long step(long epochSeconds) {
        return Math.floorDiv(epochSeconds, PERIOD_SECONDS);
    }

    static String code(String secret, long step) {
        byte[] key = new Base32().decode(secret);
        byte[] msg = new byte[8];
        long v = step;
        for (int i = 7; i >= 0; i--) {
            msg[i] = (byte) (v & 0xff);
            v >>= 8;
        }
        var mac = new HMac(new SHA1Digest());
        mac.init(new KeyParameter(key));
        mac.update(msg, 0, msg.length);
        byte[] h = new byte[mac.getMacSize()];
        mac.doFinal(h, 0);
        int offset = h[h.length - 1] & 0x0f;
        int bin = ((h[offset] & 0x7f) << 24)
                | ((h[offset + 1] & 0xff) << 16)
                | ((h[offset + 2] & 0xff) << 8)
                | (h[offset + 3] & 0xff);
        return String.format("%0" + DIGITS + "d", bin % 1_000_000);
    }

    /** The step the code belongs to (within ±1 of now and after {@code lastStep}), or -1. */
    static long matchingStep(String secret, String code, long nowEpochSeconds, long lastStep) {
        if (code == null || !code.matches("\\d{6}")) {
            return -1;
        }
        long now = step(nowEpochSeconds);
        for (long s = now - 1; s <= now + 1; s++) {
            if (s > lastStep
                    && java.security.MessageDigest.isEqual(code(secret, s).getBytes(), code.getBytes())) {
                return s;
            }
        }
        return -1;
    }

    /** The otpauth URI an authenticator app reads from the QR code. */
    static String uri(String issuer, String account, String secret) {
        var enc = (java.util.function.Function<String, String>)
                s -> java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8)
                        .replace("+", "%20");
        return "otpauth://totp/" + enc.apply(issuer) + ":" + enc.apply(account) + "?secret=" + secret + "&issuer="
                + enc.apply(issuer) + "&algorithm=SHA1&digits=6&period=30";
    }
}
