package org.siarchive.comparison;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Reads CSV records from bytes whose encoding may change from line to line: each record is decoded as UTF-8
 * when it is valid UTF-8, else as GB18030 (a superset of GBK); a BOM is dropped. Records split on line breaks
 * outside double quotes, fields on commas; {@code ""} inside quotes is a quote. The split works on bytes,
 * which is safe because no GBK/GB18030 trailing byte is a quote, comma or line break. Bounded: a record
 * longer than {@link #MAX_RECORD_BYTES} is cut into an error, not read into memory whole.
 */
final class ReferenceCsv implements ImportPipeline.Source {

    static final int MAX_RECORD_BYTES = 64 * 1024;
    static final Charset GB18030 = Charset.forName("GB18030");

    private final InputStream in;
    private final byte[] buf = new byte[1 << 16];
    private int pos;
    private int lim;
    private byte[] record = new byte[256];
    private int recordLength;
    private final CharsetDecoder utf8 = StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    private long lineNo;
    private long recordLine;
    private boolean first = true;
    private boolean sawUtf8;
    private boolean sawGb;

    ReferenceCsv(InputStream in) {
        this.in = in;
    }

    /** The next record's fields, or null at the end; blank lines are skipped. */
    @Override
    public @Nullable List<String> next() throws IOException {
        while (true) {
            if (!readRecord()) {
                return null;
            }
            String text = decode(record, recordLength);
            if (!text.isBlank()) {
                return split(text);
            }
        }
    }

    /** The line number (from 1) where the last record began. */
    @Override
    public long rowNo() {
        return recordLine;
    }

    /** UTF-8, GB18030, or MIXED when both occurred; null before any non-ASCII text. */
    @Nullable
    String encoding() {
        return sawUtf8 && sawGb ? "MIXED" : sawGb ? "GB18030" : sawUtf8 ? "UTF-8" : null;
    }

    /**
     * Reads the next record into {@link #record} (without its line break); false at the end. Scans the buffer
     * in runs and copies each run at once; bytes beyond {@link #MAX_RECORD_BYTES} are consumed, not kept.
     */
    private boolean readRecord() throws IOException {
        recordLength = 0;
        boolean quoted = false;
        boolean any = false;
        boolean ended = false;
        recordLine = lineNo + 1;
        while (!ended && (pos < lim || fill())) {
            any = true;
            int i = pos;
            for (; i < lim; i++) {
                byte b = buf[i];
                if (b == '"') {
                    quoted = !quoted;
                } else if (b == '\n') {
                    lineNo++;
                    if (!quoted) {
                        ended = true;
                        break;
                    }
                }
            }
            keep(pos, i - pos);
            pos = ended ? i + 1 : i;
        }
        if (any && !ended) {
            lineNo++;
        }
        return any;
    }

    private void keep(int from, int n) {
        int k = Math.min(n, MAX_RECORD_BYTES - recordLength);
        if (k <= 0) {
            return;
        }
        if (recordLength + k > record.length) {
            record = java.util.Arrays.copyOf(
                    record, Math.min(MAX_RECORD_BYTES, Math.max(record.length * 2, recordLength + k)));
        }
        System.arraycopy(buf, from, record, recordLength, k);
        recordLength += k;
    }

    private boolean fill() throws IOException {
        lim = in.read(buf);
        pos = 0;
        if (lim <= 0) {
            lim = 0;
            return false;
        }
        return true;
    }

    private String decode(byte[] bytes, int length) {
        int from = 0;
        if (first) {
            first = false;
            if (length >= 3 && (bytes[0] & 0xff) == 0xEF && (bytes[1] & 0xff) == 0xBB && (bytes[2] & 0xff) == 0xBF) {
                from = 3;
            }
        }
        boolean ascii = true;
        for (int i = from; i < length; i++) {
            if (bytes[i] < 0) {
                ascii = false;
                break;
            }
        }
        if (ascii) {
            return new String(bytes, from, length - from, StandardCharsets.US_ASCII);
        }
        // the lenient decoder marks every malformed sequence with U+FFFD: without one, the bytes were UTF-8
        String lenient = new String(bytes, from, length - from, StandardCharsets.UTF_8);
        if (lenient.indexOf('\uFFFD') < 0) {
            sawUtf8 = true;
            return lenient;
        }
        try {
            String s = utf8.reset()
                    .decode(ByteBuffer.wrap(bytes, from, length - from))
                    .toString();
            sawUtf8 = true;
            return s;
        } catch (CharacterCodingException e) {
            sawGb = true;
            return new String(bytes, from, length - from, GB18030);
        }
    }

    /** Splits one record's text into fields (RFC 4180 quoting); trailing CR/LF dropped. */
    static List<String> split(String text) {
        int end = text.length();
        while (end > 0 && (text.charAt(end - 1) == '\n' || text.charAt(end - 1) == '\r')) {
            end--;
        }
        var fields = new ArrayList<String>();
        if (text.indexOf('"') < 0) {
            int from = 0;
            for (int comma = text.indexOf(',', from); comma >= 0 && comma < end; comma = text.indexOf(',', from)) {
                fields.add(text.substring(from, comma));
                from = comma + 1;
            }
            fields.add(text.substring(from, end));
            return fields;
        }
        var field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < end; i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < end && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        fields.add(field.toString());
        return fields;
    }
}
