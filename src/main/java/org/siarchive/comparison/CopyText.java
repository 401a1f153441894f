package org.siarchive.comparison;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * PostgreSQL COPY text written straight into UTF-8 bytes (the import's batches): numbers and hex without
 * building strings, text escaped as COPY wants it ({@code \\}, {@code \t}, {@code \n}, {@code \r}), null as
 * {@code \N}. Replaces a StringBuilder that turned UTF-16 at the first Chinese name and was then encoded as a
 * whole (docs/adr/0074, issue 17 performance).
 */
final class CopyText {

    private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

    private byte[] buf;
    private int size;

    CopyText(int capacity) {
        buf = new byte[Math.max(16, capacity)];
    }

    int size() {
        return size;
    }

    byte[] toByteArray() {
        return Arrays.copyOf(buf, size);
    }

    private void room(int n) {
        if (size + n > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, size + n));
        }
    }

    CopyText tab() {
        room(1);
        buf[size++] = '\t';
        return this;
    }

    CopyText newline() {
        room(1);
        buf[size++] = '\n';
        return this;
    }

    /** A non-negative or negative whole number. */
    CopyText number(long v) {
        String s = Long.toString(v);
        room(s.length());
        for (int i = 0; i < s.length(); i++) {
            buf[size++] = (byte) s.charAt(i);
        }
        return this;
    }

    /** A bytea value in hex form, as COPY text reads it ({@code \\x…}). */
    CopyText bytea(byte[] b) {
        room(3 + 2 * b.length);
        buf[size++] = '\\';
        buf[size++] = '\\';
        buf[size++] = 'x';
        for (byte x : b) {
            buf[size++] = HEX[(x >> 4) & 0xf];
            buf[size++] = HEX[x & 0xf];
        }
        return this;
    }

    /** A text value (escaped), or {@code \N} for null. */
    CopyText text(@Nullable String v) {
        if (v == null) {
            room(2);
            buf[size++] = '\\';
            buf[size++] = 'N';
            return this;
        }
        room(v.length());
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c >= 0x80) {
                return utf8(v, i);
            }
            ascii(c);
        }
        return this;
    }

    /** The rest of a value from {@code from}, which holds a non-ASCII character. */
    private CopyText utf8(String v, int from) {
        String rest = ReferenceValidator.escape(v.substring(from));
        byte[] b = rest.getBytes(StandardCharsets.UTF_8);
        room(b.length);
        System.arraycopy(b, 0, buf, size, b.length);
        size += b.length;
        return this;
    }

    private void ascii(char c) {
        switch (c) {
            case '\\' -> escaped('\\');
            case '\t' -> escaped('t');
            case '\n' -> escaped('n');
            case '\r' -> escaped('r');
            default -> {
                room(1);
                buf[size++] = (byte) c;
            }
        }
    }

    private void escaped(char c) {
        room(2);
        buf[size++] = '\\';
        buf[size++] = (byte) c;
    }
}
