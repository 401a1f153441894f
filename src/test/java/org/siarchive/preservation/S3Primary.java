package org.siarchive.preservation;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.gaul.s3proxy.S3Proxy;
import org.siarchive.platform.LocalPorts;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * What an S3 primary store needs, once per test JVM: S3Proxy on 127.0.0.1 (filesystem backend, AWS V4
 * authentication) with a bucket, and an embedded PostgreSQL migrated with the preservation module's migrations
 * only (the object lock table). Both run until the JVM ends.
 */
final class S3Primary {

    static final String BUCKET = "siarchive-primary";
    static final String ACCESS = "primary-access";
    static final String SECRET = "primary-secret";

    private static S3Proxy proxy;
    private static EmbeddedPostgres postgres;

    private S3Primary() {}

    static synchronized URI endpoint() {
        if (proxy == null) {
            proxy = startProxy(tempDir("s3proxy-primary-"));
        }
        return URI.create("http://127.0.0.1:" + proxy.getPort());
    }

    static synchronized DataSource dataSource() {
        if (postgres == null) {
            try {
                postgres = EmbeddedPostgres.builder()
                        .setPort(LocalPorts.free())
                        .setDataDirectory(tempDir("pg-primary-"))
                        .start();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Flyway.configure()
                    .dataSource(postgres.getPostgresDatabase())
                    .locations("classpath:db/migration/preservation")
                    .load()
                    .migrate();
        }
        return postgres.getPostgresDatabase();
    }

    /** The settings of an S3 primary under {@code prefix} of the shared bucket. */
    static StoreSettings settings(String prefix) {
        return new StoreSettings(
                "s3",
                new StoreSettings.S3(endpoint().toString(), "us-east-1", BUCKET, prefix, ACCESS, SECRET),
                null,
                null);
    }

    static S3Client client() {
        endpoint();
        return org.siarchive.support.S3Servers.client(proxy, ACCESS, SECRET);
    }

    private static S3Proxy startProxy(Path backing) {
        return org.siarchive.support.S3Servers.start(backing, ACCESS, SECRET, BUCKET);
    }

    private static Path tempDir(String prefix) {
        try {
            Path dir = Files.createTempDirectory(prefix);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try (var paths = Files.walk(dir)) {
                    paths.sorted(java.util.Comparator.reverseOrder())
                            .forEach(p -> p.toFile().delete());
                } catch (IOException | UncheckedIOException e) {
                    // left for the system's temporary-file cleaning
                }
            }));
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
