package org.siarchive.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.siarchive.shared.Actor;
import org.siarchive.support.OwnPlatform;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The single-node audit trail moved into the table partitioned by sequence number (docs/adr/0142), on a database of
 * its own so that the rest of the suite keeps the single-node schema: a run stopped after two batches (as a kill
 * would leave it) is run again and completes, entries appended meanwhile included; every row arrives unchanged, the
 * chain verifies, the auditor's search and new entries work, a range of sequence numbers reads one partition, a
 * second conversion is refused and partitions are added ahead of the head, audited.
 */
@Tag("integration")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS) // its own platform and PostgreSQL: closed after
class AuditPartitioningIT {

    private static final Path OWN_DIR = OwnPlatform.dir("it-partition");

    @DynamicPropertySource
    static void ownDatabase(DynamicPropertyRegistry registry) {
        OwnPlatform.settings(registry, OWN_DIR);
        registry.add("siarchive.audit.partition.entries", () -> "1000");
        registry.add("siarchive.audit.partition.cron", () -> "-");
    }

    @Autowired
    AuditPartitioning partitioning;

    @Autowired
    AuditTrail trail;

    @Autowired
    AuditChain chain;

    @Autowired
    AuditLog log;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate tx;

    private void entries(String prefix, int n) {
        tx.executeWithoutResult(s -> {
            for (int i = 0; i < n; i++) {
                trail.record(Actor.SYSTEM, AuditedObject.AUDIT_TRAIL, prefix + i, AuditOperation.VERIFY, null, "x" + i);
            }
        });
    }

    /** A digest of every row as stored, in chain order, up to a sequence number. */
    private String digest(long upTo) {
        return jdbc.sql(
                        """
                select md5(string_agg(concat_ws('|', id, seq, at, actor, org, ip, client, object_type, object_id,
                    operation, result, reason, detail, encode(prev_hash, 'hex'), encode(hash, 'hex')), E'\\n'
                    order by seq))
                from audit_entry where seq <= :s
                """)
                .param("s", upTo)
                .query(String.class)
                .single();
    }

    private long count() {
        return jdbc.sql("select count(*) from audit_entry").query(Long.class).single();
    }

    @Test
    void anInterruptedConversionIsRunAgainAndLosesNothing() {
        entries("before", 2_500);
        long head =
                jdbc.sql("select max(seq) from audit_entry").query(Long.class).single();
        String before = digest(head);
        long rows = count();
        var actor = new Actor("cli:operator", null, "127.0.0.1", "siarchive audit-partition");

        var stopped = partitioning.convert(actor, 500, 2);
        assertThat(stopped.swapped()).isFalse();
        assertThat(stopped.copied()).isEqualTo(1_000);
        assertThat(partitioning.partitioned()).isFalse();
        entries("meanwhile", 10);

        var done = partitioning.convert(actor, 500, -1);

        assertThat(done.swapped()).isTrue();
        assertThat(done.copied()).isEqualTo(rows + 10 - 1_000);
        assertThat(partitioning.partitioned()).isTrue();
        // the copied rows, and the conversion's own entry written into the new table in the swap's transaction
        assertThat(count()).isEqualTo(rows + 10 + 1);
        assertThat(digest(head)).isEqualTo(before);
        assertThat(jdbc.sql("select count(*) from audit_entry_unpartitioned")
                        .query(Long.class)
                        .single())
                .isEqualTo(rows + 10);
        assertThat(chain.verify().findings()).isEmpty();
        assertThat(jdbc.sql(
                                "select count(*) from audit_entry where operation = 'PARTITION' and object_id = 'audit_entry'")
                        .query(Long.class)
                        .single())
                .isEqualTo(1);

        assertThatThrownBy(() -> partitioning.convert(actor, 500, -1))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("partitioned already");

        // the application's reads and writes on the converted table
        entries("after", 1_500);
        assertThat(chain.verify().findings()).isEmpty();
        var page = log.search(new AuditQuery(null, null, null, null, "AUDIT_TRAIL", "after1499", null), 0, 20);
        assertThat(page.total()).isEqualTo(1);
        assertThatThrownBy(() -> jdbc.sql("update audit_entry set detail = 'changed' where seq = 5")
                        .update())
                .hasMessageContaining("append-only");

        // partitions ahead of the head, each audited
        long newHead =
                jdbc.sql("select max(seq) from audit_entry").query(Long.class).single();
        int added = partitioning.ensureAhead(Actor.SYSTEM);
        assertThat(added).isPositive();
        assertThat(partitioning.ensureAhead(Actor.SYSTEM)).isZero();
        long top = jdbc.sql(
                        """
                select max(substring(pg_get_expr(c.relpartbound, c.oid) from 'TO \\(''?(\\d+)')::bigint)
                from pg_inherits i join pg_class c on c.oid = i.inhrelid where i.inhparent = 'audit_entry'::regclass
                """)
                .query(Long.class)
                .single();
        assertThat(top).isGreaterThan(newHead + 2_000);
        assertThat(jdbc.sql(
                                "select count(*) from audit_entry where operation = 'PARTITION' and object_id like 'audit_entry_s%'")
                        .query(Long.class)
                        .single())
                .isEqualTo(added);

        // a range of sequence numbers reads the one partition that holds it
        List<String> plan = jdbc.sql("explain select * from audit_entry where seq between 1200 and 1300")
                .query(String.class)
                .list();
        String text = String.join("\n", plan);
        assertThat(text).contains("audit_entry_s000000001000").doesNotContain("audit_entry_s000000000000");
        assertThat(text).doesNotContain("audit_entry_s000000002000");
    }
}
