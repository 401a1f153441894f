package org.siarchive.monitoring;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.siarchive.audit.AuditTrail;
import org.siarchive.shared.ReadableTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The rules that judge single entries of interactive use (a person at the console, a client system with its
 * token — never the platform's jobs or the demo loader): OFF_HOURS (outside working time; one alert per account
 * and Beijing day, later entries of that day linked to it) and NEW_NETWORK (a successful entry from a network the
 * account has not been seen from in the look-back; an account's very first network is learnt, not an alert).
 */
@Component
class SightingRules {

    private final JdbcClient jdbc;
    private final ReadableTime time;

    SightingRules(JdbcClient jdbc, ReadableTime time) {
        this.jdbc = jdbc;
        this.time = time;
    }

    List<Hit> detect(List<AuditTrail.Entry> entries, Map<RuleCode, RulePolicy> rules, WorkingTime working) {
        var hits = new LinkedHashMap<String, Hit>();
        var offHours = rules.get(RuleCode.OFF_HOURS);
        var newNetwork = rules.get(RuleCode.NEW_NETWORK);
        for (var e : entries) {
            if (!Actors.interactive(e)) {
                continue;
            }
            var at = e.at().toInstant();
            if (offHours != null && offHours.enabled() && !working.working(at)) {
                var day = time.at(at).toLocalDate();
                var start = time.startOf(day).toInstant();
                merge(
                        hits,
                        new Hit(
                                RuleCode.OFF_HOURS,
                                e.actor(),
                                e.org(),
                                start,
                                start.plus(Duration.ofDays(1)),
                                1,
                                null,
                                List.of(e.id())));
            }
            if (newNetwork != null && newNetwork.enabled() && AuditTrail.SUCCESS.equals(e.result())) {
                String net = Networks.of(e.ip());
                if (net != null && isNew(e.actor(), net, at, newNetwork.lookbackOr(90))) {
                    var hour = at.truncatedTo(ChronoUnit.HOURS);
                    merge(
                            hits,
                            new Hit(
                                    RuleCode.NEW_NETWORK,
                                    e.actor(),
                                    e.org(),
                                    hour,
                                    hour.plus(Duration.ofHours(1)),
                                    1,
                                    null,
                                    List.of(e.id())));
                }
            }
        }
        return new ArrayList<>(hits.values());
    }

    /** One hit per rule × actor × window, its entries gathered (bounded). */
    private static void merge(Map<String, Hit> hits, Hit h) {
        hits.merge(h.rule() + "|" + h.actor() + "|" + h.windowStart(), h, (a, b) -> {
            var ids = new ArrayList<>(a.entryIds());
            if (ids.size() < Observations.MAX_LINKED) {
                ids.addAll(b.entryIds());
            }
            return new Hit(a.rule(), a.actor(), a.orgCode(), a.windowStart(), a.windowEnd(), ids.size(), null, ids);
        });
    }

    /** Remembers the sighting; true when the account has history but not this network within the look-back. */
    private boolean isNew(String actor, String network, Instant at, int lookbackDays) {
        boolean known = jdbc.sql("select exists (select 1 from monitoring_network where actor = :actor)")
                .param("actor", actor)
                .query(Boolean.class)
                .single();
        var last = jdbc.sql("select last_seen from monitoring_network where actor = :actor and network = :net")
                .param("actor", actor)
                .param("net", network)
                .query(Timestamp.class)
                .optional();
        jdbc.sql(
                        """
                insert into monitoring_network (actor, network, first_seen, last_seen) values (:actor, :net, :at, :at)
                on conflict (actor, network) do update set last_seen = greatest(monitoring_network.last_seen, excluded.last_seen)
                """)
                .param("actor", actor)
                .param("net", network)
                .param("at", Timestamp.from(at))
                .update();
        if (!known) {
            return false;
        }
        return last.isEmpty() || last.get().toInstant().isBefore(at.minus(Duration.ofDays(lookbackDays)));
    }
}
