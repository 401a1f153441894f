package org.siarchive.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of integration tests: the whole application on a random port, on a real embedded PostgreSQL and
 * a real OCFL root in a temporary data directory shared by every test class of this JVM (so Spring's
 * context cache reuses one running application).
 */
@Tag("integration")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class IntegrationTest {

    public static final Path DATA_DIR = createDataDir();

    private static Path createDataDir() {
        try {
            Path dir = Files.createTempDirectory("siarchive-it-");
            // a suite's data directory holds gigabytes (database, OCFL store, index): gone when the JVM ends
            Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteQuietly(dir), "delete-it-data-dir"));
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteQuietly(Path dir) {
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder())
                    .forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // whatever the running database still held is left for the system's temporary-file cleaning
        }
    }

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) {
        registry.add("siarchive.data-dir", DATA_DIR::toString);
        registry.add("server.address", () -> "127.0.0.1");
        // tests start scheduled sweeps themselves (SweepSchedule.tick), never the wall clock
        registry.add("siarchive.fixity.schedule-check", () -> "P1D");
        registry.add("siarchive.capture.max-file-size", () -> "5MB");
        registry.add("siarchive.security.initial-token-file", () -> DATA_DIR.resolve("initial-token")
                .toString());
        // Argon2id stays Argon2id; smaller memory keeps the many test logins quick on a 2-core machine
        registry.add("siarchive.security.argon2.memory-kib", () -> "4096");
        // the whole suite knocks from 127.0.0.1 with one token: per-address and per-token limits are
        // tested from other loopback addresses (RateLimitsIT) and in RateLimitsTest
        registry.add("siarchive.rate-limits.unlimited-addresses", () -> "127.0.0.1");
        registry.add("siarchive.rate-limits.token-per-minute", () -> "0");
        // checkpoints are signed when a test asks, never in the middle of a tamper test
        registry.add("siarchive.audit.checkpoint-interval", () -> "PT24H");
        // the item table is clustered by person when a test asks (ItemClustering.run), never at 02:30 on a Sunday
        registry.add("siarchive.catalog.clustering.cron", () -> "-");
        // comparison runs start when a test asks (ComparisonRuns.run / scheduled), never on the monthly cron
        registry.add("siarchive.comparison.schedule", () -> "-");
        // notifications: the daily sweep and the outbox worker run when a test asks; SMS and e-mail go to files
        registry.add("siarchive.notification.sweep-cron", () -> "-");
        registry.add("siarchive.notification.outbox-cron", () -> "-");
        registry.add("siarchive.notification.sms.adapter", () -> "file");
        registry.add("siarchive.notification.mail.adapter", () -> "file");
        // the holdings read model is rebuilt when a test asks (HoldingsRebuild), never in the background at start
        registry.add("siarchive.statistics.rebuild-on-start", () -> "false");
        // statistics' backfill and fixity refresh run when a test asks (FilingBackfill.run, FixityRefresh.run)
        registry.add("siarchive.statistics.backfill", () -> "-");
        registry.add("siarchive.statistics.fixity-refresh", () -> "-");
        // security monitoring evaluates when a test asks (AuditWatch.evaluate), never every 30 seconds
        registry.add("siarchive.security-monitoring.schedule", () -> "-");
        // the portal's identity provider: a Spring Authorization Server in this JVM, started on first use
        registry.add("siarchive.portal.oidc.client-id", () -> OidcProvider.CLIENT_ID);
        registry.add("siarchive.portal.oidc.client-secret", () -> OidcProvider.CLIENT_SECRET);
        registry.add("siarchive.portal.oidc.registration-id", () -> OidcProvider.REGISTRATION_ID);
        registry.add("siarchive.portal.oidc.claims.cert-no", () -> OidcProvider.CERT_NO_CLAIM);
        registry.add(
                "siarchive.portal.oidc.issuer-uri", () -> OidcProvider.shared().issuer());
        // mining runs start when a test asks (MiningRuns.run / scheduled), never on the monthly cron
        registry.add("siarchive.mining.schedule", () -> "-");
        // mining runs start when a test asks (MiningRuns.run / scheduled), never on the monthly cron
        registry.add("siarchive.mining.schedule", () -> "-");
        // the holdings read model is rebuilt when a test asks (HoldingsRebuild), never in the background at start
        registry.add("siarchive.statistics.rebuild-on-start", () -> "false");
    }
}
