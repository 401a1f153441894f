package org.siarchive.preservation;

import io.ocfl.api.OcflOption;
import io.ocfl.api.OcflRepository;
import io.ocfl.api.exception.CorruptObjectException;
import io.ocfl.api.exception.LockException;
import io.ocfl.api.exception.ObjectOutOfSyncException;
import io.ocfl.api.model.ObjectVersionId;
import io.ocfl.api.model.VersionInfo;
import io.ocfl.core.extension.storage.layout.HashedNTupleLayoutExtension;
import io.ocfl.core.extension.storage.layout.config.HashedNTupleLayoutConfig;
import java.io.ByteArrayInputStream;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;

/**
 * An OCFL 1.1 storage root (hashed n-tuple layout) on local disk or in an S3-compatible bucket
 * ({@link OcflStores}). Each write creates a new object version and returns once it is durable: on disk after
 * the version, the root inventory and the new directory entries are fsynced; in S3 once ocfl-java's uploads of
 * the version completed (docs/adr/0136). ocfl-java does the OCFL work; the {@link StorageRoot} the few direct file
 * operations it does not (inventory sidecar, listing, deleting, repairing a file).
 */
final class OcflStore implements AutoCloseable {

    static final String SIDECAR = "metadata.json";

    private final OcflRepository repo;
    private final StorageRoot root;
    private final Duration lockWait;
    private final AutoCloseable resources;
    private final HashedNTupleLayoutExtension layout = new HashedNTupleLayoutExtension();

    OcflStore(OcflRepository repo, StorageRoot root, Duration lockWait, AutoCloseable resources) {
        this.repo = repo;
        this.root = root;
        this.lockWait = lockWait;
        this.resources = resources;
        this.layout.init(new HashedNTupleLayoutConfig());
    }

    OcflRepository repo() {
        return repo;
    }

    StorageRoot root() {
        return root;
    }

    /** A new version holding the given files (copied) and the metadata sidecar. */
    int write(String objectId, Map<String, Path> files, byte[] sidecar, String message, String user) {
        var list = new ArrayList<StoredFile>();
        files.forEach((logicalPath, source) -> list.add(new StoredFile(logicalPath, source)));
        return write(objectId, list, sidecar, message, user);
    }

    /**
     * A new version holding the given files ({@link VersionFiles}) and the metadata sidecar, on top of the head
     * version. When another writer (a thread, another node) holds the object's lock, or committed a version
     * since this one was staged, the version is staged again on the new head and retried until
     * {@code lockWait} has passed: no writer's version is lost or overwritten.
     */
    int write(String objectId, List<StoredFile> files, byte[] sidecar, String message, String user) {
        var durable = root.beforeWrite(objectRoot(objectId));
        long deadline = System.nanoTime() + lockWait.toNanos();
        for (int attempt = 1; ; attempt++) {
            try {
                var versionId = repo.updateObject(
                        ObjectVersionId.head(objectId),
                        new VersionInfo().setMessage(message).setUser(user, null),
                        updater -> {
                            VersionFiles.add(updater, files);
                            updater.writeFile(new ByteArrayInputStream(sidecar), SIDECAR, OcflOption.OVERWRITE);
                        });
                int version = (int) versionId.getVersionNum().getVersionNum();
                durable.accept(version);
                return version;
            } catch (LockException | ObjectOutOfSyncException | CorruptObjectException e) {
                // busy; staged on a head another writer replaced (read it again); or read while another node
                // replaced the inventory and its sidecar (a truly corrupt object stays so and is thrown)
                if (System.nanoTime() > deadline || e instanceof CorruptObjectException && attempt > 5) {
                    throw e;
                }
                if (!(e instanceof LockException)) {
                    repo.invalidateCache(objectId);
                }
                pause(attempt);
            }
        }
    }

    private static void pause(int attempt) {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(5, 20L * Math.min(attempt, 10)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for an object lock", e);
        }
    }

    /** The object root relative to the storage root ({@code 3f2/8a1/…/<sha256 of the id>}). */
    String objectRoot(String objectId) {
        return layout.mapObjectId(objectId);
    }

    boolean contains(String objectId) {
        return repo.containsObject(objectId);
    }

    Optional<Integer> headVersion(String objectId) {
        if (!repo.containsObject(objectId)) {
            return Optional.empty();
        }
        if (!root.local() && !rootInventoryVerified(objectId)) {
            // in S3 ocfl-java reads the inventory from its details table: a root inventory that a kill left
            // without (or with a stale) sidecar is found here, restored when a version is complete, and the
            // table's row dropped, so what follows reads the bucket as it now is
            repairRootInventory(objectId);
            repo.invalidateCache(objectId);
        }
        try {
            return Optional.of(
                    (int) repo.describeObject(objectId).getHeadVersionNum().getVersionNum());
        } catch (CorruptObjectException e) {
            // a kill while the root inventory was being replaced: restore it from the newest complete version
            if (!repairRootInventory(objectId)) {
                return Optional.empty();
            }
            repo.invalidateCache(objectId);
            return Optional.of(
                    (int) repo.describeObject(objectId).getHeadVersionNum().getVersionNum());
        }
    }

    private boolean rootInventoryVerified(String objectId) {
        try {
            return InventorySidecar.verifiedDigest(root, objectRoot(objectId)).isPresent();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Restores the root inventory from the newest complete version ({@link RootInventoryRepair}). */
    boolean repairRootInventory(String objectId) {
        return RootInventoryRepair.repair(root, objectRoot(objectId));
    }

    List<String> logicalPaths(String objectId) {
        return repo.describeVersion(ObjectVersionId.head(objectId)).getFiles().stream()
                .map(f -> f.getPath())
                .sorted()
                .toList();
    }

    InputStream open(String objectId, String logicalPath) {
        try {
            return root.open(storedPath(objectId, logicalPath));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Where the head version's logical path is stored, relative to the storage root. */
    String storedPath(String objectId, String logicalPath) {
        var file = repo.getObject(ObjectVersionId.head(objectId)).getFile(logicalPath);
        if (file == null) {
            throw new UncheckedIOException(new FileNotFoundException(objectId + "/" + logicalPath));
        }
        return file.getStorageRelativePath();
    }

    /** Every logical path of the head version with where it is stored (one inventory read). */
    Map<String, String> storedPaths(String objectId) {
        var out = new LinkedHashMap<String, String>();
        for (var f : repo.getObject(ObjectVersionId.head(objectId)).getFiles()) {
            out.put(f.getPath(), f.getStorageRelativePath());
        }
        return out;
    }

    /** OCFL's own validation of the object, re-hashing its content against the inventory's digests. */
    List<String> validate(String objectId, boolean contentFixity) {
        var errors = validateOnce(objectId, contentFixity);
        if (!errors.isEmpty() && !root.local()) {
            // in S3 another node may have been replacing the inventory and its sidecar: a finding must stay
            pause(3);
            errors = validateOnce(objectId, contentFixity);
        }
        return errors;
    }

    private List<String> validateOnce(String objectId, boolean contentFixity) {
        return repo.validateObject(objectId, contentFixity).getErrors().stream()
                .map(i -> i.getCode() + " " + root.shown(i.getMessage()))
                .toList();
    }

    /** Every content file of every version and the files the inventory does not account for ({@link ObjectInventory}). */
    StoredObject inventory(String objectId) {
        return ObjectInventory.of(repo.describeObject(objectId), root, objectRoot(objectId));
    }

    byte[] readSidecar(String objectId) {
        try (var in = open(objectId, SIDECAR)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Stream<String> objectIds() {
        return repo.listObjectIds();
    }

    /**
     * Removes the object and every version of it for good (supervised destruction). Idempotent: an object
     * that is already gone is a no-op, and one that a crash left half-deleted (or whose inventory no longer
     * reads) has what is left below its object root deleted directly, durably.
     */
    void purge(String objectId) {
        try {
            if (repo.containsObject(objectId)) {
                repo.purgeObject(objectId);
            }
        } catch (RuntimeException e) {
            // half-deleted or corrupt: the rest goes below
        }
        repo.invalidateCache(objectId);
        root.deleteObject(objectRoot(objectId));
    }

    /**
     * Removes the remains of a first version that a crash interrupted before ocfl-java installed its
     * inventory. Only ever called for objects the catalogue has never acknowledged.
     */
    void discardIncomplete(String objectId) {
        String objectRoot = objectRoot(objectId);
        if (!root.holdsAnything(objectRoot)) {
            return;
        }
        if (repo.containsObject(objectId)) {
            try {
                repo.describeObject(objectId);
                return; // a valid object is never discarded
            } catch (CorruptObjectException e) {
                if (repairRootInventory(objectId)) {
                    repo.invalidateCache(objectId);
                    return;
                }
            }
        }
        root.deleteObject(objectRoot);
        repo.invalidateCache(objectId);
    }

    @Override
    public void close() {
        repo.close();
        try {
            resources.close();
        } catch (Exception ignored) {
            // closing network clients
        }
    }
}
