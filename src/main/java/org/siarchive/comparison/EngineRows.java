package org.siarchive.comparison;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reference rows in primitive arrays as the COPY stream delivered them: the first 8 bytes of each token as a
 * {@code long} key, the full 32-byte tokens side by side, and the rest of each row kept as its raw COPY
 * fields, decoded into an {@link EngineRow} only when a token matched.
 */
final class EngineRows {

    static final int TOKEN = 32;
    /** Fields after the token, in the order of {@link EngineLoader}'s select list. */
    static final int TAIL_FIELDS = 14;

    private static final int PG_EPOCH = (int) java.time.LocalDate.of(2000, 1, 1).toEpochDay();

    long[] keys;
    byte[] tokens;
    byte[] tails;
    int[] tailAt;
    int size;
    int tailUsed;
    /** Set when the last row read belonged to this dataset (for counting rows used). */
    long lastDataset;

    EngineRows(int rows) {
        keys = new long[rows];
        tokens = new byte[rows * TOKEN];
        tailAt = new int[rows + 1];
        tails = new byte[rows * 96];
    }

    boolean full() {
        return size == keys.length || tails.length - tailUsed < 4096;
    }

    void clear() {
        size = 0;
        tailUsed = 0;
    }

    /** Reads one row, growing when asked to; false at the end of the stream. */
    boolean read(EngineCopyReader in, boolean grow) throws IOException {
        short n = in.readShort();
        if (n == -1) {
            return false;
        }
        if (n != TAIL_FIELDS + 1 || in.readInt() != TOKEN) {
            throw new IOException("unexpected COPY row shape");
        }
        if (grow && full()) {
            grow();
        }
        in.readFully(tokens, size * TOKEN, TOKEN);
        keys[size] = longAt(tokens, size * TOKEN);
        tailAt[size] = tailUsed;
        for (int f = 0; f < TAIL_FIELDS; f++) {
            int len = in.readInt();
            putInt(tails, tailUsed, len);
            tailUsed += 4;
            if (len > 0) {
                if (len > 128) {
                    throw new IOException("field too long");
                }
                in.readFully(tails, tailUsed, len);
                if (f == 0) {
                    lastDataset = longAt(tails, tailUsed);
                }
                tailUsed += len;
            }
        }
        size++;
        tailAt[size] = tailUsed;
        return true;
    }

    private void grow() {
        int rows = keys.length * 2;
        keys = Arrays.copyOf(keys, rows);
        tokens = Arrays.copyOf(tokens, rows * TOKEN);
        tailAt = Arrays.copyOf(tailAt, rows + 1);
        tails = Arrays.copyOf(tails, Math.max(tails.length * 2, rows * 96));
    }

    boolean sameToken(int i, EngineRows other, int j) {
        return Arrays.equals(tokens, i * TOKEN, i * TOKEN + TOKEN, other.tokens, j * TOKEN, j * TOKEN + TOKEN);
    }

    byte[] token(int i) {
        return Arrays.copyOfRange(tokens, i * TOKEN, i * TOKEN + TOKEN);
    }

    /** The row's fields, decoded. */
    EngineRow decode(int i) {
        var r = new EngineRow();
        int p = tailAt[i];
        int[] len = new int[1];
        p = field(p, len);
        r.datasetId = longAt(tails, p);
        p = field(p + len[0], len);
        r.rowNo = longAt(tails, p);
        p = field(p + len[0], len);
        r.birth = date(p, len[0]);
        p = field(p + Math.max(len[0], 0), len);
        r.gender = text(p, len[0]);
        p = field(p + Math.max(len[0], 0), len);
        r.scheme = text(p, len[0]);
        p = field(p + Math.max(len[0], 0), len);
        r.subtype = text(p, len[0]);
        p = field(p + Math.max(len[0], 0), len);
        r.status = text(p, len[0]);
        p = field(p + Math.max(len[0], 0), len);
        r.start = date(p, len[0]);
        p = field(p + Math.max(len[0], 0), len);
        r.end = date(p, len[0]);
        p = field(p + Math.max(len[0], 0), len);
        r.event = date(p, len[0]);
        p = field(p + Math.max(len[0], 0), len);
        r.lastPaid = date(p, len[0]);
        p = field(p + Math.max(len[0], 0), len);
        r.amountCents = len[0] < 0 ? Long.MIN_VALUE : longAt(tails, p);
        p = field(p + Math.max(len[0], 0), len);
        r.region = text(p, len[0]);
        p = field(p + Math.max(len[0], 0), len);
        r.agency = text(p, len[0]);
        return r;
    }

    private int field(int p, int[] len) {
        len[0] = intAt(tails, p);
        return p + 4;
    }

    private int date(int p, int len) {
        return len < 0 ? EngineRow.NONE : intAt(tails, p) + PG_EPOCH;
    }

    private @org.jspecify.annotations.Nullable String text(int p, int len) {
        return len < 0 ? null : new String(tails, p, len, StandardCharsets.UTF_8);
    }

    static int intAt(byte[] b, int p) {
        return ((b[p] & 0xff) << 24) | ((b[p + 1] & 0xff) << 16) | ((b[p + 2] & 0xff) << 8) | (b[p + 3] & 0xff);
    }

    static long longAt(byte[] b, int p) {
        return ((long) intAt(b, p) << 32) | (intAt(b, p + 4) & 0xffffffffL);
    }

    private static void putInt(byte[] b, int p, int v) {
        b[p] = (byte) (v >>> 24);
        b[p + 1] = (byte) (v >>> 16);
        b[p + 2] = (byte) (v >>> 8);
        b[p + 3] = (byte) v;
    }
}
