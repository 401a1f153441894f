package org.siarchive.disposition;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.siarchive.catalog.Catalog;
import org.siarchive.catalog.ItemRecord;
import org.siarchive.shared.Actor;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Completes a recorded destruction (docs/adr/0068): chunk by chunk, every item's content is purged
 * (primary, staging, replica; marked PURGED) and then the chunk is tombstoned in one transaction; last
 * the destruction is FINISHED. The same walk serves the executor's request and start-up reconciliation:
 * it starts from whatever state the rows are in, and every step may be repeated.
 */
@Component
class DestructionEngine {

    private final JdbcClient jdbc;
    private final DestructionSteps steps;
    private final Catalog catalog;
    private final int chunkSize;
    private final DestructionListFiling filing;
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(DestructionEngine.class);

    DestructionEngine(
            JdbcClient jdbc,
            DestructionSteps steps,
            Catalog catalog,
            DestructionListFiling filing,
            @Value("${siarchive.disposition.destruction-chunk:200}") int chunkSize) {
        this.filing = filing;
        this.jdbc = jdbc;
        this.steps = steps;
        this.catalog = catalog;
        this.chunkSize = Math.max(1, chunkSize);
    }

    /**
     * Purges and tombstones every item still pending, then finishes; a no-op for a finished destruction.
     * Answers the time each kind of step took.
     */
    DestructionTimings complete(long destructionId, Actor actor) {
        var t = new long[6];
        var d = steps.running(destructionId);
        if (!"EXECUTING".equals(d.state())) {
            return DestructionTimings.of(t, 0);
        }
        int n = 0;
        long at = System.nanoTime();
        for (var chunk = pending(destructionId); !chunk.isEmpty(); chunk = pending(destructionId)) {
            at = lap(t, 0, at);
            for (var p : chunk) {
                if ("PENDING".equals(p.state())) {
                    steps.purgePrimary(p);
                    at = lap(t, 1, at);
                    steps.purgeReplica(p);
                    at = lap(t, 2, at);
                    steps.markPurged(p.itemId());
                    at = lap(t, 3, at);
                }
            }
            steps.tombstoneChunk(d, chunk, actor);
            at = lap(t, 4, at);
            n += chunk.size();
        }
        steps.finish(d, actor);
        archiveExecutedList(d.batchId(), actor);
        lap(t, 5, at);
        return DestructionTimings.of(t, n);
    }

    /**
     * Archives the executed 销毁清册 (method, place, time and people filled in) as a permanent item. Its own
     * step after FINISHED: the destruction stands whatever happens here, and start-up reconciliation retries
     * a list left unarchived ({@link DestructionReconciliation}).
     */
    void archiveExecutedList(long batchId, Actor actor) {
        try {
            filing.archiveExecuted(batchId, actor);
        } catch (RuntimeException e) {
            log.warn("the executed destruction list of batch {} is not archived yet: {}", batchId, e.toString());
        }
    }

    /** Batches whose destruction finished but whose executed list is not archived yet (a crash between). */
    List<Long> finishedWithoutArchivedList() {
        return jdbc.sql("select d.batch_id from destruction d join destruction_list l on l.id = d.list_id"
                        + " where d.state = 'FINISHED' and l.executed_item_id is null order by d.batch_id")
                .query(Long.class)
                .list();
    }

    private static long lap(long[] t, int step, long since) {
        long now = System.nanoTime();
        t[step] += now - since;
        return now;
    }

    private List<DestructionSteps.Pending> pending(long destructionId) {
        record Row(UUID itemId, String archiveCode, String state) {}
        var rows = jdbc.sql(
                        """
                select item_id, archive_code, state from destruction_item
                where destruction_id = :d and state <> 'TOMBSTONED' order by archive_code limit :n
                """)
                .param("d", destructionId)
                .param("n", chunkSize)
                .query(Row.class)
                .list();
        Map<UUID, ItemRecord> items = catalog
                .items(rows.stream().map(Row::itemId).toList())
                .stream()
                .collect(Collectors.toMap(ItemRecord::id, Function.identity()));
        var out = new ArrayList<DestructionSteps.Pending>();
        for (var r : rows) {
            var item = items.get(r.itemId());
            out.add(new DestructionSteps.Pending(r.itemId(), r.archiveCode(), r.state(), item.objectId()));
        }
        return out;
    }
}
