package org.siarchive.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.zaxxer.hikari.HikariDataSource;
import java.time.Duration;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

/**
 * Issue 21's read scaling on a real streaming replica (Debian's PostgreSQL 15, pg_basebackup -R): reads through
 * {@link ReplicaReads} land on the replica while it keeps up and see what was committed on the primary; everything
 * else is the primary's; a replica held behind its limit (replay paused) is left, and the reads see the primary's
 * newest rows again; once it catches up it is used again.
 */
@Tag("integration")
class ReplicaRoutingIT {

    @Test
    void readsGoToTheReplicaOnlyWhileItLagsLessThanItsLimit() throws Exception {
        assumeTrue(DebianPostgres15.installed(), "Debian's postgresql-15 (./siarchive test installs it)");
        try (var primary = DebianPostgres15.start();
                var replica = primary.startReplica();
                var p = pool(primary.jdbcUrl());
                var r = pool(replica.jdbcUrl())) {
            var routing = new ReplicaRouting(p, r, Duration.ofSeconds(2));
            var ds = routing.dataSource();
            var reads = new ReplicaReads(routing, new DataSourceTransactionManager(ds));
            var jdbc = JdbcClient.create(ds);
            jdbc.sql("create table seen (n int)").update();
            jdbc.sql("insert into seen values (1)").update();

            await().atMost(Duration.ofSeconds(30)).until(routing::check);
            await().atMost(Duration.ofSeconds(30)).until(() -> reads.read(() -> count(jdbc)) == 1);
            assertThat(reads.read(() -> inRecovery(jdbc)))
                    .as("read on the replica")
                    .isTrue();
            assertThat(inRecovery(jdbc)).as("anything else on the primary").isFalse();

            JdbcClient.create(r).sql("select pg_wal_replay_pause()").query().singleRow();
            jdbc.sql("insert into seen values (2)").update();
            Thread.sleep(2_500);
            assertThat(routing.check()).as("held back beyond its 2 s").isFalse();
            assertThat(routing.lagSeconds()).isGreaterThan(2);
            assertThat(reads.read(() -> inRecovery(jdbc))).isFalse();
            assertThat(reads.read(() -> count(jdbc))).isEqualTo(2);

            JdbcClient.create(r).sql("select pg_wal_replay_resume()").query().singleRow();
            await().atMost(Duration.ofSeconds(30)).until(routing::check);
            assertThat(reads.read(() -> inRecovery(jdbc))).isTrue();
            assertThat(reads.read(() -> count(jdbc))).isEqualTo(2);
        }
    }

    private static long count(JdbcClient jdbc) {
        return jdbc.sql("select count(*) from seen").query(Long.class).single();
    }

    private static boolean inRecovery(JdbcClient jdbc) {
        return jdbc.sql("select pg_is_in_recovery()").query(Boolean.class).single();
    }

    private static HikariDataSource pool(String url) {
        var ds = new HikariDataSource();
        ds.setJdbcUrl(url);
        ds.setUsername("postgres");
        ds.setMaximumPoolSize(4);
        return ds;
    }
}
