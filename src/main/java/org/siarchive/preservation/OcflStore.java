package org.siarchive.preservation;

import io.ocfl.api.DigestAlgorithmRegistry;
import io.ocfl.api.OcflRepository;
import io.ocfl.api.model.ObjectVersionId;
import io.ocfl.api.model.VersionInfo;
import io.ocfl.core.OcflRepositoryBuilder;
import io.ocfl.core.extension.storage.layout.HashedNTupleLayoutExtension;
import io.ocfl.core.extension.storage.layout.config.HashedNTupleLayoutConfig;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * An OCFL 1.1 storage root on local disk (hashed n-tuple layout). Each write creates a new object
 * version; after ocfl-java commits it, the version directory, the object root's inventory and the
 * directory entries up to the storage root are fsynced, so a returned version survives a crash.
 */
final class OcflStore implements AutoCloseable {

    static final String SIDECAR = "metadata.json";

    private final Path root;
    private final OcflRepository repo;
    private final HashedNTupleLayoutExtension layout;

    OcflStore(Path root, Path workDir) {
        this.root = root;
        var layoutConfig = new HashedNTupleLayoutConfig();
        this.repo = new OcflRepositoryBuilder()
                .defaultLayoutConfig(layoutConfig)
                // new objects record SHA-256 (OCFL 1.1 §3.5.1 allows sha512 or sha256): the digest every capture
                // and sweep computes anyway in its one pass, so checking a file against its inventory costs no
                // third digest; objects written with sha512 keep it (docs/adr/0037)
                .ocflConfig(config -> config.setDefaultDigestAlgorithm(DigestAlgorithmRegistry.sha256))
                .storage(storage -> storage.fileSystem(root))
                .workDir(workDir)
                .build();
        this.layout = new HashedNTupleLayoutExtension();
        this.layout.init(layoutConfig);
        if (Files.isDirectory(root.resolve("extensions"))) {
            Durable.forceTree(root.resolve("extensions"));
        }
        try (Stream<Path> top = Files.list(root)) {
            top.filter(Files::isRegularFile).forEach(Durable::force);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Durable.force(root);
        Durable.force(root.getParent());
    }

    /** A new version holding the given files (copied) and the metadata sidecar. */
    int write(String objectId, Map<String, Path> files, byte[] sidecar, String message, String user) {
        var list = new java.util.ArrayList<StoredFile>();
        files.forEach((logicalPath, source) -> list.add(new StoredFile(logicalPath, source)));
        return write(objectId, list, sidecar, message, user);
    }

    /** A new version holding the given files ({@link VersionFiles}) and the metadata sidecar. */
    int write(String objectId, List<StoredFile> files, byte[] sidecar, String message, String user) {
        Path existing = deepestExisting(objectRoot(objectId));
        var versionId = repo.updateObject(
                ObjectVersionId.head(objectId),
                new VersionInfo().setMessage(message).setUser(user, null),
                updater -> {
                    VersionFiles.add(updater, files);
                    updater.writeFile(new ByteArrayInputStream(sidecar), SIDECAR, io.ocfl.api.OcflOption.OVERWRITE);
                });
        int version = (int) versionId.getVersionNum().getVersionNum();
        makeDurable(objectId, version, existing);
        return version;
    }

    private Path deepestExisting(Path dir) {
        Path d = dir;
        while (d != null && !Files.exists(d)) {
            d = d.getParent();
        }
        return d == null ? root : d;
    }

    /**
     * The new version's files and directories, the object root's inventory files, and every directory
     * entry created by this write: the directories from the object root up to the deepest one that
     * already existed (whose new entry is synced by syncing it). Directories that existed before are
     * not synced again.
     */
    private void makeDurable(String objectId, int version, Path existedBefore) {
        Path objectRoot = objectRoot(objectId);
        Durable.forceTree(objectRoot.resolve("v" + version));
        try (Stream<Path> top = Files.list(objectRoot)) {
            top.filter(Files::isRegularFile).forEach(Durable::force);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (Path dir = objectRoot; dir != null && dir.startsWith(root); dir = dir.getParent()) {
            Durable.force(dir);
            if (dir.equals(existedBefore)) {
                break;
            }
        }
    }

    Path objectRoot(String objectId) {
        return root.resolve(layout.mapObjectId(objectId));
    }

    boolean contains(String objectId) {
        return repo.containsObject(objectId);
    }

    Optional<Integer> headVersion(String objectId) {
        if (!repo.containsObject(objectId)) {
            return Optional.empty();
        }
        try {
            return Optional.of(
                    (int) repo.describeObject(objectId).getHeadVersionNum().getVersionNum());
        } catch (io.ocfl.api.exception.CorruptObjectException e) {
            // a kill while the root inventory was being replaced: restore it from the newest complete version
            if (!repairRootInventory(objectId)) {
                return Optional.empty();
            }
            repo.invalidateCache(objectId);
            return Optional.of(
                    (int) repo.describeObject(objectId).getHeadVersionNum().getVersionNum());
        }
    }

    /** Restores the root inventory from the newest complete version ({@link RootInventoryRepair}). */
    boolean repairRootInventory(String objectId) {
        return RootInventoryRepair.repair(objectRoot(objectId));
    }

    List<String> logicalPaths(String objectId) {
        return repo.describeVersion(ObjectVersionId.head(objectId)).getFiles().stream()
                .map(f -> f.getPath())
                .sorted()
                .collect(Collectors.toList());
    }

    InputStream open(String objectId, String logicalPath) {
        var file = repo.getObject(ObjectVersionId.head(objectId)).getFile(logicalPath);
        if (file == null) {
            throw new UncheckedIOException(new java.io.FileNotFoundException(objectId + "/" + logicalPath));
        }
        try {
            return Files.newInputStream(root.resolve(file.getStorageRelativePath()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** OCFL's own validation of the object, re-hashing its content against the inventory's digests. */
    List<String> validate(String objectId, boolean contentFixity) {
        var results = repo.validateObject(objectId, contentFixity);
        // ocfl-java names files by their absolute path: people see them relative to the storage root
        String prefix = root.toAbsolutePath() + java.io.File.separator;
        return results.getErrors().stream()
                .map(i -> i.getCode() + " " + i.getMessage().replace(prefix, ""))
                .toList();
    }

    /** Where a logical path of the head version lives on disk (for operators and tests). */
    Path storagePath(String objectId, String logicalPath) {
        var file = repo.getObject(ObjectVersionId.head(objectId)).getFile(logicalPath);
        if (file == null) {
            throw new UncheckedIOException(new java.io.FileNotFoundException(objectId + "/" + logicalPath));
        }
        return root.resolve(file.getStorageRelativePath());
    }

    /** Every logical path of the head version with the file that holds it (one inventory read). */
    Map<String, Path> storagePaths(String objectId) {
        var out = new java.util.LinkedHashMap<String, Path>();
        for (var f : repo.getObject(ObjectVersionId.head(objectId)).getFiles()) {
            out.put(f.getPath(), root.resolve(f.getStorageRelativePath()));
        }
        return out;
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
     * reads) has its object root deleted directly. The emptied directories up to the storage root are
     * removed and the parent's entry fsynced, so the deletion survives a crash.
     */
    void purge(String objectId) {
        Path objectRoot = objectRoot(objectId);
        try {
            if (repo.containsObject(objectId)) {
                repo.purgeObject(objectId);
            }
        } catch (RuntimeException e) {
            // half-deleted or corrupt: the directory goes below
        }
        repo.invalidateCache(objectId);
        deleteTree(objectRoot);
        Path dir = objectRoot.getParent();
        while (dir != null && dir.startsWith(root) && !dir.equals(root) && isEmptyDir(dir)) {
            try {
                Files.deleteIfExists(dir);
            } catch (IOException e) {
                break;
            }
            dir = dir.getParent();
        }
        if (dir != null && Files.isDirectory(dir)) {
            Durable.force(dir);
        }
    }

    private static boolean isEmptyDir(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.findAny().isEmpty();
        } catch (IOException e) {
            return false;
        }
    }

    static void deleteTree(Path dir) {
        if (!Files.exists(dir, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Removes the remains of a first version that a crash interrupted before ocfl-java installed its
     * inventory. Only ever called for objects the catalogue has never acknowledged.
     */
    void discardIncomplete(String objectId) {
        Path objectRoot = objectRoot(objectId);
        if (!Files.exists(objectRoot)) {
            return;
        }
        if (repo.containsObject(objectId)) {
            try {
                repo.describeObject(objectId);
                return; // a valid object is never discarded
            } catch (io.ocfl.api.exception.CorruptObjectException e) {
                if (repairRootInventory(objectId)) {
                    repo.invalidateCache(objectId);
                    return;
                }
            }
        }
        try (Stream<Path> walk = Files.walk(objectRoot)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        repo.close();
    }
}
