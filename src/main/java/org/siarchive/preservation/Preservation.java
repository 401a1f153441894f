package org.siarchive.preservation;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.siarchive.platform.DataDirectory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The preservation store's API: stage uploads with their fixity, write object versions durably,
 * and read content back through fixity verification. The OCFL root is on local disk or in an S3 bucket
 * ({@code siarchive.preservation.store}, docs/adr/0136); every method works the same on both.
 */
@Component
public class Preservation implements DisposableBean {

    private final Staging staging;
    private final OcflStore store;
    private final @Nullable OcflReplica replica;
    private final Optional<ReplicaSync> sync;
    private final Path copies;
    private final long copyLimit;

    /** A disk store (the default), for tests that build the module by hand. */
    Preservation(DataDirectory data, FormatIdentifier formats, ReplicaSettings replicaSettings) {
        this(data, formats, replicaSettings, StoreSettings.disk(), (DataSource) null);
    }

    @Autowired
    Preservation(
            DataDirectory data,
            FormatIdentifier formats,
            ReplicaSettings replicaSettings,
            StoreSettings storeSettings,
            ObjectProvider<DataSource> dataSource) {
        this(data, formats, replicaSettings, storeSettings, storeSettings.onS3() ? dataSource.getObject() : null);
    }

    Preservation(
            DataDirectory data,
            FormatIdentifier formats,
            ReplicaSettings replicaSettings,
            StoreSettings storeSettings,
            @Nullable DataSource dataSource) {
        this.staging = new Staging(data.resolve("staging"), formats);
        this.store = storeSettings.open(data, dataSource);
        this.replica = replicaSettings.open(data);
        this.sync = ReplicaSync.of(store, replica, data.resolve("replica-work"));
        this.copies = StoreSettings.copiesDir(data);
        this.copyLimit = storeSettings.copyLimit();
        if (storeSettings.onS3()) {
            LocalCopies.clear(copies); // what a crash left
        }
    }

    OcflStore store() {
        return store;
    }

    /** Where the primary store is, for operators: {@code file:/…} or {@code s3:endpoint/bucket/prefix}. */
    public String storeDescription() {
        return store.root().description();
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
        return sync.map(s -> s.mirror(objectId).version());
    }

    /** Like {@link #replicate}, but answers the version only when it had to be written now. */
    public Optional<Integer> replicateIfBehind(String objectId) {
        return sync.map(s -> s.mirror(objectId))
                .filter(ReplicaSync.Mirrored::written)
                .map(ReplicaSync.Mirrored::version);
    }

    /**
     * Replaces a damaged or missing stored file with the replica's copy, after checking that copy against
     * the registered size, SM3 and SHA-256 (the replica is never trusted blindly). False when there is no
     * replica or its copy does not match either.
     */
    public boolean repairFromReplica(String objectId, String logicalPath, Fixity expected) {
        return sync.map(s -> s.repair(objectId, logicalPath, expected)).orElse(false);
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

    /**
     * Writes a new object version (files + metadata sidecar) and returns its number once durable: fsynced on
     * disk, uploaded in S3. Another writer of the same object (a thread or another node) is waited for.
     */
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
        } catch (IOException e) {
            throw new UncheckedIOException(e);
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

    /**
     * The head version's files as local files for a tool that needs paths (virus scan, OFD copy): the store's
     * own files on disk, no copy; temporary copies of at most {@code siarchive.preservation.local-copy-limit}
     * bytes in S3. Close it when done.
     */
    public LocalCopies localCopies(String objectId) {
        var stored = store.storedPaths(objectId);
        if (store.root().local()) {
            var files = new LinkedHashMap<String, Path>();
            stored.forEach((logical, path) -> files.put(logical, store.root().localPath(path)));
            return new LocalCopies(files, null);
        }
        return S3Copies.copy(
                store.root(), stored, copies.resolve(UUID.randomUUID().toString()), copyLimit);
    }

    /**
     * Where a logical path of the head version lies in a disk store, for operators and tests that damage a
     * stored file on purpose. An S3 store has no such path: use {@link #localCopies} to read.
     */
    public Path storagePath(String objectId, String logicalPath) {
        return diskPath(store.storedPath(objectId, logicalPath));
    }

    /** Every logical path of the head version with its file in a disk store (see {@link #storagePath}). */
    public Map<String, Path> storagePaths(String objectId) {
        var out = new LinkedHashMap<String, Path>();
        store.storedPaths(objectId).forEach((logical, path) -> out.put(logical, diskPath(path)));
        return out;
    }

    private Path diskPath(String stored) {
        Path p = store.root().localPath(stored);
        if (p == null) {
            throw new IllegalStateException(
                    "the preservation store is " + storeDescription() + ": no local path; use localCopies");
        }
        return p;
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
            var digest = InventorySidecar.verifiedDigest(store.root(), store.objectRoot(objectId));
            if (digest.isEmpty() && !store.root().local()) {
                // in S3 the two keys are replaced one after the other by a writer: a mismatch must be read twice
                Thread.sleep(100);
                digest = InventorySidecar.verifiedDigest(store.root(), store.objectRoot(objectId));
            }
            return digest;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } catch (IOException | RuntimeException e) {
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

    /** Whether the primary store still holds anything of the object (a file below its object root). */
    public boolean holds(String objectId) {
        return store.root().holdsAnything(store.objectRoot(objectId));
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
