package org.siarchive.preservation;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * OCFL writes a version's directory (content, inventory and its digest sidecar) before it replaces the
 * root inventory; a crash in between leaves the root without (or with a stale) inventory or sidecar.
 * The newest version directory whose inventory matches its sidecar is then the object's true state:
 * its inventory and sidecar are copied to the root (durably). Reads whichever sidecar the version holds
 * ({@code .sha256} or, for objects written before issue 12, {@code .sha512}; docs/adr/0037). The same on
 * disk and in S3 ({@link StorageRoot}).
 */
final class RootInventoryRepair {

    private RootInventoryRepair() {}

    /** Restores the root inventory of the object at {@code objectRoot}; false when no version is complete. */
    static boolean repair(StorageRoot root, String objectRoot) {
        List<String> files = root.list(objectRoot);
        for (int v = newestVersionDir(files); v > 0; v--) {
            String dir = objectRoot + "/v" + v + "/";
            try {
                var inventory = root.read(dir + "inventory.json");
                for (String algorithm : List.of("sha512", "sha256")) {
                    var sidecar = root.read(dir + "inventory.json." + algorithm);
                    if (inventory.isPresent()
                            && sidecar.isPresent()
                            && matchesSidecar(inventory.get(), sidecar.get(), algorithm)) {
                        root.write(objectRoot + "/inventory.json", inventory.get());
                        root.write(objectRoot + "/inventory.json." + algorithm, sidecar.get());
                        return true;
                    }
                }
            } catch (IOException | NoSuchAlgorithmException e) {
                throw new IllegalStateException("cannot repair the root inventory of " + objectRoot, e);
            }
        }
        return false;
    }

    private static boolean matchesSidecar(byte[] inventory, byte[] sidecar, String algorithm)
            throws NoSuchAlgorithmException {
        String expected = new String(sidecar, StandardCharsets.US_ASCII).strip().split("\\s+")[0];
        var md = MessageDigest.getInstance(algorithm.equals("sha512") ? "SHA-512" : "SHA-256");
        String actual = HexFormat.of().formatHex(md.digest(inventory));
        return Fixity.sameInventoryDigest(actual, expected);
    }

    private static int newestVersionDir(List<String> files) {
        return files.stream()
                .map(f -> f.split("/", 2)[0])
                .filter(n -> n.matches("v\\d+"))
                .mapToInt(n -> Integer.parseInt(n.substring(1)))
                .max()
                .orElse(0);
    }
}
