package org.siarchive.preservation;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.siarchive.shared.InvalidInputException;
import org.siarchive.shared.Violation;

/**
 * Bounds on reading one uploaded zip (scan batches, transfer packages; docs/adr/0033): how many entries
 * it may have, and how far each entry may expand beyond the compressed bytes it was read from, checked
 * while it is read, so a zip bomb is refused after a bounded amount of work whatever its headers claim.
 * A refusal is a 422 naming the zip, the entry and the rule.
 */
public final class ZipGuard {

    /**
     * Expansion allowed before the ratio applies, so highly compressible honest entries (manifests, an
     * uncompressed TIFF of a nearly blank page) pass; a bomb is stopped after at most this much.
     */
    private static final long SLACK = 32L << 20;

    private final String zipName;
    private final int maxEntries;
    private final int maxRatio;
    private int entries;

    public ZipGuard(String zipName, FileSettings settings) {
        this(zipName, settings.zipMaxEntries(), settings.zipMaxRatio());
    }

    /** With an entry cap of the caller's own (a transfer package legitimately holds many documents). */
    public ZipGuard(String zipName, int maxEntries, int maxRatio) {
        this.zipName = zipName;
        this.maxEntries = maxEntries;
        this.maxRatio = maxRatio;
    }

    /** Counts one more entry (directories and skipped ones too: each costs a header read). */
    public void entry() {
        if (++entries > maxEntries) {
            throw new InvalidInputException(Violation.of("file", "zip.tooManyEntries", zipName, maxEntries));
        }
    }

    public void entries(int count) {
        if (count > maxEntries) {
            throw new InvalidInputException(Violation.of("file", "zip.tooManyEntries", zipName, maxEntries));
        }
    }

    /** The raw zip bytes, counted, so that entries read through {@link #expanding} know what they cost. */
    public Counting counting(InputStream raw) {
        return new Counting(raw);
    }

    /** One entry's bytes, refused once they expand beyond the ratio over the compressed bytes consumed. */
    public InputStream expanding(InputStream entry, String entryName, Counting compressed) {
        long start = compressed.count;
        return new Expanding(entry, entryName, () -> compressed.count - start);
    }

    /** One entry's bytes when the compressed size is known from the central directory (ZipFile). */
    public InputStream expanding(InputStream entry, String entryName, long compressedSize) {
        return new Expanding(entry, entryName, () -> Math.max(compressedSize, 0));
    }

    /** Counts bytes read from the raw zip. */
    public static final class Counting extends FilterInputStream {
        private long count;

        Counting(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            count += b < 0 ? 0 : 1;
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            count += Math.max(n, 0);
            return n;
        }
    }

    private final class Expanding extends FilterInputStream {
        private final String entryName;
        private final java.util.function.LongSupplier compressed;
        private long expanded;

        Expanding(InputStream in, String entryName, java.util.function.LongSupplier compressed) {
            super(in);
            this.entryName = entryName;
            this.compressed = compressed;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                account(1);
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                account(n);
            }
            return n;
        }

        private void account(int n) {
            expanded += n;
            if (expanded > SLACK + (long) maxRatio * compressed.getAsLong()) {
                throw new InvalidInputException(Violation.of("file", "zip.ratio", zipName, entryName, maxRatio));
            }
        }
    }
}
