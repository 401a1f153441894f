package org.siarchive.crypto;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import org.bouncycastle.crypto.Digest;

/** A one-pass digest in Java: SM3 from BouncyCastle ({@link Sm3}), SHA-2 and the rest from the JDK. */
final class JavaPass implements Digests.Pass {

    private final Object[] lanes;
    private byte[] chunk = new byte[0];
    private boolean finished;

    JavaPass(String... algorithms) {
        lanes = new Object[algorithms.length];
        for (int i = 0; i < algorithms.length; i++) {
            lanes[i] = algorithms[i].equalsIgnoreCase("SM3") ? Sm3.javaDigest() : jdk(algorithms[i]);
        }
    }

    private static MessageDigest jdk(String algorithm) {
        try {
            return MessageDigest.getInstance(algorithm);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalArgumentException("the JDK has no digest " + algorithm, e);
        }
    }

    @Override
    public void update(byte[] bytes, int offset, int length) {
        if (finished) {
            throw new IllegalStateException("this digest pass is finished");
        }
        for (Object lane : lanes) {
            if (lane instanceof Digest d) {
                d.update(bytes, offset, length);
            } else {
                ((MessageDigest) lane).update(bytes, offset, length);
            }
        }
    }

    @Override
    public void update(ByteBuffer buffer) {
        if (buffer.hasArray()) {
            update(buffer.array(), buffer.arrayOffset() + buffer.position(), buffer.remaining());
            buffer.position(buffer.limit());
            return;
        }
        if (chunk.length == 0) {
            chunk = new byte[NativeDigests.CHUNK];
        }
        while (buffer.hasRemaining()) {
            int n = Math.min(chunk.length, buffer.remaining());
            buffer.get(chunk, 0, n);
            update(chunk, 0, n);
        }
    }

    @Override
    public byte[][] finish() {
        if (finished) {
            throw new IllegalStateException("this digest pass is finished");
        }
        finished = true;
        byte[][] out = new byte[lanes.length][];
        for (int i = 0; i < lanes.length; i++) {
            if (lanes[i] instanceof Digest d) {
                out[i] = new byte[d.getDigestSize()];
                d.doFinal(out[i], 0);
            } else {
                out[i] = ((MessageDigest) lanes[i]).digest();
            }
        }
        return out;
    }
}
