package org.siarchive.preservation;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;

/**
 * Files that are two formats at once (a PDF or image that is also a zip): the second reading is what an
 * attacker hides behind the first, so a filing format must end where its format says it ends. Checks a
 * zip end-of-central-directory record near the end of the file, and bytes after the format's own end
 * marker (PDF {@code %%EOF}, PNG {@code IEND}, JPEG {@code EOI}) beyond a small tolerance.
 */
final class Polyglots {

    private static final int TAIL = 64 * 1024 + 22;

    private Polyglots() {}

    /** The evidence of a second format or trailing data (language-neutral), or null when the file ends cleanly. */
    static @Nullable String problem(Path file, String family, int tolerance) throws IOException {
        byte[] tail = tail(file);
        if (containsZipDirectoryEnd(tail)) {
            return "zip end-of-central-directory at the end";
        }
        int end =
                switch (family) {
                    case "PDF" -> afterLast(tail, "%%EOF".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                    case "PNG" -> afterLast(tail, new byte[] {'I', 'E', 'N', 'D'}) + 4; // the IEND chunk's CRC
                    case "JPEG" -> afterLast(tail, new byte[] {(byte) 0xFF, (byte) 0xD9});
                    default -> tail.length;
                };
        int trailing = tail.length - end;
        return trailing > tolerance ? trailing + " bytes after the end marker" : null;
    }

    private static byte[] tail(Path file) throws IOException {
        try (var raf = new RandomAccessFile(file.toFile(), "r")) {
            long length = raf.length();
            int n = (int) Math.min(length, TAIL);
            byte[] tail = new byte[n];
            raf.seek(length - n);
            raf.readFully(tail);
            return tail;
        }
    }

    /**
     * PK\5\6, the record every zip reader starts from, whose comment runs exactly to the end of the file:
     * how a zip hides in another format (the comment swallows the host's trailer). Four matching bytes by
     * chance inside compressed data do not also carry a consistent comment length.
     */
    private static boolean containsZipDirectoryEnd(byte[] tail) {
        byte[] sig = {'P', 'K', 5, 6};
        for (int at = lastIndexOf(tail, sig, tail.length); at >= 0; at = lastIndexOf(tail, sig, at)) {
            if (at + 22 <= tail.length) {
                int commentLength = (tail[at + 20] & 0xFF) | (tail[at + 21] & 0xFF) << 8;
                if (at + 22 + commentLength == tail.length) {
                    return true;
                }
            }
        }
        return false;
    }

    /** A zip container (OFD, OOXML) that a PDF reader would also open: "%PDF-" within its first kilobyte. */
    static @Nullable String zipProblem(Path file) throws IOException {
        byte[] head;
        try (var in = java.nio.file.Files.newInputStream(file)) {
            head = in.readNBytes(1024);
        }
        return lastIndexOf(head, "%PDF-".getBytes(java.nio.charset.StandardCharsets.US_ASCII), head.length) >= 0
                ? "%PDF- header in a zip container"
                : null;
    }

    /** Position just after the last occurrence of the marker; the whole tail when it is missing. */
    private static int afterLast(byte[] tail, byte[] marker) {
        int at = lastIndexOf(tail, marker);
        return at < 0 ? tail.length : at + marker.length;
    }

    private static int lastIndexOf(byte[] data, byte[] marker) {
        return lastIndexOf(data, marker, data.length);
    }

    /**
     * The last occurrence starting before {@code before}, or -1. A backward Horspool search: on a mismatch the window
     * moves left by as much as the byte at its start allows (the marker's length when that byte is not in it), so a
     * 64 KB tail of compressed or random bytes costs about a quarter of the comparisons of a byte-by-byte scan. Every
     * capture of a PDF or an image scans its tail this way (docs/benchmarks.md, issue 20, fourth pass).
     */
    static int lastIndexOf(byte[] data, byte[] marker, int before) {
        int m = marker.length;
        int[] shift = new int[256];
        java.util.Arrays.fill(shift, m);
        for (int k = m - 1; k >= 1; k--) {
            shift[marker[k] & 0xFF] = k; // the leftmost position (after the first) a byte takes in the marker
        }
        int i = Math.min(before - 1, data.length - m);
        while (i >= 0) {
            int j = 0;
            while (j < m && data[i + j] == marker[j]) {
                j++;
            }
            if (j == m) {
                return i;
            }
            i -= shift[data[i] & 0xFF];
        }
        return -1;
    }
}
