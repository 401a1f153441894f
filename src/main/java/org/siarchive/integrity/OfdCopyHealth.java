package org.siarchive.integrity;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.stereotype.Component;

/**
 * Actuator health of the OFD preservation copies: how they are made, how many wait and since when, how many failed
 * every attempt (docs/adr/0122). Always up: a backlog is planned work, not an outage; the figures are for monitoring.
 */
@Component("ofdCopies")
class OfdCopyHealth extends AbstractHealthIndicator {

    private final OfdCopyRuns runs;

    OfdCopyHealth(OfdCopyRuns runs) {
        this.runs = runs;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        var status = runs.status();
        builder.up()
                .withDetail("mode", status.mode().name().toLowerCase(java.util.Locale.ROOT))
                .withDetail("window", status.window())
                .withDetail("workers", status.workers())
                .withDetail("pending", status.backlog().pending())
                .withDetail("failed", status.backlog().failed());
        var oldest = status.backlog().oldest();
        if (oldest != null) {
            builder.withDetail("oldestQueuedAt", oldest.toInstant().toString());
        }
    }
}
