package org.siarchive.preservation;

import io.ocfl.api.OcflOption;
import io.ocfl.api.OcflRepository;
import io.ocfl.api.model.ObjectVersionId;
import io.ocfl.api.model.VersionInfo;
import io.ocfl.core.OcflRepositoryBuilder;
import io.ocfl.core.extension.storage.layout.config.HashedNTupleLayoutConfig;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A second OCFL storage root that mirrors the preservation store: on another path, or in an S3-compatible
 * bucket through ocfl-java's S3 backend. Each replica version records in its message which primary
 * version it mirrors ({@code primary v<N>}), so "in step" is a comparison of two numbers.
 */
public final class OcflReplica implements AutoCloseable {

    private static final String MARK = "primary v";

    private final String description;
    private final OcflRepository repo;
    private final List<AutoCloseable> clients;
    private final @org.jspecify.annotations.Nullable Path diskRoot;

    private OcflReplica(
            String description,
            OcflRepository repo,
            List<AutoCloseable> clients,
            @org.jspecify.annotations.Nullable Path diskRoot) {
        this.description = description;
        this.repo = repo;
        this.clients = clients;
        this.diskRoot = diskRoot;
    }

    public static OcflReplica onDisk(Path root, Path workDir) {
        mkdirs(root);
        mkdirs(workDir);
        var repo = new OcflRepositoryBuilder()
                .defaultLayoutConfig(new HashedNTupleLayoutConfig())
                .storage(storage -> storage.fileSystem(root))
                .workDir(workDir)
                .build();
        return new OcflReplica("file:" + root, repo, List.of(), root);
    }

    /** S3 connection settings; {@code endpoint} for S3-compatible servers (path-style addressing). */
    public record S3(
            String endpoint, String region, String bucket, String prefix, String accessKey, String secretKey) {}

    public static OcflReplica onS3(S3 settings, Path workDir) {
        mkdirs(workDir);
        var connection = new S3Connection(settings);
        var repo = new OcflRepositoryBuilder()
                .defaultLayoutConfig(new HashedNTupleLayoutConfig())
                .storage(storage -> storage.cloud(connection.cloud()))
                .workDir(workDir)
                .build();
        return new OcflReplica(
                "s3:" + settings.endpoint() + "/" + settings.bucket() + "/" + settings.prefix(),
                repo,
                List.of(connection),
                null);
    }

    private static void mkdirs(Path dir) {
        try {
            java.nio.file.Files.createDirectories(dir);
        } catch (java.io.IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String description() {
        return description;
    }

    /** Writes the primary's head state as a new replica version: these files replace whatever was there. */
    public int put(String objectId, Map<String, Path> files, byte[] sidecar, int primaryVersion, String user) {
        var id = repo.updateObject(
                ObjectVersionId.head(objectId),
                new VersionInfo().setMessage(MARK + primaryVersion).setUser(user, null),
                updater -> {
                    if (repo.containsObject(objectId)) {
                        for (String existing : logicalPaths(objectId)) {
                            if (!files.containsKey(existing) && !existing.equals(OcflStore.SIDECAR)) {
                                updater.removeFile(existing);
                            }
                        }
                    }
                    files.forEach((logical, source) -> updater.addPath(source, logical, OcflOption.OVERWRITE));
                    updater.writeFile(new ByteArrayInputStream(sidecar), OcflStore.SIDECAR, OcflOption.OVERWRITE);
                });
        return (int) id.getVersionNum().getVersionNum();
    }

    /**
     * Removes the object and all its versions from the replica (supervised destruction); a no-op when it is
     * not there. On disk, an object root that ocfl-java no longer recognises (a crash in the middle of a
     * purge) is deleted directly; in S3, ocfl-java deletes every key under the object's prefix.
     */
    public void purge(String objectId) {
        try {
            if (repo.containsObject(objectId)) {
                repo.purgeObject(objectId);
            }
        } catch (RuntimeException e) {
            if (diskRoot == null) {
                throw e;
            }
        }
        repo.invalidateCache(objectId);
        if (diskRoot != null) {
            var layout = new io.ocfl.core.extension.storage.layout.HashedNTupleLayoutExtension();
            layout.init(new HashedNTupleLayoutConfig());
            DiskRoot.deleteTree(diskRoot.resolve(layout.mapObjectId(objectId)));
        }
    }

    public boolean contains(String objectId) {
        return repo.containsObject(objectId);
    }

    /** The primary version this replica's head mirrors; empty when the object is not replicated. */
    public Optional<Integer> mirroredVersion(String objectId) {
        if (!repo.containsObject(objectId)) {
            return Optional.empty();
        }
        String message = repo.describeVersion(ObjectVersionId.head(objectId))
                .getVersionInfo()
                .getMessage();
        if (message == null || !message.startsWith(MARK)) {
            return Optional.of(0);
        }
        return Optional.of(Integer.parseInt(message.substring(MARK.length()).strip()));
    }

    public int headVersion(String objectId) {
        return (int) repo.describeObject(objectId).getHeadVersionNum().getVersionNum();
    }

    public List<String> logicalPaths(String objectId) {
        return repo.describeVersion(ObjectVersionId.head(objectId)).getFiles().stream()
                .map(f -> f.getPath())
                .sorted()
                .toList();
    }

    /** The head version's file; the stream verifies the inventory's own digest as it is read to the end. */
    public InputStream open(String objectId, String logicalPath) {
        var file = repo.getObject(ObjectVersionId.head(objectId)).getFile(logicalPath);
        if (file == null) {
            throw new UncheckedIOException(new java.io.FileNotFoundException(objectId + "/" + logicalPath));
        }
        return file.getStream();
    }

    /** OCFL validation of the replica's object, content re-hashed. */
    public List<String> validate(String objectId) {
        return repo.validateObject(objectId, true).getErrors().stream()
                .map(i -> i.getCode() + " " + i.getMessage())
                .toList();
    }

    public Stream<String> objectIds() {
        return repo.listObjectIds();
    }

    @Override
    public void close() {
        repo.close();
        for (var c : clients) {
            try {
                c.close();
            } catch (Exception ignored) {
                // closing network clients
            }
        }
    }
}
