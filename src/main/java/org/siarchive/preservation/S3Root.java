package org.siarchive.preservation;

import io.ocfl.core.storage.cloud.CloudClient;
import io.ocfl.core.storage.cloud.KeyNotFoundException;
import io.ocfl.core.storage.cloud.ListResult;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.IntConsumer;
import org.jspecify.annotations.Nullable;

/**
 * An OCFL storage root in an S3-compatible bucket, below the repository prefix, through ocfl-java's own
 * {@link CloudClient} (the keys are the ones its S3 storage writes). A PUT that completed is durable and
 * replaces the object atomically (readers see the old or the new bytes, never a part), so nothing is synced.
 */
final class S3Root implements StorageRoot {

    private final CloudClient cloud;
    private final String description;

    S3Root(CloudClient cloud, String description) {
        this.cloud = cloud;
        this.description = description;
    }

    @Override
    public String description() {
        return description;
    }

    @Override
    public List<String> list(String objectRoot) {
        return cloud.list(dir(objectRoot)).getObjects().stream()
                .map(ListResult.ObjectListing::getKeySuffix)
                .map(suffix -> suffix.startsWith("/") ? suffix.substring(1) : suffix)
                .sorted()
                .toList();
    }

    private static String dir(String objectRoot) {
        return objectRoot.endsWith("/") ? objectRoot : objectRoot + "/";
    }

    @Override
    public boolean holdsAnything(String objectRoot) {
        return cloud.directoryExists(objectRoot);
    }

    @Override
    public Optional<byte[]> read(String path) throws IOException {
        try (var in = cloud.downloadStream(path)) {
            return Optional.of(in.readAllBytes());
        } catch (KeyNotFoundException e) {
            return Optional.empty();
        }
    }

    @Override
    public InputStream open(String path) throws IOException {
        try {
            return cloud.downloadStream(path);
        } catch (KeyNotFoundException e) {
            throw new java.io.FileNotFoundException(path);
        }
    }

    @Override
    public void write(String path, byte[] bytes) {
        cloud.uploadBytes(path, bytes, "application/octet-stream");
    }

    @Override
    public void replace(String path, Path verified) {
        cloud.uploadFile(verified, path);
    }

    @Override
    public void deleteObject(String objectRoot) {
        cloud.deletePath(dir(objectRoot));
    }

    @Override
    public IntConsumer beforeWrite(String objectRoot) {
        return version -> {};
    }

    @Override
    public @Nullable Path localPath(String path) {
        return null;
    }

    @Override
    public String shown(String message) {
        return message;
    }
}
