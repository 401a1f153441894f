package org.siarchive.disposition;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.siarchive.catalog.Catalog;
import org.siarchive.catalog.GuardedOperation;
import org.siarchive.catalog.ItemGuards;
import org.siarchive.catalog.ItemRecord;
import org.siarchive.catalog.ItemState;
import org.siarchive.shared.ConflictException;
import org.siarchive.shared.NotFoundException;
import org.siarchive.shared.ReadableTime;
import org.siarchive.shared.Scope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The rules a destruction must pass before anything is written (issue 16 item 4): the batch approved and
 * not yet executed, its 销毁清册 filed, and every item decided 销毁 preserved, not 永久, its term ended
 * (before today, Beijing time) and free of holds ({@link ItemGuards}). Each broken rule is a 409 naming it.
 */
@Component
class DestructionChecks {

    /** Batch states from which the 销毁 decisions may be executed (V16_1's names; appraisal writes BatchState). */
    static final List<String> EXECUTABLE = List.of("APPROVED", "EXTENDED_NOT_DESTROYED");

    /** The batch and its list as a destruction needs them. */
    record Batch(
            long id,
            String batchNo,
            String state,
            @Nullable Long listId,
            @Nullable String listNo,
            @Nullable LocalDate filedOn) {}

    private final JdbcClient jdbc;
    private final Catalog catalog;
    private final ItemGuards guards;
    private final ReadableTime time;

    DestructionChecks(JdbcClient jdbc, Catalog catalog, ItemGuards guards, ReadableTime time) {
        this.jdbc = jdbc;
        this.catalog = catalog;
        this.guards = guards;
        this.time = time;
    }

    /** The batch, if every item of it lies in {@code scope}; else 404 (it is not there for the caller). */
    Batch batchInScope(long batchId, Scope scope) {
        var batch = batch(batchId, false);
        List<UUID> all = jdbc.sql("select item_id from appraisal_item where batch_id = :b")
                .param("b", batchId)
                .query(UUID.class)
                .list();
        if (all.stream().anyMatch(id -> !catalog.inScope(id, scope))) {
            throw new NotFoundException("DESTRUCTION_BATCH", Long.toString(batchId));
        }
        return batch;
    }

    Batch batch(long batchId, boolean lock) {
        return jdbc.sql(
                        """
                select b.id, b.batch_no, b.state, l.id as list_id, l.list_no, l.filed_on
                from appraisal_batch b left join destruction_list l on l.batch_id = b.id where b.id = :b
                """
                                + (lock ? " for update of b" : ""))
                .param("b", batchId)
                .query(Batch.class)
                .optional()
                .orElseThrow(() -> new NotFoundException("DESTRUCTION_BATCH", Long.toString(batchId)));
    }

    /** Every rule, the hold door last; answers the items to destroy. Called again inside the intent's transaction. */
    List<ItemRecord> verify(Batch batch) {
        if (!EXECUTABLE.contains(batch.state())) {
            throw new ConflictException("disposition.destruction.notApproved", batch.batchNo());
        }
        if (batch.listId() == null || batch.filedOn() == null) {
            throw new ConflictException("disposition.destruction.listNotFiled", batch.batchNo());
        }
        boolean executed = jdbc.sql("select exists (select 1 from destruction where batch_id = :b)")
                .param("b", batch.id())
                .query(Boolean.class)
                .single();
        if (executed) {
            throw new ConflictException("disposition.destruction.alreadyExecuted", batch.batchNo());
        }
        List<UUID> ids = jdbc.sql(
                        """
                select item_id from appraisal_item where batch_id = :b and decision = 'DESTROY' and open
                order by archive_code
                """)
                .param("b", batch.id())
                .query(UUID.class)
                .list();
        if (ids.isEmpty()) {
            throw new ConflictException("disposition.destruction.nothingToDestroy", batch.batchNo());
        }
        var items = catalog.items(ids);
        LocalDate today = time.today();
        for (var item : items) {
            if (item.state() != ItemState.PRESERVED) {
                throw new ConflictException("disposition.destruction.notPreserved", item.archiveCode());
            }
            if (item.retentionEnd() == null) {
                throw new ConflictException("disposition.destruction.permanent", item.archiveCode());
            }
            if (!item.retentionEnd().isBefore(today)) {
                throw new ConflictException(
                        "disposition.destruction.termNotEnded", item.archiveCode(), item.retentionEnd());
            }
        }
        guards.check(ids, GuardedOperation.DESTROY);
        return items;
    }
}
