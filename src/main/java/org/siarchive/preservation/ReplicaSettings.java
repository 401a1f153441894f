package org.siarchive.preservation;

import java.nio.file.Path;
import org.jspecify.annotations.Nullable;
import org.siarchive.platform.DataDirectory;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The replica: {@code kind} none (default), {@code disk} (a second OCFL root at {@code path}, ideally on
 * another device) or {@code s3} (an OCFL root in an S3-compatible bucket).
 */
@ConfigurationProperties("siarchive.replica")
public record ReplicaSettings(
        @Nullable String kind,
        @Nullable String path,
        @Nullable String endpoint,
        @Nullable String region,
        @Nullable String bucket,
        @Nullable String prefix,
        @Nullable String accessKey,
        @Nullable String secretKey) {

    @Nullable
    OcflReplica open(DataDirectory data) {
        String k = kind == null ? "none" : kind.strip().toLowerCase(java.util.Locale.ROOT);
        return switch (k) {
            case "none", "" -> null;
            case "disk" -> {
                if (path == null || path.isBlank()) {
                    throw new IllegalStateException("siarchive.replica.path is required for a disk replica");
                }
                Path root = Path.of(path).toAbsolutePath().normalize();
                try {
                    java.nio.file.Files.createDirectories(root);
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
                yield OcflReplica.onDisk(root, data.resolve("replica-ocfl-work"));
            }
            case "s3" ->
                OcflReplica.onS3(
                        new OcflReplica.S3(
                                required(endpoint, "endpoint"),
                                region == null || region.isBlank() ? "us-east-1" : region,
                                required(bucket, "bucket"),
                                prefix == null ? "siarchive" : prefix,
                                required(accessKey, "access-key"),
                                required(secretKey, "secret-key")),
                        data.resolve("replica-ocfl-work"));
            default -> throw new IllegalStateException("siarchive.replica.kind must be none, disk or s3, not " + kind);
        };
    }

    private static String required(@Nullable String v, String name) {
        if (v == null || v.isBlank()) {
            throw new IllegalStateException("siarchive.replica." + name + " is required for an S3 replica");
        }
        return v;
    }
}
