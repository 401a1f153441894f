package org.siarchive.federation;

import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The county side of the push (off unless enabled): the province's base URL and the API token it issued to this
 * county (scope preservation:transfer), this county's organisation unit code as the province knows it, how often
 * the job runs ({@code cron}, read by the job) and how many catalogue entries one batch carries.
 */
@ConfigurationProperties("siarchive.federation")
public record FederationSettings(
        boolean enabled,
        @Nullable String provinceUrl,
        @Nullable String provinceToken,
        @Nullable String unitCode,
        int batchSize,
        @Nullable Duration timeout) {

    /** Entries per batch unless configured; a batch of 500 is about 150 KB of JSON. */
    public static final int DEFAULT_BATCH = 500;

    /** The most entries a batch may carry, either side. */
    public static final int MAX_BATCH = 5_000;

    public FederationSettings {
        if (batchSize == 0) {
            batchSize = DEFAULT_BATCH;
        }
        if (batchSize < 0 || batchSize > MAX_BATCH) {
            throw new IllegalArgumentException("siarchive.federation.batch-size must be 1 to " + MAX_BATCH);
        }
        if (timeout == null) {
            timeout = Duration.ofSeconds(30);
        }
        if (enabled && (blank(provinceUrl) || blank(unitCode) || blank(provinceToken))) {
            throw new IllegalArgumentException(
                    "siarchive.federation.enabled needs province-url, province-token and unit-code");
        }
    }

    private static boolean blank(@Nullable String s) {
        return s == null || s.isBlank();
    }
}
