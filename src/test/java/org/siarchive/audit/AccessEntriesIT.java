package org.siarchive.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.siarchive.shared.Actor;
import org.siarchive.shared.UnavailableException;
import org.siarchive.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.DefaultTransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Group commit of reads' access entries (docs/adr/0117): entries of concurrent reads share one transaction and one
 * step of the chain, in order, and the chain verifies; a read returns only once its entry is committed; an entry the
 * database refuses fails its own read and no other; inside a transaction a read's entry belongs to that transaction.
 */
class AccessEntriesIT extends IntegrationTest {

    private static final Actor READER = new Actor("access-entries-test", "10.0.0.7", "junit");

    @Autowired
    AuditTrail trail;

    @Autowired
    AuditChain chain;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate tx;

    @Autowired
    PlatformTransactionManager transactions;

    ExecutorService readers;

    @BeforeEach
    void readers() {
        readers = Executors.newFixedThreadPool(8);
    }

    @AfterEach
    void noneLeft() throws InterruptedException {
        readers.shutdownNow();
        readers.awaitTermination(10, TimeUnit.SECONDS);
        jdbc.sql("drop trigger if exists access_entries_it_refuse on audit_entry")
                .update();
        jdbc.sql("drop function if exists access_entries_it_refuse()").update();
    }

    @Test
    void readsWaitingTogetherShareOneTransactionAndTheChainStaysInOrderAndVerifies() throws Exception {
        String run = "grp" + System.nanoTime();
        List<Future<?>> reads;
        // the chain head is held, as by a long commit: the reads arriving meanwhile gather into one group
        try (var held = new HeldChainHead()) {
            reads = readsOf(run, 8);
            awaitWaiting(8);
        }
        for (var r : reads) {
            r.get(30, TimeUnit.SECONDS);
        }
        var rows = jdbc.sql("select seq, xmin::text as tx from audit_entry where object_id like :p order by seq")
                .param("p", run + "-%")
                .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2)})
                .list();
        assertThat(rows).hasSize(8);
        assertThat(rows.stream().map(r -> r[1]).distinct().count()).isLessThanOrEqualTo(2);
        assertThat(chain.verify().findings()).isEmpty();
    }

    @Test
    void eachReadOfAClientIsCommittedBeforeItsNextOneInChainOrder() throws Exception {
        String run = "ord" + System.nanoTime();
        var futures = new ArrayList<Future<?>>();
        for (int c = 0; c < 8; c++) {
            int client = c;
            futures.add(readers.submit(() -> {
                for (int i = 0; i < 10; i++) {
                    read(run + "-" + client + "-" + i);
                    assertThat(committed(run + "-" + client + "-" + i)).isEqualTo(1);
                }
            }));
        }
        for (var f : futures) {
            f.get(60, TimeUnit.SECONDS);
        }
        for (int c = 0; c < 8; c++) {
            var seqs = jdbc.sql("select seq from audit_entry where object_id like :p order by seq")
                    .param("p", run + "-" + c + "-%")
                    .query((rs, n) -> rs.getString(1))
                    .list();
            var objects = jdbc.sql("select object_id from audit_entry where object_id like :p order by seq")
                    .param("p", run + "-" + c + "-%")
                    .query(String.class)
                    .list();
            assertThat(seqs).hasSize(10);
            assertThat(objects)
                    .isSortedAccordingTo(java.util.Comparator.comparingInt(
                            o -> Integer.parseInt(o.substring(o.lastIndexOf('-') + 1))));
        }
        assertThat(chain.verify().findings()).isEmpty();
    }

    @Test
    void anEntryTheDatabaseRefusesFailsItsOwnReadAndNoOtherOfItsGroup() throws Exception {
        String run = "ref" + System.nanoTime();
        jdbc.sql(
                        """
                create function access_entries_it_refuse() returns trigger language plpgsql as $$
                begin raise exception 'refused by the test'; end $$""")
                .update();
        jdbc.sql("create trigger access_entries_it_refuse before insert on audit_entry for each row"
                        + " when (new.object_id = '" + run + "-refused') execute function access_entries_it_refuse()")
                .update();
        List<Future<?>> good;
        Future<?> refused;
        try (var held = new HeldChainHead()) {
            good = readsOf(run, 4);
            refused = readers.submit(() -> read(run + "-refused"));
            awaitWaiting(5);
        }
        for (var r : good) {
            r.get(30, TimeUnit.SECONDS);
        }
        var failure = org.assertj.core.api.Assertions.catchThrowable(() -> refused.get(30, TimeUnit.SECONDS));
        assertThat(failure).cause().isInstanceOf(UnavailableException.class);
        assertThat(committed(run + "-refused")).isZero();
        for (int i = 0; i < 4; i++) {
            assertThat(committed(run + "-" + i)).isEqualTo(1);
        }
        assertThat(chain.verify().findings()).isEmpty();
    }

    @Test
    void insideATransactionAReadsEntryBelongsToThatTransaction() {
        String id = "txn" + System.nanoTime();
        tx.executeWithoutResult(s -> {
            read(id);
            s.setRollbackOnly();
        });
        assertThat(committed(id)).isZero();
        tx.executeWithoutResult(s -> read(id));
        assertThat(committed(id)).isEqualTo(1);
    }

    private void read(String objectId) {
        trail.recordRead(READER, AuditedObject.PERSON, objectId, AuditOperation.READ, "test read");
    }

    private int committed(String objectId) {
        return jdbc.sql("select count(*) from audit_entry where object_id = :id")
                .param("id", objectId)
                .query(Integer.class)
                .single();
    }

    private List<Future<?>> readsOf(String run, int n) {
        var list = new ArrayList<Future<?>>();
        for (int i = 0; i < n; i++) {
            String id = run + "-" + i;
            list.add(readers.submit(() -> read(id)));
        }
        return list;
    }

    /** Until n reader threads wait for their entries' commit (the writer is blocked on the held head). */
    private void awaitWaiting(int n) throws InterruptedException {
        var seen = new AtomicBoolean();
        for (int tries = 0; tries < 600 && !seen.get(); tries++) {
            long waiting = Thread.getAllStackTraces().entrySet().stream()
                    .filter(e -> e.getKey().getName().startsWith("pool-"))
                    .filter(e -> java.util.Arrays.stream(e.getValue())
                            .anyMatch(f -> f.getClassName().equals(AccessEntries.class.getName())))
                    .filter(e -> e.getKey().getState() == Thread.State.TIMED_WAITING)
                    .count();
            seen.set(waiting >= n);
            Thread.sleep(50);
        }
        assertThat(seen).as(n + " reads waiting for their commit").isTrue();
    }

    /** The chain head locked by a transaction of the test's own until closed. */
    private final class HeldChainHead implements AutoCloseable {
        private final org.springframework.transaction.TransactionStatus status;

        HeldChainHead() {
            var def = new DefaultTransactionDefinition(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
            status = transactions.getTransaction(def);
            jdbc.sql("select seq from audit_chain_head where id = 1 for update")
                    .query(Long.class)
                    .single();
        }

        @Override
        public void close() {
            transactions.rollback(status);
        }
    }
}
