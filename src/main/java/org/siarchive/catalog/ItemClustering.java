package org.siarchive.catalog;

import java.time.Duration;
import java.time.OffsetDateTime;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.jspecify.annotations.Nullable;
import org.siarchive.audit.AuditDetail;
import org.siarchive.audit.AuditOperation;
import org.siarchive.audit.AuditTrail;
import org.siarchive.audit.AuditedObject;
import org.siarchive.shared.Actor;
import org.siarchive.shared.ReadableTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps each person's items together on disk (docs/adr/0124): in the off-peak window (Beijing time) the item table is
 * rewritten in the order of {@code item_person_idx} ({@code CLUSTER}), so that a 一人一档 reads a few heap pages
 * instead of one page per item. CLUSTER locks the table for its whole run: the lock is waited for at most
 * {@code lock-timeout} (captures and reads queue behind a waiting CLUSTER) and the run is cancelled after
 * {@code max-duration}; either way the table is left as it was. Every run, done or not, leaves an audit entry and a
 * row the system administrator sees in the health details ({@link ItemClusteringHealth}).
 */
@Component
class ItemClustering {

    private static final Logger log = LoggerFactory.getLogger(ItemClustering.class);

    /** How a run ended. */
    record Run(boolean done, long items, Duration took, @Nullable String failure) {}

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final AuditTrail audit;
    private final Duration lockTimeout;
    private final Duration maxDuration;

    ItemClustering(
            JdbcClient jdbc,
            TransactionTemplate tx,
            AuditTrail audit,
            @Value("${siarchive.catalog.clustering.lock-timeout:PT5S}") Duration lockTimeout,
            @Value("${siarchive.catalog.clustering.max-duration:PT2H}") Duration maxDuration) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.audit = audit;
        this.lockTimeout = lockTimeout;
        this.maxDuration = maxDuration;
    }

    @Scheduled(cron = "${siarchive.catalog.clustering.cron:0 30 2 * * SUN}", zone = ReadableTime.DEFAULT_ZONE)
    @SchedulerLock(name = "catalog-item-clustering", lockAtMostFor = "PT6H", lockAtLeastFor = "PT5M")
    void scheduled() {
        var run = run(Actor.SYSTEM);
        log.info("item table clustered by person: {}", run);
    }

    /** Rewrites the item table in person order now, in one transaction with its audit entry. */
    Run run(Actor actor) {
        var started = OffsetDateTime.now();
        long t0 = System.nanoTime();
        try {
            long items = tx.execute(s -> cluster(actor, started, t0));
            return new Run(true, items, Duration.ofNanos(System.nanoTime() - t0), null);
        } catch (DataAccessException e) {
            String why = reason(e);
            tx.executeWithoutResult(s -> {
                keep(started, "FAILED", null, why);
                audit.record(
                        actor,
                        AuditedObject.ITEM_TABLE,
                        "item",
                        AuditOperation.CLUSTER,
                        AuditTrail.FAILURE,
                        null,
                        AuditDetail.of("audit.detail.clusterFailed", why).encoded());
            });
            return new Run(false, 0, Duration.ofNanos(System.nanoTime() - t0), why);
        }
    }

    private long cluster(Actor actor, OffsetDateTime started, long t0) {
        // SET LOCAL takes no bind parameters; both values are whole milliseconds from settings
        jdbc.sql("set local lock_timeout = " + Math.max(1, lockTimeout.toMillis()))
                .update();
        jdbc.sql("set local statement_timeout = " + Math.max(1, maxDuration.toMillis()))
                .update();
        jdbc.sql("cluster item using item_person_idx").update();
        jdbc.sql("analyze item").update();
        // ANALYZE has just counted the rows: no second pass over a large table for the figure
        long items = jdbc.sql("select reltuples::bigint from pg_class where oid = 'item'::regclass")
                .query(Long.class)
                .single();
        double seconds = (System.nanoTime() - t0) / 1e9;
        keep(started, "DONE", items, null);
        audit.record(
                actor,
                AuditedObject.ITEM_TABLE,
                "item",
                AuditOperation.CLUSTER,
                null,
                AuditDetail.of("audit.detail.clustered", items, String.format(java.util.Locale.ROOT, "%.1f", seconds))
                        .encoded());
        return items;
    }

    private void keep(OffsetDateTime started, String result, @Nullable Long items, @Nullable String detail) {
        jdbc.sql(
                        """
                insert into item_clustering_run (started_at, finished_at, result, items, detail)
                values (:s, now(), :r, :n, :d)
                """)
                .param("s", started)
                .param("r", result)
                .param("n", items)
                .param("d", detail)
                .update();
    }

    /** PostgreSQL's own words for why (lock timeout, statement timeout), without the SQL. */
    private static String reason(DataAccessException e) {
        String message = String.valueOf(e.getMostSpecificCause().getMessage());
        int newline = message.indexOf('\n');
        String first = newline < 0 ? message : message.substring(0, newline);
        return first.length() > 400 ? first.substring(0, 400) : first;
    }
}
