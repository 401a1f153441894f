package org.siarchive.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.siarchive.audit.AuditTrail;
import org.siarchive.audit.AuditedObject;
import org.siarchive.shared.Actor;
import org.siarchive.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** The off-peak rewrite of the item table in person order (docs/adr/0124), on the real PostgreSQL. */
class ItemClusteringIT extends IntegrationTest {

    @Autowired
    ItemClustering clustering;

    @Autowired
    ItemClusteringHealth health;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate tx;

    @Autowired
    AuditTrail audit;

    @Autowired
    DataSource dataSource;

    @Test
    void clustersTheItemTableByPersonAndAuditsTheRun() {
        var run = clustering.run(Actor.SYSTEM);

        assertThat(run.done()).isTrue();
        assertThat(jdbc.sql("select indisclustered from pg_index where indexrelid = 'item_person_idx'::regclass")
                        .query(Boolean.class)
                        .single())
                .isTrue();
        var last = lastEntry();
        assertThat(last.operation()).isEqualTo("CLUSTER");
        assertThat(last.result()).isEqualTo(AuditTrail.SUCCESS);
        assertThat(lastResult()).isEqualTo("DONE");
        assertThat(health.health(true).getDetails()).containsEntry("lastResult", "DONE");
    }

    @Test
    void givesUpAfterTheLockTimeoutLeavingTheTableAsItWasAndAuditsWhy() throws Exception {
        var impatient = new ItemClustering(jdbc, tx, audit, Duration.ofMillis(200), Duration.ofMinutes(5));
        long before = relfilenode();
        ItemClustering.Run run;
        try (var reader = dataSource.getConnection()) {
            reader.setAutoCommit(false);
            reader.createStatement().execute("lock table item in access share mode");

            run = impatient.run(Actor.SYSTEM);

            reader.rollback();
        }

        assertThat(run.done()).isFalse();
        assertThat(run.failure()).contains("lock timeout");
        assertThat(relfilenode()).isEqualTo(before);
        var last = lastEntry();
        assertThat(last.result()).isEqualTo(AuditTrail.FAILURE);
        assertThat(last.operation()).isEqualTo("CLUSTER");
        assertThat(lastResult()).isEqualTo("FAILED");
    }

    private AuditTrail.Entry lastEntry() {
        var entries = audit.forObject(AuditedObject.ITEM_TABLE, "item");
        return entries.get(entries.size() - 1);
    }

    private String lastResult() {
        return jdbc.sql("select result from item_clustering_run order by id desc limit 1")
                .query(String.class)
                .single();
    }

    /** The table's file: CLUSTER writes a new one, so an unchanged number means an unchanged table. */
    private long relfilenode() {
        return jdbc.sql("select relfilenode::bigint from pg_class where oid = 'item'::regclass")
                .query(Long.class)
                .single();
    }
}
