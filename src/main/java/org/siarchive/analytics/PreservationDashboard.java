package org.siarchive.analytics;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.siarchive.organisation.OrgUnit;
import org.siarchive.shared.ReadableTime;
import org.springframework.stereotype.Component;

/**
 * Preservation health (保存状况): items held, those without a passed fixity check in the last 30 days, and open
 * findings (items whose latest check failed), per child unit; checks per month by outcome. From the filing and fixity
 * read models (docs/adr/0088); held items are filed minus destroyed.
 */
@Component
class PreservationDashboard implements Dashboard {

    /** A check is recent within this many days. */
    static final int RECENT_DAYS = 30;

    private static final LocalDate EVER = LocalDate.of(1900, 1, 1);

    private final OperationsQueries queries;
    private final ReadableTime time;

    PreservationDashboard(OperationsQueries queries, ReadableTime time) {
        this.queries = queries;
        this.time = time;
    }

    @Override
    public String id() {
        return "preservation";
    }

    @Override
    public String labelKey() {
        return "statistics.ops.preservation";
    }

    @Override
    public int order() {
        return 60;
    }

    /** Held, unchecked in 30 days and open findings of each path. */
    record Health(long held, long unchecked, long findings) {}

    Map<String, Health> health(List<String> paths) {
        LocalDate today = time.today();
        var held = queries.held(paths, today);
        var recent = queries.fixity(paths, today.minusDays(RECENT_DAYS - 1L), today, false);
        var ever = queries.fixity(paths, EVER, today, false);
        var out = new java.util.HashMap<String, Health>();
        for (String path : paths) {
            long h = held.getOrDefault(path, 0L);
            long passed = recent.getOrDefault(path, new long[2])[0];
            out.put(path, new Health(h, Math.max(0, h - passed), ever.getOrDefault(path, new long[2])[1]));
        }
        return out;
    }

    @Override
    public List<Total> totals(DashboardQuery q) {
        var h = health(List.of(q.org().path())).get(q.org().path());
        return List.of(
                new Total("statistics.ops.held", h.held(), "statistics.unit.items"),
                new Total("statistics.ops.unchecked", h.unchecked(), "statistics.unit.items"),
                new Total("statistics.ops.findings", h.findings(), "statistics.unit.items"));
    }

    @Override
    public List<Chart> charts(DashboardQuery q) {
        var paths = q.children().stream().map(OrgUnit::path).toList();
        var health = health(paths);
        var none = new Health(0, 0, 0);
        var byUnit = new Chart(
                "by-unit",
                "statistics.ops.preservation.byUnit",
                Chart.Kind.BAR,
                "statistics.dim.org",
                OperationsCharts.units(q.children()),
                List.of(
                        OperationsCharts.byUnit("statistics.ops.held", q.children(), health, Health::held, none),
                        OperationsCharts.byUnit(
                                "statistics.ops.unchecked", q.children(), health, Health::unchecked, none),
                        OperationsCharts.byUnit(
                                "statistics.ops.findings", q.children(), health, Health::findings, none)),
                "statistics.unit.items",
                Chart.Label.key("statistics.ops.preservation.note", RECENT_DAYS));
        var p = q.period();
        var months = queries.fixity(List.of(q.org().path()), p.from().atDay(1), p.to().atEndOfMonth(), true);
        var passed = new ArrayList<Number>();
        var failed = new ArrayList<Number>();
        for (var m : p.months()) {
            var v = months.getOrDefault(m.toString(), new long[2]);
            passed.add(v[0]);
            failed.add(v[1]);
        }
        var checks = new Chart(
                "checks",
                "statistics.ops.preservation.checks",
                Chart.Kind.STACKED,
                "statistics.dim.month",
                OperationsCharts.months(p),
                List.of(
                        Chart.Series.of("statistics.ops.series.passed", passed),
                        Chart.Series.of("statistics.ops.series.failed", failed)),
                "statistics.unit.items",
                Chart.Label.key("statistics.ops.preservation.checksNote"));
        return List.of(byUnit, checks);
    }
}
