package org.siarchive.preservation;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.bouncycastle.crypto.digests.SM3Digest;

/** SM3 and SHA-256 over the same bytes in one pass, so no file is ever read twice to hash it. */
public final class Digester {

    private final SM3Digest sm3 = new SM3Digest();
    private final MessageDigest sha256;
    private long size;

    public Digester() {
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }

    public void update(byte[] buf, int off, int len) {
        sm3.update(buf, off, len);
        sha256.update(buf, off, len);
        size += len;
    }

    public long size() {
        return size;
    }

    public Fixity finish() {
        byte[] sm3Out = new byte[sm3.getDigestSize()];
        sm3.doFinal(sm3Out, 0);
        var hex = HexFormat.of();
        return new Fixity(size, hex.formatHex(sm3Out), hex.formatHex(sha256.digest()));
    }

    /** Reads the stream to its end (without closing it), hashing as it goes. */
    public static Fixity of(java.io.InputStream in) throws java.io.IOException {
        var d = new Digester();
        byte[] buf = new byte[256 * 1024];
        int n;
        while ((n = in.read(buf)) > 0) {
            d.update(buf, 0, n);
        }
        return d.finish();
    }

    public static Fixity of(java.nio.file.Path file) throws java.io.IOException {
        try (var in = java.nio.file.Files.newInputStream(file)) {
            return of(in);
        }
    }

    public static Fixity of(byte[] bytes) {
        var d = new Digester();
        d.update(bytes, 0, bytes.length);
        return d.finish();
    }
}
