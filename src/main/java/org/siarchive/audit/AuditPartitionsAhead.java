package org.siarchive.audit;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.siarchive.shared.Actor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Once an hour, once in the cluster: on a partitioned audit trail (docs/adr/0142), adds the partitions the chain will
 * need next, so that the partition after the head's always exists before an entry is written into it. On the
 * single-node table it does nothing.
 */
@Component
class AuditPartitionsAhead {

    private static final Logger log = LoggerFactory.getLogger(AuditPartitionsAhead.class);

    private final AuditPartitioning partitioning;

    AuditPartitionsAhead(AuditPartitioning partitioning) {
        this.partitioning = partitioning;
    }

    @Scheduled(cron = "${siarchive.audit.partition.cron:0 7 * * * *}")
    @SchedulerLock(name = "audit-partitions-ahead", lockAtMostFor = "PT10M")
    void scheduled() {
        int added = partitioning.ensureAhead(Actor.SYSTEM);
        if (added > 0) {
            log.info("audit trail: {} partition(s) added ahead of the chain", added);
        }
    }
}
