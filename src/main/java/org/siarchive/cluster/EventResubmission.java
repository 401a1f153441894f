package org.siarchive.cluster;

import java.time.Duration;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Events whose listeners never finished, in a cluster (docs/adr/0138). A single node republishes its incomplete event
 * publications when it restarts; in a cluster that would also republish what another node's listeners are handling
 * at that moment, so the cluster profile turns it off and one node at a time resubmits publications older than
 * {@code siarchive.cluster.resubmit-after} (15 min) — left by a node that died, or by a listener that failed.
 */
@Component
class EventResubmission {

    private final IncompleteEventPublications incomplete;
    private final ClusterNodes nodes;
    private final Duration after;

    EventResubmission(
            IncompleteEventPublications incomplete,
            ClusterNodes nodes,
            @Value("${siarchive.cluster.resubmit-after:PT15M}") Duration after) {
        this.incomplete = incomplete;
        this.nodes = nodes;
        this.after = after;
    }

    @Scheduled(initialDelayString = "PT1M", fixedDelayString = "PT1M")
    @SchedulerLock(name = "cluster-event-resubmission", lockAtMostFor = "PT30M")
    void resubmit() {
        if (nodes.clustered()) {
            incomplete.resubmitIncompletePublicationsOlderThan(after);
        }
    }
}
