package org.siarchive.audit;

import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.siarchive.shared.Actor;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Moves the audit trail of a single-node install into a table partitioned by range of the chain's sequence number
 * (docs/adr/0142), and keeps partitions ready ahead of the chain's head. The move copies rows in batches of their own
 * transactions into {@code audit_entry_part}, continuing after the highest sequence number already copied, so a run
 * killed at any point is simply run again; one short transaction then locks the chain head and the old table, copies
 * what was appended meanwhile, checks the counts and swaps the names. The old table stays as
 * {@code audit_entry_unpartitioned} until the operator drops it.
 */
@Component
public class AuditPartitioning {

    /** How a conversion ended: swapped, or stopped after the batches it was allowed. */
    public record Result(boolean swapped, long copied, long entries, double seconds) {}

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final AuditTrail audit;
    private final long partitionEntries;

    AuditPartitioning(
            JdbcClient jdbc,
            TransactionTemplate tx,
            AuditTrail audit,
            @Value("${siarchive.audit.partition.entries:10000000}") long partitionEntries) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.audit = audit;
        this.partitionEntries = Math.max(1_000, partitionEntries);
    }

    /** Whether {@code audit_entry} is already the partitioned table. */
    public boolean partitioned() {
        return jdbc.sql("select relkind = 'p' from pg_class where oid = 'audit_entry'::regclass")
                .query(Boolean.class)
                .single();
    }

    /**
     * Converts the audit trail; {@code maxBatches} bounds this run (a test stops it there as a crash would), a
     * negative value copies to the end and swaps.
     *
     * @throws IllegalStateException when the trail is partitioned already, or has entries the chain never sealed
     */
    public Result convert(Actor actor, int batch, long maxBatches) {
        if (partitioned()) {
            throw new IllegalStateException("the audit trail is partitioned already");
        }
        long unsealed = jdbc.sql("select count(*) from audit_entry where seq is null or hash is null")
                .query(Long.class)
                .single();
        if (unsealed > 0) {
            throw new IllegalStateException(unsealed + " audit entries are not sealed in the chain; start the platform"
                    + " once so that it seals them");
        }
        long t0 = System.nanoTime();
        tx.executeWithoutResult(s -> createTarget());
        long copied = 0;
        for (long b = 0; maxBatches < 0 || b < maxBatches; b++) {
            Long n = tx.execute(s -> copyAfterLast(batch));
            copied += n == null ? 0 : n;
            if (n == null || n == 0) {
                break;
            }
        }
        if (maxBatches >= 0) {
            return new Result(false, copied, 0, (System.nanoTime() - t0) / 1e9);
        }
        long[] done = {copied, 0};
        tx.executeWithoutResult(s -> done[1] = swap(actor, done, t0));
        return new Result(true, done[0], done[1], (System.nanoTime() - t0) / 1e9);
    }

    private void createTarget() {
        jdbc.sql(
                        """
                create table if not exists audit_entry_part
                    (like audit_entry including defaults including identity) partition by range (seq)
                """)
                .update();
        jdbc.sql("alter table audit_entry_part alter column seq set not null").update();
        boolean keyed = jdbc.sql(
                        "select exists (select 1 from pg_constraint where conrelid = 'audit_entry_part'::regclass"
                                + " and contype = 'p')")
                .query(Boolean.class)
                .single();
        if (!keyed) {
            jdbc.sql("alter table audit_entry_part add primary key (seq)").update();
        }
        for (String index : INDEXES) {
            jdbc.sql("create index if not exists " + index).update();
        }
        long head = jdbc.sql("select coalesce(max(seq), 0) from audit_entry")
                .query(Long.class)
                .single();
        addAhead("audit_entry_part", head, null);
    }

    /** The indexes of the single-node table, under names of their own (each partition gets its own copy). */
    private static final String[] INDEXES = {
        "audit_part_object_idx on audit_entry_part (object_type, object_id)",
        "audit_part_at_idx on audit_entry_part (at)",
        "audit_part_actor_idx on audit_entry_part (actor, at)",
        "audit_part_operation_idx on audit_entry_part (operation, at)",
        "audit_part_id_idx on audit_entry_part (id)"
    };

    private long copyAfterLast(int batch) {
        long last = jdbc.sql("select coalesce(max(seq), 0) from audit_entry_part")
                .query(Long.class)
                .single();
        return jdbc.sql(
                        """
                insert into audit_entry_part overriding system value
                select * from audit_entry where seq > :last order by seq limit :n
                """)
                .param("last", last)
                .param("n", Math.max(1, batch))
                .update();
    }

    private long swap(Actor actor, long[] done, long t0) {
        // the chain head first, as every writer takes it, then the table: nobody appends while the names change
        jdbc.sql("select seq from audit_chain_head where id = 1 for update")
                .query(Long.class)
                .optional();
        jdbc.sql("lock table audit_entry in access exclusive mode").update();
        long head = jdbc.sql("select coalesce(max(seq), 0) from audit_entry")
                .query(Long.class)
                .single();
        addAhead("audit_entry_part", head, null);
        long n;
        while ((n = copyAfterLast(10_000)) > 0) {
            done[0] += n;
        }
        long before =
                jdbc.sql("select count(*) from audit_entry").query(Long.class).single();
        long after = jdbc.sql("select count(*) from audit_entry_part")
                .query(Long.class)
                .single();
        if (before != after) {
            throw new IllegalStateException("copied " + after + " audit entries of " + before + "; nothing swapped");
        }
        long maxId = jdbc.sql("select coalesce(max(id), 0) from audit_entry")
                .query(Long.class)
                .single();
        jdbc.sql("alter table audit_entry_part alter column id restart with " + (maxId + 1))
                .update();
        jdbc.sql("alter table audit_entry rename to audit_entry_unpartitioned").update();
        jdbc.sql("alter table audit_entry_part rename to audit_entry").update();
        jdbc.sql("create trigger audit_entry_no_update before update or delete on audit_entry"
                        + " for each row execute function audit_entry_append_only()")
                .update();
        jdbc.sql("create trigger audit_entry_no_truncate before truncate on audit_entry"
                        + " for each statement execute function audit_entry_append_only()")
                .update();
        double seconds = (System.nanoTime() - t0) / 1e9;
        audit.record(
                actor,
                AuditedObject.AUDIT_TRAIL,
                "audit_entry",
                AuditOperation.PARTITION,
                null,
                AuditDetail.of("audit.detail.partitioned", after, String.format(Locale.ROOT, "%.1f", seconds))
                        .encoded());
        return after;
    }

    /**
     * Adds partitions of the partitioned audit trail until the one after the head's is there; does nothing on a
     * single-node table. Each partition added is audited in the same transaction.
     */
    public int ensureAhead(Actor actor) {
        Integer added = tx.execute(s -> partitioned() ? addAhead("audit_entry", headSeq(), actor) : 0);
        return added == null ? 0 : added;
    }

    private long headSeq() {
        return jdbc.sql("select seq from audit_chain_head where id = 1")
                .query(Long.class)
                .optional()
                .orElse(0L);
    }

    /** Partitions [top, top + size) from the current top until it lies two partitions' size above the head. */
    private int addAhead(String table, long head, @Nullable Actor actor) {
        long top = topBound(table);
        int added = 0;
        while (top <= head + 2 * partitionEntries) {
            long to = top + partitionEntries;
            String name = String.format(Locale.ROOT, "audit_entry_s%012d", top);
            jdbc.sql("create table if not exists " + name + " partition of " + table + " for values from (" + top
                            + ") to (" + to + ")")
                    .update();
            if (actor != null) {
                audit.record(
                        actor,
                        AuditedObject.AUDIT_TRAIL,
                        name,
                        AuditOperation.PARTITION,
                        null,
                        AuditDetail.of("audit.detail.partitionAdded", name, top, to - 1)
                                .encoded());
            }
            top = to;
            added++;
        }
        return added;
    }

    /** The upper bound of the highest partition, 0 when there is none yet. */
    private long topBound(String table) {
        return jdbc.sql(
                        """
                select coalesce(max(substring(pg_get_expr(c.relpartbound, c.oid) from 'TO \\(''?(\\d+)')::bigint), 0)
                from pg_inherits i join pg_class c on c.oid = i.inhrelid
                where i.inhparent = cast(:t as regclass)
                """)
                .param("t", table)
                .query(Long.class)
                .single();
    }
}
