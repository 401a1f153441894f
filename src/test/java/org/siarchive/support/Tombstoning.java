package org.siarchive.support;

import java.time.OffsetDateTime;
import java.util.UUID;
import org.siarchive.catalog.ItemDestroyed;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Test support standing in for the destruction engine (issue 16, part "destroy") until it is merged: in one
 * transaction it writes an approved batch, its 销毁清册 and a finished destruction naming the item, turns the
 * catalogue row into a tombstone (status DESTROYED, destroyed_at) and publishes {@link ItemDestroyed} — the
 * same commit the engine makes, so the listeners run from the persisted event publication after it.
 */
public final class Tombstoning {

    /** The destruction written: its batch and list numbers, for the assertions. */
    public record Written(String batchNo, String listNo, OffsetDateTime at) {}

    private Tombstoning() {}

    public static Written destroy(
            JdbcClient jdbc, TransactionTemplate tx, ApplicationEventPublisher events, UUID itemId, String tag) {
        return tx.execute(s -> {
            var at = OffsetDateTime.now();
            String code = jdbc.sql("select archive_code from item where id = :id")
                    .param("id", itemId)
                    .query(String.class)
                    .single();
            long fonds = jdbc.sql("select fonds_id from item where id = :id")
                    .param("id", itemId)
                    .query(Long.class)
                    .single();
            String batchNo = "JD-" + tag;
            String listNo = "XH-" + tag;
            long batch = jdbc.sql(
                            """
                    insert into appraisal_batch (batch_no, fonds_id, title, state, proposed_by, approved_by, approved_at)
                    values (:no, :fonds, '到期鉴定', 'DESTROYED_NOT_EXTENDED', 'archivist-t', 'leader-t', now()) returning id
                    """)
                    .param("no", batchNo)
                    .param("fonds", fonds)
                    .query(Long.class)
                    .single();
            long list = jdbc.sql(
                            """
                    insert into destruction_list (list_no, batch_id, generated_by, item_count, page_count)
                    values (:no, :b, 'archivist-t', 1, 1) returning id
                    """)
                    .param("no", listNo)
                    .param("b", batch)
                    .query(Long.class)
                    .single();
            long destruction = jdbc.sql(
                            """
                    insert into destruction (batch_id, list_id, state, method, place, executor, supervisor_1,
                                             supervisor_2, finished_at)
                    values (:b, :l, 'FINISHED', '电子数据彻底删除', '档案馆二楼机房', 'executor-t', 'supervisor-a',
                            'supervisor-b', now()) returning id
                    """)
                    .param("b", batch)
                    .param("l", list)
                    .query(Long.class)
                    .single();
            jdbc.sql(
                            """
                    insert into destruction_item (destruction_id, item_id, archive_code, state, purged_at, backups_holding)
                    values (:d, :id, :code, 'TOMBSTONED', now(), '[{"takenAt":"2026-11-01T02:00:00Z","expiresAt":"2027-11-01T02:00:00Z"}]'::jsonb)
                    """)
                    .param("d", destruction)
                    .param("id", itemId)
                    .param("code", code)
                    .update();
            jdbc.sql("update item set status = 'DESTROYED', destroyed_at = :at, updated_at = now() where id = :id")
                    .param("at", at)
                    .param("id", itemId)
                    .update();
            events.publishEvent(new ItemDestroyed(itemId, code, listNo, at));
            return new Written(batchNo, listNo, at);
        });
    }

    /** The event once more, as a republication after a crash delivers it: every listener must shrug. */
    public static void announceAgain(
            JdbcClient jdbc, TransactionTemplate tx, ApplicationEventPublisher events, UUID itemId, String listNo) {
        tx.executeWithoutResult(s -> {
            String code = jdbc.sql("select archive_code from item where id = :id")
                    .param("id", itemId)
                    .query(String.class)
                    .single();
            events.publishEvent(new ItemDestroyed(itemId, code, listNo, OffsetDateTime.now()));
        });
    }

    /** Waits until every publication of {@link ItemDestroyed} for the item is completed; answers how many. */
    public static int awaitListeners(JdbcClient jdbc, UUID itemId, int atLeast) throws InterruptedException {
        String sql = "select count(*) filter (where completion_date is not null), count(*) from event_publication"
                + " where event_type = :t and serialized_event like :item";
        for (int i = 0; i < 240; i++) {
            var counts = jdbc.sql(sql)
                    .param("t", ItemDestroyed.class.getName())
                    .param("item", "%" + itemId + "%")
                    .query((rs, n) -> new int[] {rs.getInt(1), rs.getInt(2)})
                    .single();
            if (counts[1] >= atLeast && counts[0] == counts[1]) {
                return counts[0];
            }
            Thread.sleep(250);
        }
        throw new AssertionError("listeners of ItemDestroyed did not complete for " + itemId);
    }
}
