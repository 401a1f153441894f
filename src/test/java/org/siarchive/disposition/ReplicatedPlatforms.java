package org.siarchive.disposition;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import org.gaul.s3proxy.S3Proxy;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * A platform of its own for the disposition walks: its own data directory (so its own embedded PostgreSQL,
 * OCFL root, staging and index, next to the suite's shared one) with a replica configured — a second OCFL
 * root on disk, or one in a bucket of S3Proxy running in this JVM on a filesystem backend. The suite's
 * {@code IntegrationTest} has no replica and its data directory cannot be overridden per class (its
 * {@code @DynamicPropertySource} wins over a subclass's), hence this.
 */
final class ReplicatedPlatforms {

    static final String BUCKET = "siarchive-disposition";
    static final String ACCESS = "disposition-access";
    static final String SECRET = "disposition-secret";

    private ReplicatedPlatforms() {}

    static Path tempDir(String prefix) {
        try {
            Path dir = Files.createTempDirectory(prefix);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteQuietly(dir), "delete-" + prefix));
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The properties of the suite's IntegrationTest, for another data directory. */
    static void common(DynamicPropertyRegistry registry, Path dataDir) {
        registry.add("siarchive.data-dir", dataDir::toString);
        registry.add("server.address", () -> "127.0.0.1");
        registry.add("siarchive.fixity.schedule-check", () -> "P1D");
        registry.add("siarchive.capture.max-file-size", () -> "5MB");
        registry.add("siarchive.security.initial-token-file", () -> dataDir.resolve("initial-token")
                .toString());
        registry.add("siarchive.security.argon2.memory-kib", () -> "4096");
        registry.add("siarchive.rate-limits.unlimited-addresses", () -> "127.0.0.1");
        registry.add("siarchive.rate-limits.token-per-minute", () -> "0");
        registry.add("siarchive.audit.checkpoint-interval", () -> "PT24H");
    }

    static void diskReplica(DynamicPropertyRegistry registry, Path replicaRoot) {
        registry.add("siarchive.replica.kind", () -> "disk");
        registry.add("siarchive.replica.path", replicaRoot::toString);
    }

    /** S3Proxy on 127.0.0.1 with a filesystem backend under {@code backing}; the bucket exists. */
    static S3Proxy startS3(Path backing) {
        return org.siarchive.support.S3Servers.start(backing, ACCESS, SECRET, BUCKET);
    }

    static URI endpoint(S3Proxy proxy) {
        return URI.create("http://127.0.0.1:" + proxy.getPort());
    }

    static void s3Replica(DynamicPropertyRegistry registry, S3Proxy proxy) {
        registry.add("siarchive.replica.kind", () -> "s3");
        registry.add("siarchive.replica.endpoint", () -> endpoint(proxy).toString());
        registry.add("siarchive.replica.region", () -> "us-east-1");
        registry.add("siarchive.replica.bucket", () -> BUCKET);
        registry.add("siarchive.replica.prefix", () -> "walk");
        registry.add("siarchive.replica.access-key", () -> ACCESS);
        registry.add("siarchive.replica.secret-key", () -> SECRET);
    }

    private static void deleteQuietly(Path dir) {
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder())
                    .forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // left for the system's temporary-file cleaning
        }
    }
}
