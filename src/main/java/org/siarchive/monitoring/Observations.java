package org.siarchive.monitoring;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What the windowed rules counted, kept across batches (a window's entries may arrive in several): each batch adds
 * its observations, then each touched window is counted again (distinct keys) with the entries behind it.
 */
@Component
class Observations {

    /** The most entries one alert links (the first ones of its window). */
    static final int MAX_LINKED = 200;

    /** A window's count and its entries. */
    record Window(RuleCode rule, String actor, Instant start, Instant end, int count, List<Long> entryIds) {}

    private final JdbcClient jdbc;

    Observations(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Adds the observations; returns each window they touched, counted over everything observed in it. */
    List<Window> add(List<Observation> observations) {
        var touched = new LinkedHashMap<String, Observation>();
        for (var o : observations) {
            jdbc.sql(
                            """
                    insert into monitoring_observation (rule_code, actor, window_start, entry_id, counted_key)
                    values (:rule, :actor, :start, :entry, :key) on conflict do nothing
                    """)
                    .param("rule", o.rule().name())
                    .param("actor", o.actor())
                    .param("start", Timestamp.from(o.windowStart()))
                    .param("entry", o.entryId())
                    .param("key", o.key())
                    .update();
            touched.putIfAbsent(o.rule() + "|" + o.actor() + "|" + o.windowStart(), o);
        }
        var out = new ArrayList<Window>();
        for (var o : touched.values()) {
            int count = jdbc.sql(
                            """
                    select count(distinct counted_key) from monitoring_observation
                    where rule_code = :rule and actor = :actor and window_start = :start
                    """)
                    .param("rule", o.rule().name())
                    .param("actor", o.actor())
                    .param("start", Timestamp.from(o.windowStart()))
                    .query(Integer.class)
                    .single();
            var ids = jdbc.sql(
                            """
                    select entry_id from monitoring_observation
                    where rule_code = :rule and actor = :actor and window_start = :start
                    order by entry_id limit :max
                    """)
                    .param("rule", o.rule().name())
                    .param("actor", o.actor())
                    .param("start", Timestamp.from(o.windowStart()))
                    .param("max", MAX_LINKED)
                    .query(Long.class)
                    .list();
            out.add(new Window(o.rule(), o.actor(), o.windowStart(), o.windowEnd(), count, ids));
        }
        return out;
    }

    /** Forgets observations of windows that ended long ago. */
    int prune(Instant before) {
        return jdbc.sql("delete from monitoring_observation where window_start < :before")
                .param("before", Timestamp.from(before))
                .update();
    }
}
