package org.siarchive.bench;

import java.nio.file.Path;
import java.util.Locale;
import java.util.function.LongSupplier;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.siarchive.audit.AuditPartitioning;
import org.siarchive.shared.Actor;
import org.siarchive.support.OwnPlatform;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The audit trail's conversion to the table partitioned by sequence number (docs/adr/0142) on {@code bench.audit.entries}
 * rows (default 1 M), on a database of its own: the conversion's rate, and two reads before and after it, a range of
 * sequence numbers (what chain verification and the feed read; pruned to one partition after) and one object's
 * entries (the auditor's search; one index probe per partition after). Rows are written in SQL with stand-in hashes:
 * the conversion copies, it does not verify. Prints; asserts nothing
 * ({@code ./mvnw -Pbench verify -Dtest=AuditPartitioningBenchmark -Dbench.audit.entries=1000000}).
 */
@Tag("bench")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS) // its own platform and PostgreSQL: closed after
class AuditPartitioningBenchmark {

    private static final Path OWN_DIR = OwnPlatform.dir("bench-partition");
    private static final long ENTRIES = Long.getLong("bench.audit.entries", 1_000_000);
    private static final long PER_PARTITION = Long.getLong("bench.audit.partition", 100_000);

    @DynamicPropertySource
    static void ownDatabase(DynamicPropertyRegistry registry) {
        OwnPlatform.settings(registry, OWN_DIR);
        registry.add("siarchive.audit.partition.entries", () -> Long.toString(PER_PARTITION));
        registry.add("siarchive.audit.partition.cron", () -> "-");
    }

    @Autowired
    AuditPartitioning partitioning;

    @Autowired
    JdbcClient jdbc;

    @Test
    void conversionRateAndReadsBeforeAndAfter() {
        try (var heap = PeakHeap.watch()) {
            run();
            System.out.println(heap.line());
        }
    }

    private void run() {
        long head = jdbc.sql("select seq from audit_chain_head where id = 1")
                .query(Long.class)
                .single();
        long t0 = System.nanoTime();
        for (long from = 0; from < ENTRIES; from += 100_000) {
            jdbc.sql(
                            """
                    insert into audit_entry (seq, at, actor, object_type, object_id, operation, result, detail,
                        prev_hash, hash)
                    select :h + g, now() - (:n - g) * interval '1 second', 'bench', 'ITEM', 'item-' || (g % 50000),
                        'READ', 'SUCCESS', 'bench entry ' || g, sha256(int8send(g - 1)), sha256(int8send(g))
                    from generate_series(:from + 1, least(:from + 100000, :n)) g
                    """)
                    .param("h", head)
                    .param("n", ENTRIES)
                    .param("from", from)
                    .update();
        }
        jdbc.sql("update audit_chain_head set seq = (select max(seq) from audit_entry) where id = 1")
                .update();
        jdbc.sql("analyze audit_entry").update();
        System.out.printf(Locale.ROOT, "%d audit entries written in %.1f s%n", ENTRIES, (System.nanoTime() - t0) / 1e9);

        long mid = head + ENTRIES / 2;
        String range = String.format(
                Locale.ROOT,
                "select count(*) from audit_entry where seq between %d and %d and detail is not null",
                mid,
                mid + 5_000);
        String object = "select count(*) from audit_entry where object_type = 'ITEM' and object_id = 'item-4242'"
                + " and detail is not null";
        double rangeBefore = perQuery(() -> count(range));
        double objectBefore = perQuery(() -> count(object));

        var result = partitioning.convert(new Actor("bench", null, "127.0.0.1", "bench"), 50_000, -1);
        jdbc.sql("analyze audit_entry").update();
        double rangeAfter = perQuery(() -> count(range));
        double objectAfter = perQuery(() -> count(object));
        System.out.printf(
                Locale.ROOT,
                "audit-partition: %d entries in %.1f s, %.0f entries/s (%d per partition)%n"
                        + "5,001-entry seq range: %.2f ms before, %.2f ms after; one object's entries: %.2f ms before,"
                        + " %.2f ms after%n",
                result.entries(),
                result.seconds(),
                result.entries() / result.seconds(),
                PER_PARTITION,
                rangeBefore,
                rangeAfter,
                objectBefore,
                objectAfter);
    }

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }

    /** Milliseconds per query, the mean of 50 after 10 untimed. */
    private static double perQuery(LongSupplier query) {
        for (int i = 0; i < 10; i++) {
            query.getAsLong();
        }
        long t0 = System.nanoTime();
        for (int i = 0; i < 50; i++) {
            query.getAsLong();
        }
        return (System.nanoTime() - t0) / 1e6 / 50;
    }
}
