package org.siarchive.preservation;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.gaul.s3proxy.BlobStores;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.siarchive.platform.LocalPorts;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
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
        return S3Client.builder()
                .endpointOverride(endpoint())
                .region(Region.US_EAST_1)
                .forcePathStyle(true)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS, SECRET)))
                .build();
    }

    private static S3Proxy startProxy(Path backing) {
        try {
            var props = new Properties();
            props.setProperty("jclouds.filesystem.basedir", backing.toString());
            var started = S3Proxy.builder()
                    .blobStore(BlobStores.create("filesystem", props))
                    .endpoint(URI.create("http://127.0.0.1:0"))
                    .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS, SECRET)
                    // the SDK's multipart uploads send x-amz-mp-object-size, which S3Proxy otherwise refuses (501)
                    .ignoreUnknownHeaders(true)
                    .build();
            started.start();
            for (int i = 0; i < 200 && !"STARTED".equals(started.getState()); i++) {
                Thread.sleep(10);
            }
            try (var s3 = S3Client.builder()
                    .endpointOverride(URI.create("http://127.0.0.1:" + started.getPort()))
                    .region(Region.US_EAST_1)
                    .forcePathStyle(true)
                    .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS, SECRET)))
                    .build()) {
                s3.createBucket(b -> b.bucket(BUCKET));
            }
            return started;
        } catch (Exception e) {
            throw new IllegalStateException("S3Proxy did not start", e);
        }
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
