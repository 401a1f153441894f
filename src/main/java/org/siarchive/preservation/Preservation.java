package org.siarchive.preservation;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.siarchive.platform.DataDirectory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * The preservation store's API: stage uploads with their fixity, write object versions durably,
 * and read content back through fixity verification.
 */
@Component
public class Preservation implements DisposableBean {

    private final Staging staging;
    private final OcflStore store;

    private final @org.jspecify.annotations.Nullable OcflReplica replica;
    private final Path tmp;

    Preservation(DataDirectory data, FormatIdentifier formats, ReplicaSettings replicaSettings) {
        this.staging = new Staging(data.resolve("staging"), formats);
        this.store = new OcflStore(data.resolve("ocfl"), data.resolve("ocfl-work"));
        this.tmp = data.resolve("replica-work");
        this.replica = replicaSettings.open(data);
    }

    /** The configured replica (a second OCFL root on disk or in S3), if any. */
    public Optional<OcflReplica> replica() {
        return Optional.ofNullable(replica);
    }

    /**
     * Brings the replica in step with the primary's head version of the object (a no-op when it already
     * mirrors it). Returns the primary version the replica now holds; empty without a replica.
     */
    public Optional<Integer> replicate(String objectId) {
        return mirror(objectId).map(Mirrored::version);
    }

    /** Like {@link #replicate}, but answers the version only when it had to be written now. */
    public Optional<Integer> replicateIfBehind(String objectId) {
        return mirror(objectId).filter(Mirrored::written).map(Mirrored::version);
    }

    private record Mirrored(int version, boolean written) {}

    private Optional<Mirrored> mirror(String objectId) {
        if (replica == null) {
            return Optional.empty();
        }
        int head = store.headVersion(objectId).orElseThrow(() -> new IllegalStateException("no object " + objectId));
        if (replica.mirroredVersion(objectId).orElse(-1) == head) {
            return Optional.of(new Mirrored(head, false));
        }
        var files = new LinkedHashMap<String, Path>();
        Path dir = tmp.resolve(java.util.UUID.randomUUID().toString());
        try {
            java.nio.file.Files.createDirectories(dir);
            int n = 0;
            for (String logical : store.logicalPaths(objectId)) {
                if (logical.equals(OcflStore.SIDECAR)) {
                    continue;
                }
                Path copy = dir.resolve(Integer.toString(n++));
                try (var in = store.open(objectId, logical)) {
                    java.nio.file.Files.copy(in, copy);
                }
                files.put(logical, copy);
            }
            replica.put(objectId, files, store.readSidecar(objectId), head, "siarchive-replication");
            return Optional.of(new Mirrored(head, true));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } finally {
            deleteTree(dir);
        }
    }

    /**
     * Replaces a damaged or missing stored file with the replica's copy, after checking that copy against
     * the registered size, SM3 and SHA-256 (the replica is never trusted blindly). The file is written
     * beside its place, fsynced and moved over it atomically. False when there is no replica or its copy
     * does not match either.
     */
    public boolean repairFromReplica(String objectId, String logicalPath, Fixity expected) {
        if (replica == null || !replica.contains(objectId)) {
            return false;
        }
        Path target = store.storagePath(objectId, logicalPath);
        Path part = target.resolveSibling(target.getFileName() + ".repair");
        try {
            java.nio.file.Files.createDirectories(target.getParent());
            var d = new Digester();
            try (var in = replica.open(objectId, logicalPath);
                    var out = java.nio.file.Files.newOutputStream(part)) {
                byte[] buf = new byte[256 * 1024];
                int n;
                while ((n = in.read(buf)) > 0) {
                    d.update(buf, 0, n);
                    out.write(buf, 0, n);
                }
            }
            var got = d.finish();
            if (!got.matches(expected)) {
                java.nio.file.Files.deleteIfExists(part);
                return false;
            }
            Durable.force(part);
            java.nio.file.Files.move(
                    part,
                    target,
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            Durable.force(target.getParent());
            return true;
        } catch (java.io.IOException | RuntimeException e) {
            try {
                java.nio.file.Files.deleteIfExists(part);
            } catch (java.io.IOException ignored) {
                // best effort
            }
            return false;
        }
    }

    private static void deleteTree(Path dir) {
        if (!java.nio.file.Files.exists(dir)) {
            return;
        }
        try (var walk = java.nio.file.Files.walk(dir)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                java.nio.file.Files.deleteIfExists(p);
            }
        } catch (java.io.IOException ignored) {
            // temporary copies
        }
    }

    /** Streams one upload into the staging area of {@code key}, hashing and identifying it. */
    public StagedFile stage(String key, int seq, InputStream in, long maxBytes) {
        return staging.stage(key, seq, in, maxBytes);
    }

    /** fsyncs everything staged under {@code key}; called before the catalogue row is committed. */
    public void syncStaging(String key) {
        staging.sync(key);
    }

    /** fsyncs everything staged under each key, then the staging directory once (group commit). */
    public void syncStaging(List<String> keys) {
        staging.sync(keys);
    }

    public List<Path> stagedFiles(String key) {
        return staging.files(key);
    }

    public List<String> stagingKeys() {
        return staging.keys();
    }

    public void discardStaging(String key) {
        staging.delete(key);
    }

    /** Writes a new object version (files + metadata sidecar) and returns its number once durable. */
    public int writeVersion(String objectId, List<StoredFile> files, byte[] sidecar, String message, String user) {
        return store.write(objectId, files, sidecar, message, user);
    }

    /** Opens stored content; reading it to the end verifies size, SM3 and SHA-256 against {@code expected}. */
    public InputStream read(String objectId, String logicalPath, Fixity expected) {
        return new VerifyingInputStream(store.open(objectId, logicalPath), expected, objectId, logicalPath);
    }

    /** Reads and hashes a stored file completely. */
    public Fixity fixityOf(String objectId, String logicalPath) {
        try (var in = store.open(objectId, logicalPath)) {
            return Digester.of(in);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** OCFL validation errors of the object (empty when valid), content re-hashed against its inventory. */
    public List<String> validate(String objectId) {
        return store.validate(objectId, true);
    }

    /** Structure and inventory only, without re-hashing content (for callers that hash it themselves). */
    public List<String> validateStructure(String objectId) {
        return store.validate(objectId, false);
    }

    public java.nio.file.Path storagePath(String objectId, String logicalPath) {
        return store.storagePath(objectId, logicalPath);
    }

    /** Every logical path of the object's head version with the file holding it, from one inventory read. */
    public java.util.Map<String, Path> storagePaths(String objectId) {
        return store.storagePaths(objectId);
    }

    /** What the object's inventory records for every content file of every version (see {@link StoredObject}). */
    public StoredObject inventory(String objectId) {
        return store.inventory(objectId);
    }

    /**
     * The object's root inventory digest ({@code sha256:hex} or {@code sha512:hex}) when the inventory's bytes match
     * its digest sidecar; empty when they differ or either is missing. Reads the two files, validates nothing else.
     */
    public Optional<String> verifiedInventoryDigest(String objectId) {
        try {
            return InventorySidecar.verifiedDigest(store.objectRoot(objectId));
        } catch (java.io.IOException e) {
            return Optional.empty();
        }
    }

    /** The sidecar's logical path inside every object. */
    public static String sidecarPath() {
        return OcflStore.SIDECAR;
    }

    public byte[] readSidecar(String objectId) {
        return store.readSidecar(objectId);
    }

    public Optional<Integer> headVersion(String objectId) {
        return store.headVersion(objectId);
    }

    public List<String> logicalPaths(String objectId) {
        return store.logicalPaths(objectId);
    }

    public Stream<String> objectIds() {
        return store.objectIds();
    }

    /**
     * Removes the object's content from the primary store for good, with what is left of it in staging
     * ({@code stagingKey}) — supervised destruction. Idempotent and safe to repeat after a crash.
     */
    public void purge(String objectId, String stagingKey) {
        store.purge(objectId);
        staging.delete(stagingKey);
    }

    /** Removes the object from the replica, if one is configured (idempotent). */
    public void purgeReplica(String objectId) {
        if (replica != null) {
            replica.purge(objectId);
        }
    }

    /** Whether the primary store still holds anything of the object (its object root exists). */
    public boolean holds(String objectId) {
        return java.nio.file.Files.exists(store.objectRoot(objectId));
    }

    public void discardIncompleteObject(String objectId) {
        store.discardIncomplete(objectId);
    }

    @Override
    public void destroy() {
        if (replica != null) {
            replica.close();
        }
        store.close();
    }
}
