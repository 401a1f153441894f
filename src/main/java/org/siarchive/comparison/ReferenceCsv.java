package org.siarchive.comparison;

import java.io.ByteArrayOutputStream;
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
    private final ByteArrayOutputStream record = new ByteArrayOutputStream(256);
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
            byte[] bytes = readRecord();
            if (bytes == null) {
                return null;
            }
            String text = decode(bytes);
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

    private byte @Nullable [] readRecord() throws IOException {
        record.reset();
        boolean quoted = false;
        boolean any = false;
        recordLine = lineNo + 1;
        int b;
        while ((b = read()) != -1) {
            any = true;
            if (b == '"') {
                quoted = !quoted;
            } else if (b == '\n') {
                lineNo++;
                if (!quoted) {
                    break;
                }
            }
            if (record.size() < MAX_RECORD_BYTES) {
                record.write(b);
            }
        }
        if (!any) {
            return null;
        }
        if (b == -1) {
            lineNo++;
        }
        return record.toByteArray();
    }

    private int read() throws IOException {
        if (pos == lim) {
            lim = in.read(buf);
            pos = 0;
            if (lim <= 0) {
                lim = 0;
                return -1;
            }
        }
        return buf[pos++] & 0xff;
    }

    private String decode(byte[] bytes) {
        int from = 0;
        if (first) {
            first = false;
            if (bytes.length >= 3
                    && (bytes[0] & 0xff) == 0xEF
                    && (bytes[1] & 0xff) == 0xBB
                    && (bytes[2] & 0xff) == 0xBF) {
                from = 3;
            }
        }
        boolean ascii = true;
        for (int i = from; i < bytes.length; i++) {
            if (bytes[i] < 0) {
                ascii = false;
                break;
            }
        }
        if (ascii) {
            return new String(bytes, from, bytes.length - from, StandardCharsets.US_ASCII);
        }
        try {
            String s = utf8.reset()
                    .decode(ByteBuffer.wrap(bytes, from, bytes.length - from))
                    .toString();
            sawUtf8 = true;
            return s;
        } catch (CharacterCodingException e) {
            sawGb = true;
            return new String(bytes, from, bytes.length - from, GB18030);
        }
    }

    /** Splits one record's text into fields (RFC 4180 quoting); trailing CR/LF dropped. */
    static List<String> split(String text) {
        int end = text.length();
        while (end > 0 && (text.charAt(end - 1) == '\n' || text.charAt(end - 1) == '\r')) {
            end--;
        }
        var fields = new ArrayList<String>();
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
