package org.siarchive.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * A node's id: configured, or made once and kept in the data directory ({@code node-id}), so that a restarted node
 * is the same node and finishes its own interrupted work.
 */
final class NodeIdentity {

    static final Pattern VALID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    private NodeIdentity() {}

    static String of(Path dataDir, @org.jspecify.annotations.Nullable String configured) {
        if (configured != null && !configured.isBlank()) {
            return checked(configured.strip(), "siarchive.cluster.node-id");
        }
        Path file = dataDir.resolve("node-id");
        try {
            if (Files.exists(file)) {
                return checked(Files.readString(file, StandardCharsets.UTF_8).strip(), file.toString());
            }
            byte[] random = new byte[6];
            new SecureRandom().nextBytes(random);
            String id = "node-" + HexFormat.of().formatHex(random);
            Path part = dataDir.resolve("node-id.part");
            Files.writeString(part, id + "\n", StandardCharsets.UTF_8);
            try {
                Files.move(part, file, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(part, file, StandardCopyOption.REPLACE_EXISTING);
            }
            return id;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the node id in " + file, e);
        }
    }

    private static String checked(String id, String source) {
        if (!VALID.matcher(id).matches()) {
            throw new IllegalArgumentException(
                    source + ": a node id is 1–64 letters, digits, dots, dashes or underscores: " + id);
        }
        return id;
    }
}
