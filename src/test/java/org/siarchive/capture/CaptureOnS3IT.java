package org.siarchive.capture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.gaul.s3proxy.S3Proxy;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.siarchive.catalog.Catalog;
import org.siarchive.catalog.NewItem;
import org.siarchive.integrity.FixitySweeps;
import org.siarchive.preservation.Fixity;
import org.siarchive.preservation.Preservation;
import org.siarchive.shared.Actor;
import org.siarchive.support.Samples;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Issue 21: the whole platform with its preservation store in an S3 bucket ({@code siarchive.preservation.store=s3},
 * S3Proxy in this JVM on 127.0.0.1) and its own embedded PostgreSQL. An item captured through the platform lies in
 * the bucket, not in the data directory; it reads back through its fixity, passes the fixity check and OCFL
 * validation, and start-up reconciliation completes a capture that stopped before its version was written.
 */
@Tag("integration")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS) // its own platform and PostgreSQL: closed after
class CaptureOnS3IT {

    static final String BUCKET = "siarchive-primary-it";
    static final String ACCESS = "it-access";
    static final String SECRET = "it-secret";
    static final Path DATA = tempDir("siarchive-s3-primary-");
    static final Path BACKING = tempDir("siarchive-s3-primary-proxy-");
    static S3Proxy proxy;

    @DynamicPropertySource
    static void platform(DynamicPropertyRegistry registry) {
        if (proxy == null) {
            proxy = startS3();
        }
        registry.add("siarchive.data-dir", DATA::toString);
        registry.add("server.address", () -> "127.0.0.1");
        registry.add("siarchive.fixity.schedule-check", () -> "P1D");
        registry.add("siarchive.capture.max-file-size", () -> "5MB");
        registry.add("siarchive.security.initial-token-file", () -> DATA.resolve("initial-token")
                .toString());
        registry.add("siarchive.security.argon2.memory-kib", () -> "4096");
        registry.add("siarchive.audit.checkpoint-interval", () -> "PT24H");
        registry.add("siarchive.preservation.store", () -> "s3");
        registry.add("siarchive.preservation.s3.endpoint", () -> "http://127.0.0.1:" + proxy.getPort());
        registry.add("siarchive.preservation.s3.region", () -> "us-east-1");
        registry.add("siarchive.preservation.s3.bucket", () -> BUCKET);
        registry.add("siarchive.preservation.s3.prefix", () -> "archive");
        registry.add("siarchive.preservation.s3.access-key", () -> ACCESS);
        registry.add("siarchive.preservation.s3.secret-key", () -> SECRET);
    }

    @Autowired
    Captures captures;

    @Autowired
    Catalog catalog;

    @Autowired
    Preservation preservation;

    @Autowired
    FixitySweeps sweeps;

    @Autowired
    Reconciliation reconciliation;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Fingerprints fingerprints;

    @Autowired
    @Qualifier("preservationStore")
    HealthIndicator storeHealth;

    @Test
    void anItemCapturedIntoTheBucketReadsBackAndPassesItsChecks() throws Exception {
        var s = Samples.personEnrolment(Samples.acceptanceNo(), Samples.citizenId(1961), "桶中");
        byte[] pdf = Samples.pdf("s3 primary");
        var id = captures.capture(
                        s,
                        List.of(Upload.ofBytes("a.png", Samples.png(2101)), Upload.ofBytes("b.pdf", pdf)),
                        null,
                        Actor.SYSTEM)
                .item()
                .id();

        var item = catalog.requireItem(id);
        assertThat(item.status()).isEqualTo("PRESERVED");
        assertThat(preservation.storeDescription()).startsWith("s3:");
        assertThat(Files.exists(DATA.resolve("ocfl"))).isFalse();
        assertThat(keys("archive/")).anySatisfy(k -> assertThat(k).endsWith("/inventory.json"));
        var b = item.files().get(1);
        try (var in =
                preservation.read(item.objectId(), b.logicalPath(), new Fixity(b.sizeBytes(), b.sm3(), b.sha256()))) {
            assertThat(in.readAllBytes()).isEqualTo(pdf);
        }
        assertThat(sweeps.inspect(item)).isEmpty();
        assertThat(preservation.validate(item.objectId())).isEmpty();
        assertThat(jdbc.sql("select count(*) from ocfl_object_details where object_id = :id")
                        .param("id", item.objectId())
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);
        assertThat(storeHealth.health().getStatus()).isEqualTo(Status.UP);
        assertThat(reconciliation.run().findings()).noneMatch(f -> f.subject().equals(item.archiveCode()));
    }

    @Test
    void reconciliationCompletesACaptureThatStoppedBeforeItsVersionWasWritten() {
        // a capture stopped after transaction 1: registered RECEIVING, staged on this node, nothing in the bucket
        UUID id = UUID.randomUUID();
        var s = Samples.personEnrolment(Samples.acceptanceNo(), Samples.citizenId(1962), "未写");
        var staged = preservation.stage(id.toString(), 1, new ByteArrayInputStream(Samples.pdf("later")), 1 << 20);
        preservation.syncStaging(id.toString());
        var file = new NewItem.NewFile(
                1,
                "RY01",
                "f1",
                staged.logicalPath(),
                staged.format().mediaType(),
                staged.format().name(),
                staged.fixity().size(),
                staged.fixity().sm3(),
                staged.fixity().sha256());
        var item = catalog.register(
                SubmissionMapping.toNewItem(
                        id,
                        "acceptance:" + s.acceptanceNo(),
                        fingerprints.of(s, List.of()),
                        s,
                        List.of(file),
                        ZoneId.of("Asia/Shanghai")),
                Actor.SYSTEM);
        assertThat(preservation.holds(item.objectId())).isFalse();

        var report = reconciliation.run();

        assertThat(report.findings())
                .anyMatch(f -> f.kind().equals("COMPLETED") && f.subject().equals(item.archiveCode()));
        var after = catalog.requireItem(id);
        assertThat(after.status()).isEqualTo("PRESERVED");
        assertThat(preservation.headVersion(after.objectId())).contains(1);
        assertThat(preservation.fixityOf(after.objectId(), after.files().get(0).logicalPath()))
                .isEqualTo(staged.fixity());
        assertThat(sweeps.inspect(after)).isEmpty();
    }

    private static List<String> keys(String prefix) {
        try (var s3 = client()) {
            return s3.listObjectsV2(b -> b.bucket(BUCKET).prefix(prefix)).contents().stream()
                    .map(o -> o.key())
                    .toList();
        }
    }

    private static S3Client client() {
        return org.siarchive.support.S3Servers.client(proxy, ACCESS, SECRET);
    }

    private static S3Proxy startS3() {
        proxy = org.siarchive.support.S3Servers.start(BACKING, ACCESS, SECRET, BUCKET);
        return proxy;
    }

    private static Path tempDir(String prefix) {
        try {
            return Files.createTempDirectory(prefix);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
