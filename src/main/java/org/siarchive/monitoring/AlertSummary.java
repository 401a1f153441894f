package org.siarchive.monitoring;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.siarchive.shared.Access;
import org.siarchive.shared.InvalidInputException;
import org.siarchive.shared.ReadableTime;
import org.siarchive.shared.Violation;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The daily summary: for one Beijing day, the alerts per rule (open and acknowledged) and the top actors. */
@Component
public class AlertSummary {

    static final int TOP = 10;

    public record PerRule(String ruleCode, long total, long open, long acknowledged) {

        public String ruleKey() {
            return "monitoring.rule.name." + ruleCode;
        }
    }

    public record TopActor(String actor, long alerts) {}

    public record Day(LocalDate day, List<PerRule> rules, List<TopActor> actors, long total, long open) {}

    private final JdbcClient jdbc;
    private final ReadableTime time;
    private final AlertScope scope;

    AlertSummary(JdbcClient jdbc, ReadableTime time, AlertScope scope) {
        this.scope = scope;
        this.jdbc = jdbc;
        this.time = time;
    }

    /** The summary of the day typed ({@code yyyy-MM-dd}; today when blank), within the caller's scope. */
    public Day of(String typed, Access access) {
        LocalDate day = typed == null || typed.isBlank() ? time.today() : parse(typed);
        var from = time.startOf(day);
        var to = time.startOf(day.plusDays(1));
        var rules = jdbc.sql(
                        """
                select rule_code, count(*), count(*) filter (where state = 'OPEN'),
                       count(*) filter (where state = 'ACKNOWLEDGED')
                from monitoring_alert
                where org_path like :scope and raised_at >= :from and raised_at < :to
                group by rule_code
                """)
                .param("scope", scope.pattern(access))
                .param("from", from)
                .param("to", to)
                .query((rs, n) -> new PerRule(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)))
                .list();
        var ordered = new ArrayList<PerRule>();
        for (var c : RuleCode.values()) {
            rules.stream().filter(r -> r.ruleCode().equals(c.name())).forEach(ordered::add);
        }
        var actors = jdbc.sql(
                        """
                select actor, count(*) as n from monitoring_alert
                where org_path like :scope and raised_at >= :from and raised_at < :to
                group by actor order by n desc, actor limit :top
                """)
                .param("scope", scope.pattern(access))
                .param("from", from)
                .param("to", to)
                .param("top", TOP)
                .query((rs, n) -> new TopActor(rs.getString(1), rs.getLong(2)))
                .list();
        long total = ordered.stream().mapToLong(PerRule::total).sum();
        long open = ordered.stream().mapToLong(PerRule::open).sum();
        return new Day(day, ordered, actors, total, open);
    }

    private static LocalDate parse(String typed) {
        var v = new ArrayList<Violation>();
        var d = SecurityAlerts.day(typed, v);
        if (d == null) {
            throw new InvalidInputException(v);
        }
        return d;
    }
}
