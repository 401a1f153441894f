package org.siarchive.crypto;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.engines.SM4Engine;
import org.bouncycastle.crypto.modes.GCMBlockCipher;
import org.bouncycastle.crypto.params.AEADParameters;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * SM4-GCM over a stream in 64 KiB chunks, so a file of any size is encrypted in bounded memory. Layout: an
 * 8-byte random file prefix, then per chunk its ciphertext and 16-byte tag. Each chunk's nonce is the
 * prefix and its index; its associated data binds the file's name, the index and whether it is the last
 * chunk, so chunks cannot be reordered, moved to another file or cut off (the pattern of "online AEAD",
 * Hoang–Reyhanitabar–Rogaway–Vizár 2015). A file that is a whole number of chunks ends with an empty last one.
 */
final class ChunkedSm4Gcm {

    static final int CHUNK = 64 * 1024;
    static final int PREFIX = 8;
    static final int TAG = 16;

    private ChunkedSm4Gcm() {}

    private static byte[] crypt(
            boolean encrypt, byte[] key, byte[] prefix, long index, boolean last, byte[] name, byte[] in, int len) {
        byte[] nonce = new byte[Sm4Gcm.NONCE_BYTES];
        System.arraycopy(prefix, 0, nonce, 0, PREFIX);
        nonce[8] = (byte) (index >>> 24);
        nonce[9] = (byte) (index >>> 16);
        nonce[10] = (byte) (index >>> 8);
        nonce[11] = (byte) index;
        var gcm = GCMBlockCipher.newInstance(new SM4Engine());
        gcm.init(encrypt, new AEADParameters(new KeyParameter(key), Sm4Gcm.TAG_BITS, nonce, aad(name, index, last)));
        byte[] out = new byte[gcm.getOutputSize(len)];
        int n = gcm.processBytes(in, 0, len, out, 0);
        try {
            gcm.doFinal(out, n);
        } catch (InvalidCipherTextException e) {
            throw new CryptoException("the backup file " + new String(name, StandardCharsets.UTF_8)
                    + " does not decrypt: altered, cut off, or another key");
        }
        return out;
    }

    private static byte[] aad(byte[] name, long index, boolean last) {
        var bytes = new ByteArrayOutputStream(name.length + 9);
        try (var data = new DataOutputStream(bytes)) {
            data.write(name);
            data.writeLong(index);
            data.writeBoolean(last);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return bytes.toByteArray();
    }

    static final class Encrypting extends OutputStream {

        private final OutputStream out;
        private final byte[] key;
        private final byte[] name;
        private final byte[] prefix = Sm4Gcm.random(PREFIX);
        private final byte[] buffer = new byte[CHUNK];
        private int filled;
        private long index;
        private boolean closed;

        Encrypting(OutputStream out, byte[] key, String name) {
            this.out = out;
            this.key = key;
            this.name = name.getBytes(StandardCharsets.UTF_8);
            try {
                out.write(prefix);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            while (len > 0) {
                if (filled == CHUNK) {
                    // a full chunk is sealed only once more bytes come: the last chunk must be marked last
                    out.write(crypt(true, key, prefix, index++, false, name, buffer, CHUNK));
                    filled = 0;
                }
                int n = Math.min(len, CHUNK - filled);
                System.arraycopy(b, off, buffer, filled, n);
                filled += n;
                off += n;
                len -= n;
            }
        }

        @Override
        public void close() throws IOException {
            if (closed) {
                return;
            }
            closed = true;
            out.write(crypt(true, key, prefix, index, true, name, buffer, filled));
            out.close();
        }
    }

    static final class Decrypting extends InputStream {

        private final InputStream in;
        private final byte[] key;
        private final byte[] name;
        private byte[] prefix = new byte[0];
        private byte[] plain = new byte[0];
        private int position;
        private long index;
        private boolean finished;

        Decrypting(InputStream in, byte[] key, String name) {
            this.in = in.markSupported() ? in : new java.io.BufferedInputStream(in, CHUNK + TAG + 1);
            this.key = key;
            this.name = name.getBytes(StandardCharsets.UTF_8);
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            while (position == plain.length) {
                if (finished) {
                    return -1;
                }
                nextChunk();
            }
            int n = Math.min(len, plain.length - position);
            System.arraycopy(plain, position, b, off, n);
            position += n;
            return n;
        }

        private void nextChunk() throws IOException {
            if (prefix.length == 0) {
                prefix = in.readNBytes(PREFIX);
                if (prefix.length < PREFIX) {
                    throw new CryptoException(
                            "the backup file " + new String(name, StandardCharsets.UTF_8) + " is cut off");
                }
            }
            byte[] sealed = in.readNBytes(CHUNK + TAG);
            in.mark(1);
            boolean last = in.read() < 0;
            in.reset();
            if (!last && sealed.length < CHUNK + TAG) {
                throw new IllegalStateException("unreachable: a short read before the end");
            }
            plain = crypt(false, key, prefix, index++, last, name, sealed, sealed.length);
            position = 0;
            finished = last;
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}
