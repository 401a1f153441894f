package org.siarchive.preservation;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * OCFL writes a version's directory (content, inventory and its digest sidecar) before it replaces the
 * root inventory; a crash in between leaves the root without (or with a stale) inventory or sidecar.
 * The newest version directory whose inventory matches its sidecar is then the object's true state:
 * its inventory and sidecar are copied to the root (synced). Reads whichever sidecar the version holds
 * ({@code .sha256} or, for objects written before issue 12, {@code .sha512}; docs/adr/0037).
 */
final class RootInventoryRepair {

    private RootInventoryRepair() {}

    /** Restores the root inventory of the object at {@code objectRoot}; false when no version is complete. */
    static boolean repair(Path objectRoot) {
        for (int v = newestVersionDir(objectRoot); v > 0; v--) {
            Path dir = objectRoot.resolve("v" + v);
            Path inventory = dir.resolve("inventory.json");
            Path sidecar = inventorySidecar(dir);
            if (!Files.isRegularFile(inventory) || sidecar == null) {
                continue;
            }
            try {
                if (!matchesSidecar(inventory, sidecar)) {
                    continue;
                }
                installAtRoot(objectRoot, inventory, sidecar);
                return true;
            } catch (IOException | NoSuchAlgorithmException e) {
                throw new IllegalStateException("cannot repair the root inventory of " + objectRoot, e);
            }
        }
        return false;
    }

    private static boolean matchesSidecar(Path inventory, Path sidecar) throws IOException, NoSuchAlgorithmException {
        String expected = Files.readString(sidecar).strip().split("\\s+")[0];
        String algorithm = sidecar.getFileName().toString().endsWith("sha512") ? "SHA-512" : "SHA-256";
        var md = MessageDigest.getInstance(algorithm);
        String actual = HexFormat.of().formatHex(md.digest(Files.readAllBytes(inventory)));
        return Fixity.sameInventoryDigest(actual, expected);
    }

    private static void installAtRoot(Path objectRoot, Path inventory, Path sidecar) throws IOException {
        Path rootSidecar = objectRoot.resolve(sidecar.getFileName());
        Files.copy(inventory, objectRoot.resolve("inventory.json"), StandardCopyOption.REPLACE_EXISTING);
        Files.copy(sidecar, rootSidecar, StandardCopyOption.REPLACE_EXISTING);
        Durable.force(objectRoot.resolve("inventory.json"));
        Durable.force(rootSidecar);
        Durable.force(objectRoot);
    }

    private static int newestVersionDir(Path objectRoot) {
        try (Stream<Path> dirs = Files.list(objectRoot)) {
            return dirs.map(p -> p.getFileName().toString())
                    .filter(n -> n.matches("v\\d+"))
                    .mapToInt(n -> Integer.parseInt(n.substring(1)))
                    .max()
                    .orElse(0);
        } catch (IOException e) {
            return 0;
        }
    }

    /** The version directory's inventory digest file, whichever algorithm the object uses; null when absent. */
    private static @Nullable Path inventorySidecar(Path versionDir) {
        for (String algorithm : List.of("sha512", "sha256")) {
            Path sidecar = versionDir.resolve("inventory.json." + algorithm);
            if (Files.isRegularFile(sidecar)) {
                return sidecar;
            }
        }
        return null;
    }
}
