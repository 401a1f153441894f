package org.siarchive.preservation;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Optional;
import org.siarchive.crypto.Digests;

/**
 * An OCFL object's root inventory against its digest sidecar ({@code inventory.json.sha512} or {@code .sha256},
 * OCFL 1.1 §3.5.6): the bytes of the inventory hashed and compared with the digest the sidecar holds. Cheap (a few
 * KB read and hashed), so a sweep does it for every object every time, and re-validates the whole object only
 * when this digest changed since its last passed check (docs/adr/0113).
 */
final class InventorySidecar {

    private InventorySidecar() {}

    /**
     * The inventory's digest as {@code algorithm:hex} (e.g. {@code sha256:9f…}) when the inventory matches its
     * sidecar; empty when either is missing or they differ.
     */
    static Optional<String> verifiedDigest(StorageRoot root, String objectRoot) throws IOException {
        for (String algorithm : new String[] {"sha512", "sha256"}) {
            var sidecar = root.read(objectRoot + "/inventory.json." + algorithm);
            if (sidecar.isEmpty()) {
                continue;
            }
            String recorded =
                    new String(sidecar.get(), StandardCharsets.US_ASCII).strip().split("\\s+", 2)[0];
            var inventory = root.read(objectRoot + "/inventory.json");
            if (inventory.isEmpty()) {
                return Optional.empty();
            }
            byte[] bytes = inventory.get();
            var pass = Digests.pass(algorithm.equals("sha512") ? "SHA-512" : "SHA-256");
            pass.update(bytes, 0, bytes.length);
            String actual = HexFormat.of().formatHex(pass.finish()[0]);
            return Fixity.sameInventoryDigest(actual, recorded)
                    ? Optional.of(algorithm + ":" + actual)
                    : Optional.empty();
        }
        return Optional.empty();
    }
}
