package org.siarchive.catalog;

import org.siarchive.shared.ReadableTime;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.support.CronExpression;
import org.springframework.stereotype.Component;

/**
 * What the system administrator sees of the item table's clustering by person (docs/adr/0124) in the actuator's
 * health details: the last run and how it ended, the next one in Beijing time, and how well the rows still follow
 * person order ({@code pg_stats.correlation} of {@code person_id}: 1 right after a run, falling as captures add
 * rows). Always up: an unclustered table is slower to read, not broken.
 */
@Component("itemClusteringHealthIndicator")
class ItemClusteringHealth extends AbstractHealthIndicator {

    private final JdbcClient jdbc;
    private final String cron;

    ItemClusteringHealth(JdbcClient jdbc, @Value("${siarchive.catalog.clustering.cron:0 30 2 * * SUN}") String cron) {
        this.jdbc = jdbc;
        this.cron = cron;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        builder.up().withDetail("schedule", cron + " (" + ReadableTime.DEFAULT_ZONE + ")");
        if (!"-".equals(cron)) {
            var next = CronExpression.parse(cron).next(ReadableTime.beijing().now());
            builder.withDetail("next", String.valueOf(next));
        }
        jdbc.sql(
                        """
                select started_at, finished_at, result, items, detail from item_clustering_run
                order by id desc limit 1
                """)
                .query(rs -> {
                    builder.withDetail("lastStarted", rs.getObject("started_at", java.time.OffsetDateTime.class))
                            .withDetail("lastFinished", rs.getObject("finished_at", java.time.OffsetDateTime.class))
                            .withDetail("lastResult", rs.getString("result"))
                            .withDetail("lastItems", rs.getLong("items"))
                            .withDetail("lastDetail", String.valueOf(rs.getString("detail")));
                });
        jdbc.sql("select correlation from pg_stats where schemaname = current_schema() and tablename = 'item'"
                        + " and attname = 'person_id' and correlation is not null")
                .query(Double.class)
                .optional()
                .ifPresent(c -> builder.withDetail("personOrderCorrelation", c));
    }
}
