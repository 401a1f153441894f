package org.siarchive.comparison;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reads PostgreSQL's binary COPY format from a stream with its own unsynchronised buffer: the signature and
 * header, then tuples of length-prefixed fields. Bulk reads only, so 10 M rows cost no per-byte locking.
 */
final class EngineCopyReader {

    private static final byte[] SIGNATURE = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xff, '\r', '\n', 0};

    private final InputStream in;
    private final byte[] buf = new byte[1 << 17];
    private int pos;
    private int limit;

    EngineCopyReader(InputStream in) throws IOException {
        this.in = in;
        byte[] sig = new byte[SIGNATURE.length];
        readFully(sig, 0, sig.length);
        if (!java.util.Arrays.equals(sig, SIGNATURE)) {
            throw new IOException("not a binary COPY stream");
        }
        readInt(); // flags
        int ext = readInt();
        skip(ext);
    }

    private void fill(int need) throws IOException {
        if (limit - pos >= need) {
            return;
        }
        System.arraycopy(buf, pos, buf, 0, limit - pos);
        limit -= pos;
        pos = 0;
        while (limit < need) {
            int n = in.read(buf, limit, buf.length - limit);
            if (n < 0) {
                throw new EOFException("COPY stream ended inside a row");
            }
            limit += n;
        }
    }

    short readShort() throws IOException {
        fill(2);
        short v = (short) (((buf[pos] & 0xff) << 8) | (buf[pos + 1] & 0xff));
        pos += 2;
        return v;
    }

    int readInt() throws IOException {
        fill(4);
        int v = EngineRows.intAt(buf, pos);
        pos += 4;
        return v;
    }

    long readLong() throws IOException {
        fill(8);
        long v = EngineRows.longAt(buf, pos);
        pos += 8;
        return v;
    }

    void readFully(byte[] out, int off, int len) throws IOException {
        while (len > 0) {
            if (pos == limit) {
                fill(1);
            }
            int n = Math.min(len, limit - pos);
            System.arraycopy(buf, pos, out, off, n);
            pos += n;
            off += n;
            len -= n;
        }
    }

    void skip(int len) throws IOException {
        while (len > 0) {
            if (pos == limit) {
                fill(1);
            }
            int n = Math.min(len, limit - pos);
            pos += n;
            len -= n;
        }
    }
}
