package org.siarchive.digitisation;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.siarchive.shared.InvalidInputException;
import org.siarchive.shared.OriginalNames;
import org.siarchive.shared.Violation;

/** The files of a batch's directory: bounded and synced copies, digests, accepted extensions, clean-up. */
final class PageFiles {

    private PageFiles() {}

    /** The stored extension of a page image, null for anything that is not one. */
    static @Nullable String extension(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        for (var e : Map.of(".png", "png", ".jpg", "jpg", ".jpeg", "jpg", ".tif", "tif", ".tiff", "tif")
                .entrySet()) {
            if (n.endsWith(e.getKey())) {
                return e.getValue();
            }
        }
        return null;
    }

    /** The sender's entry path, its names cleaned as every original file name is (no bidi, no controls, NFC). */
    static String displayName(String source) {
        var parts = new ArrayList<String>();
        for (String part : source.split("/")) {
            if (!part.isBlank()) {
                parts.add(OriginalNames.clean(part));
            }
        }
        String shown = String.join("/", parts);
        return shown.length() > 255 ? shown.substring(shown.length() - 255) : shown;
    }

    /** Copies at most {@link ScanBatches#MAX_PAGE_BYTES} into a new file and syncs it; answers the size. */
    static long copyLimited(InputStream in, Path target) throws IOException {
        long n = 0;
        byte[] buf = new byte[64 * 1024];
        try (var out = Files.newOutputStream(target, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            int r;
            while ((r = in.read(buf)) > 0) {
                n += r;
                if (n > ScanBatches.MAX_PAGE_BYTES) {
                    throw new InvalidInputException(
                            Violation.of("file", "fileTooLarge", ScanBatches.MAX_PAGE_BYTES >> 20));
                }
                out.write(buf, 0, r);
            }
        }
        try (var ch = java.nio.channels.FileChannel.open(target, StandardOpenOption.WRITE)) {
            ch.force(true);
        }
        return n;
    }

    static String sha256(Path p) throws IOException {
        try {
            var md = MessageDigest.getInstance("SHA-256");
            try (var in = Files.newInputStream(p)) {
                byte[] buf = new byte[64 * 1024];
                int r;
                while ((r = in.read(buf)) > 0) {
                    md.update(buf, 0, r);
                }
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Forces a stored file to disk (a rendered PDF page is written without it). */
    static void syncFile(Path file) throws IOException {
        try (var ch = java.nio.channels.FileChannel.open(file, StandardOpenOption.WRITE)) {
            ch.force(true);
        }
    }

    static void syncDirectory(Path dir) {
        try (var ch = java.nio.channels.FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException e) {
            // some file systems cannot sync a directory; the files themselves are synced
        }
    }

    static void deleteQuietly(Path dir) {
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder())
                    .forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // nothing to clean
        }
    }
}
