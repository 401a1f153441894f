package org.siarchive.preservation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Optional;
import java.util.UUID;

/**
 * The primary store and its replica in step: the replica brought to the primary's head, and a damaged primary
 * file replaced by the replica's copy once that copy is proven good. Works the same whether either root is on
 * disk or in S3; the files pass through a temporary directory of this node.
 */
final class ReplicaSync {

    record Mirrored(int version, boolean written) {}

    private final OcflStore store;
    private final OcflReplica replica;
    private final Path tmp;

    ReplicaSync(OcflStore store, OcflReplica replica, Path tmp) {
        this.store = store;
        this.replica = replica;
        this.tmp = tmp;
    }

    Mirrored mirror(String objectId) {
        int head = store.headVersion(objectId).orElseThrow(() -> new IllegalStateException("no object " + objectId));
        if (replica.mirroredVersion(objectId).orElse(-1) == head) {
            return new Mirrored(head, false);
        }
        var files = new LinkedHashMap<String, Path>();
        Path dir = tmp.resolve(UUID.randomUUID().toString());
        try {
            Files.createDirectories(dir);
            int n = 0;
            for (String logical : store.logicalPaths(objectId)) {
                if (logical.equals(OcflStore.SIDECAR)) {
                    continue;
                }
                Path copy = dir.resolve(Integer.toString(n++));
                try (var in = store.open(objectId, logical)) {
                    Files.copy(in, copy);
                }
                files.put(logical, copy);
            }
            replica.put(objectId, files, store.readSidecar(objectId), head, "siarchive-replication");
            return new Mirrored(head, true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            deleteQuietly(dir);
        }
    }

    /**
     * Replaces a damaged or missing stored file with the replica's copy, after checking that copy against the
     * registered size, SM3 and SHA-256 (the replica is never trusted blindly). The copy is written to a local
     * temporary file first and put in place only when it matches: on disk fsynced and moved over the file
     * atomically, in S3 one PUT of the key. False when the replica's copy does not match or cannot be read.
     */
    boolean repair(String objectId, String logicalPath, Fixity expected) {
        if (!replica.contains(objectId)) {
            return false;
        }
        Path dir = tmp.resolve(UUID.randomUUID().toString());
        try {
            String target = store.storedPath(objectId, logicalPath);
            Files.createDirectories(dir);
            Path part = dir.resolve("repair");
            var d = new Digester();
            try (var in = replica.open(objectId, logicalPath);
                    var out = Files.newOutputStream(part)) {
                byte[] buf = new byte[256 * 1024];
                int n;
                while ((n = in.read(buf)) > 0) {
                    d.update(buf, 0, n);
                    out.write(buf, 0, n);
                }
            }
            if (!d.finish().matches(expected)) {
                return false;
            }
            store.root().replace(target, part);
            return true;
        } catch (IOException | RuntimeException e) {
            return false;
        } finally {
            deleteQuietly(dir);
        }
    }

    private static void deleteQuietly(Path dir) {
        try {
            DiskRoot.deleteTree(dir);
        } catch (UncheckedIOException ignored) {
            // temporary copies
        }
    }

    static Optional<ReplicaSync> of(OcflStore store, @org.jspecify.annotations.Nullable OcflReplica replica, Path tmp) {
        return replica == null ? Optional.empty() : Optional.of(new ReplicaSync(store, replica, tmp));
    }
}
