package org.siarchive.monitoring;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The usual volume of each API client: its audited calls per clock hour, kept for the policy's look-back (14 days
 * by default). An hour is unusual above max(floor, mean + k·sd) of the client's earlier hours in the look-back
 * (hours without calls count as 0 from the first hour the client was seen, so a client that is quiet at night
 * is not judged by its busiest hours only).
 */
@Component
class ApiBaselines {

    private final JdbcClient jdbc;

    ApiBaselines(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Adds the batch's calls to the hourly counts. */
    void count(List<Observation> calls) {
        Map<String, Long> perHour = calls.stream()
                .collect(Collectors.groupingBy(
                        o -> o.actor() + "|" + o.windowStart().getEpochSecond(), TreeMap::new, Collectors.counting()));
        perHour.forEach((k, n) -> {
            int bar = k.lastIndexOf('|');
            jdbc.sql(
                            """
                    insert into monitoring_api_hour (client, hour, calls) values (:client, :hour, :n)
                    on conflict (client, hour) do update set calls = monitoring_api_hour.calls + excluded.calls
                    """)
                    .param("client", k.substring(0, bar))
                    .param("hour", Timestamp.from(Instant.ofEpochSecond(Long.parseLong(k.substring(bar + 1)))))
                    .param("n", n)
                    .update();
        });
    }

    /** The most calls the client's hour starting at {@code hour} may see before it is unusual. */
    int limit(String client, Instant hour, RulePolicy policy) {
        int floor = policy.thresholdOr(1_000);
        int days = policy.lookbackOr(14);
        double k = policy.deviations() == null ? 3.0 : policy.deviations().doubleValue();
        var from = hour.minus(Duration.ofDays(days));
        var earlier = jdbc.sql(
                        """
                select hour, calls from monitoring_api_hour
                where client = :client and hour >= :from and hour < :hour order by hour
                """)
                .param("client", client)
                .param("from", Timestamp.from(from))
                .param("hour", Timestamp.from(hour))
                .query((rs, n) -> new long[] {rs.getTimestamp(1).toInstant().getEpochSecond(), rs.getLong(2)})
                .list();
        if (earlier.isEmpty()) {
            return floor;
        }
        long first = earlier.get(0)[0];
        long hours = Math.max(1, (hour.getEpochSecond() - first) / 3600);
        double sum = 0;
        double squares = 0;
        for (var h : earlier) {
            sum += h[1];
            squares += (double) h[1] * h[1];
        }
        double mean = sum / hours;
        double sd = Math.sqrt(Math.max(0, squares / hours - mean * mean));
        return (int) Math.max(floor, Math.ceil(mean + k * sd));
    }

    /** Forgets hours older than the longest look-back. */
    int prune(Instant before) {
        return jdbc.sql("delete from monitoring_api_hour where hour < :before")
                .param("before", Timestamp.from(before))
                .update();
    }
}
