package org.siarchive.disposition;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Scans every regular file under a directory for a marker string, byte for byte (UTF-8, and UTF-16 both
 * ways for stores that write wide strings). The scan reads raw bytes: what it cannot see in a compressed
 * file it cannot see — the walks therefore plant markers where they are written uncompressed and show
 * first that the scan finds them.
 */
final class MarkerScan {

    private MarkerScan() {}

    static List<Path> filesContaining(Path root, String marker) {
        if (!Files.exists(root)) {
            return List.of();
        }
        var needles = List.of(
                marker.getBytes(StandardCharsets.UTF_8),
                marker.getBytes(StandardCharsets.UTF_16LE),
                marker.getBytes(StandardCharsets.UTF_16BE));
        var hits = new ArrayList<Path>();
        for (Path f : org.siarchive.support.LiveFiles.regularFiles(root)) {
            byte[] bytes = read(f);
            if (needles.stream().anyMatch(n -> indexOf(bytes, n) >= 0)) {
                hits.add(f);
            }
        }
        return hits;
    }

    private static byte[] read(Path f) {
        try {
            return Files.readAllBytes(f);
        } catch (java.nio.file.NoSuchFileException e) {
            return new byte[0]; // removed while walking (a Lucene merge, a staging cleanup)
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
