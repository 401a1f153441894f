package org.siarchive.cluster;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The cluster as this node sees it, in the actuator's health and in Prometheus ({@code siarchive_cluster_nodes} by
 * state): this node's id, how many nodes wrote a heartbeat within {@code gone-after}, how many were declared gone, and
 * the job locks held now. Always up: a gone node is the others' work to take over, not this node's failure.
 */
@Component("clusterHealthIndicator")
class ClusterHealth extends AbstractHealthIndicator {

    private final JdbcClient jdbc;
    private final ClusterNodes nodes;
    private final ClusterSettings settings;

    ClusterHealth(JdbcClient jdbc, ClusterNodes nodes, ClusterSettings settings, MeterRegistry meters) {
        this.jdbc = jdbc;
        this.nodes = nodes;
        this.settings = settings;
        Gauge.builder("siarchive.cluster.nodes", this, h -> h.count(true))
                .tag("state", "alive")
                .description("nodes whose heartbeat is within gone-after")
                .register(meters);
        Gauge.builder("siarchive.cluster.nodes", this, h -> h.count(false))
                .tag("state", "gone")
                .description("nodes declared gone and not back")
                .register(meters);
    }

    private double count(boolean alive) {
        String sql = alive
                ? "select count(*) from cluster_node where left_at is null"
                        + " and last_seen >= now() - make_interval(secs => :s)"
                : "select count(*) from cluster_node where left_at is not null";
        return jdbc.sql(sql)
                .param("s", settings.goneAfter().toSeconds())
                .query(Long.class)
                .single();
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        builder.up()
                .withDetail("node", nodes.self())
                .withDetail("clustered", nodes.clustered())
                .withDetail("alive", (long) count(true))
                .withDetail("gone", (long) count(false))
                .withDetail(
                        "jobsLockedNow",
                        jdbc.sql("select name from job_lock where lock_until > timezone('utc', now()) order by name")
                                .query(String.class)
                                .list());
    }
}
