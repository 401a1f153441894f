package org.siarchive.cluster;

import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code siarchive.cluster.*}: whether this installation runs as several nodes, this node's id (kept in the data
 * directory when not given), how often it writes its heartbeat, and how long a silent node is waited for before its
 * unfinished work is taken over.
 */
@ConfigurationProperties("siarchive.cluster")
record ClusterSettings(
        @DefaultValue("false") boolean enabled,
        @Nullable String nodeId,
        @DefaultValue("PT10S") Duration heartbeat,
        @DefaultValue("PT1M") Duration goneAfter) {

    ClusterSettings {
        if (goneAfter.compareTo(heartbeat.multipliedBy(3)) < 0) {
            throw new IllegalArgumentException(
                    "siarchive.cluster.gone-after must be at least three heartbeats: " + goneAfter);
        }
    }
}
