package org.siarchive.disposition;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Scans storage for a marker string planted in captured content: every regular file under the given roots,
 * byte for byte. The roots of the stores this part purges are {@link #contentStores}; the search-index and
 * derived-copy roots are added by extending {@link #roots} (the copies part's hook).
 */
final class StoreScan {

    private StoreScan() {}

    /** The primary OCFL root, its work directory and staging inside a data directory. */
    static List<Path> contentStores(Path dataDir) {
        return List.of(dataDir.resolve("ocfl"), dataDir.resolve("ocfl-work"), dataDir.resolve("staging"));
    }

    /** Every root a destruction must leave without the marker; copies of other kinds are added here. */
    static List<Path> roots(Path dataDir, Path... more) {
        var out = new ArrayList<>(contentStores(dataDir));
        out.addAll(List.of(more));
        return out;
    }

    /** The files under {@code roots} whose bytes contain {@code marker}. */
    static List<Path> filesContaining(List<Path> roots, String marker) {
        byte[] needle = marker.getBytes(StandardCharsets.US_ASCII);
        var found = new ArrayList<Path>();
        for (Path root : roots) {
            if (!Files.isDirectory(root)) {
                continue;
            }
            try (Stream<Path> walk = Files.walk(root)) {
                walk.filter(Files::isRegularFile)
                        .filter(p -> contains(p, needle))
                        .forEach(found::add);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return found;
    }

    private static boolean contains(Path file, byte[] needle) {
        try {
            byte[] hay = Files.readAllBytes(file);
            outer:
            for (int i = 0; i + needle.length <= hay.length; i++) {
                for (int j = 0; j < needle.length; j++) {
                    if (hay[i + j] != needle[j]) {
                        continue outer;
                    }
                }
                return true;
            }
            return false;
        } catch (IOException e) {
            return false; // deleted while walking
        }
    }
}
