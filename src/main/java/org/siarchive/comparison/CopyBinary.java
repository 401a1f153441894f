package org.siarchive.comparison;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * PostgreSQL's binary COPY format for {@code reference_row} (docs/adr/0074, issue 17 performance): each row a
 * field count and length-prefixed values in the types' binary forms — bigint, bytea and text as they are, date
 * as days since 2000-01-01, numeric as base-10000 digits. No hex, no escaping, no date text for the server to
 * parse; the stored values are the ones the text format stored.
 */
final class CopyBinary {

    /** Signature, flags and header extension length. */
    static final byte[] HEADER = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xff, '\r', '\n', 0, 0, 0, 0, 0, 0, 0, 0, 0
    };

    /** A field count of -1 ends the data. */
    static final byte[] TRAILER = {(byte) 0xff, (byte) 0xff};

    private static final long EPOCH_2000 = LocalDate.of(2000, 1, 1).toEpochDay();

    private byte[] buf;
    private int size;

    CopyBinary(int capacity) {
        buf = new byte[Math.max(16, capacity)];
    }

    byte[] toByteArray() {
        return Arrays.copyOf(buf, size);
    }

    private void room(int n) {
        if (size + n > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, size + n));
        }
    }

    private void int16(int v) {
        room(2);
        buf[size++] = (byte) (v >>> 8);
        buf[size++] = (byte) v;
    }

    private void int32(int v) {
        room(4);
        buf[size++] = (byte) (v >>> 24);
        buf[size++] = (byte) (v >>> 16);
        buf[size++] = (byte) (v >>> 8);
        buf[size++] = (byte) v;
    }

    private CopyBinary nul() {
        int32(-1);
        return this;
    }

    /** Starts a row of {@code n} fields. */
    CopyBinary row(int n) {
        int16(n);
        return this;
    }

    CopyBinary int8(long v) {
        int32(8);
        int32((int) (v >>> 32));
        int32((int) v);
        return this;
    }

    CopyBinary bytea(byte[] b) {
        int32(b.length);
        room(b.length);
        System.arraycopy(b, 0, buf, size, b.length);
        size += b.length;
        return this;
    }

    /** Text (varchar, char) as UTF-8, or null. */
    CopyBinary text(@Nullable String v) {
        if (v == null) {
            return nul();
        }
        for (int i = 0; i < v.length(); i++) {
            if (v.charAt(i) >= 0x80) {
                return bytea(v.getBytes(StandardCharsets.UTF_8));
            }
        }
        int32(v.length());
        room(v.length());
        for (int i = 0; i < v.length(); i++) {
            buf[size++] = (byte) v.charAt(i);
        }
        return this;
    }

    CopyBinary date(@Nullable LocalDate d) {
        if (d == null) {
            return nul();
        }
        int32(4);
        int32(Math.toIntExact(d.toEpochDay() - EPOCH_2000));
        return this;
    }

    /**
     * A numeric: digit count, weight (of the first base-10000 digit), sign, display scale, digits. Leading and
     * trailing zero digits are allowed; the server strips them and applies the column's scale.
     */
    CopyBinary numeric(@Nullable BigDecimal a) {
        if (a == null) {
            return nul();
        }
        BigDecimal v = a.scale() < 0 ? a.setScale(0) : a;
        String plain = v.abs().toPlainString();
        int dot = plain.indexOf('.');
        String whole = dot < 0 ? plain : plain.substring(0, dot);
        String fraction = dot < 0 ? "" : plain.substring(dot + 1);
        int wholeGroups = (whole.length() + 3) / 4;
        int fractionGroups = (fraction.length() + 3) / 4;
        String digits = "0".repeat(wholeGroups * 4 - whole.length())
                + whole
                + fraction
                + "0".repeat(fractionGroups * 4 - fraction.length());
        int n = wholeGroups + fractionGroups;
        int32(8 + 2 * n);
        int16(n);
        int16(wholeGroups - 1);
        int16(v.signum() < 0 ? 0x4000 : 0);
        int16(v.scale());
        for (int i = 0; i < n; i++) {
            int16(Integer.parseInt(digits, i * 4, i * 4 + 4, 10));
        }
        return this;
    }
}
