package org.siarchive.preservation;

import java.nio.file.Path;
import java.time.Duration;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.siarchive.platform.DataDirectory;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Where the preservation store's OCFL root is (docs/adr/0136): {@code store} {@code disk} (default: the data
 * directory's {@code ocfl}, one node) or {@code s3} (a bucket that several nodes share, locked per object in
 * PostgreSQL). {@code lockExpiry}: how long a dead node's lock row holds an object; {@code localCopyLimit}: the
 * most bytes one request may copy out of S3 to local disk for a tool that needs files.
 */
@ConfigurationProperties("siarchive.preservation")
record StoreSettings(
        @Nullable String store, @Nullable S3 s3, @Nullable Duration lockExpiry, @Nullable DataSize localCopyLimit) {

    /** The bucket of an S3 primary; {@code endpoint} for S3-compatible servers (path-style addressing). */
    record S3(
            @Nullable String endpoint,
            @Nullable String region,
            @Nullable String bucket,
            @Nullable String prefix,
            @Nullable String accessKey,
            @Nullable String secretKey) {}

    static StoreSettings disk() {
        return new StoreSettings("disk", null, null, null);
    }

    boolean onS3() {
        String k = store == null ? "disk" : store.strip().toLowerCase(java.util.Locale.ROOT);
        return switch (k) {
            case "disk", "" -> false;
            case "s3" -> true;
            default -> throw new IllegalStateException("siarchive.preservation.store must be disk or s3, not " + store);
        };
    }

    long copyLimit() {
        return localCopyLimit == null ? DataSize.ofGigabytes(4).toBytes() : localCopyLimit.toBytes();
    }

    OcflStore open(DataDirectory data, @Nullable DataSource dataSource) {
        if (!onS3()) {
            return OcflStores.onDisk(data.resolve("ocfl"), data.resolve("ocfl-work"));
        }
        if (dataSource == null) {
            throw new IllegalStateException("an S3 preservation store needs the platform's DataSource for its locks");
        }
        return OcflStores.onS3(
                connection(),
                data.resolve("ocfl-work"),
                dataSource,
                lockExpiry == null ? Duration.ofMinutes(10) : lockExpiry);
    }

    OcflReplica.S3 connection() {
        var s = s3 == null ? new S3(null, null, null, null, null, null) : s3;
        return new OcflReplica.S3(
                required(s.endpoint(), "endpoint"),
                s.region() == null || s.region().isBlank() ? "us-east-1" : s.region(),
                required(s.bucket(), "bucket"),
                s.prefix() == null ? "siarchive" : s.prefix(),
                required(s.accessKey(), "access-key"),
                required(s.secretKey(), "secret-key"));
    }

    private static String required(@Nullable String v, String name) {
        if (v == null || v.isBlank()) {
            throw new IllegalStateException("siarchive.preservation.s3." + name + " is required for an S3 store");
        }
        return v;
    }

    static Path copiesDir(DataDirectory data) {
        return data.resolve("preservation-copies");
    }
}
