package org.siarchive.analytics;

import static org.siarchive.analytics.OperationsCharts.PERCENT;
import static org.siarchive.analytics.OperationsCharts.percent;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.siarchive.analytics.OperationsQueries.Filing;
import org.siarchive.catalog.Catalog;
import org.springframework.stereotype.Component;

/**
 * Service efficiency (随办随归): how soon a case is filed after it is handled — the share filed within N days ({@code
 * days}, see {@link FilingDays}) and the mean days, by unit, by business step and by month, and the share filed
 * within 0 … 365 days — with filing completeness and accuracy, from the filing read model (docs/adr/0088).
 */
@Component
class EfficiencyDashboard implements Dashboard {

    private final OperationsQueries queries;
    private final FilingDays days;
    private final Catalog catalog;

    EfficiencyDashboard(OperationsQueries queries, FilingDays days, Catalog catalog) {
        this.queries = queries;
        this.days = days;
        this.catalog = catalog;
    }

    @Override
    public String id() {
        return "efficiency";
    }

    @Override
    public String labelKey() {
        return "statistics.ops.efficiency";
    }

    @Override
    public int order() {
        return 50;
    }

    @Override
    public List<Total> totals(DashboardQuery q) {
        int n = days.current();
        var all = queries.filing(q.orgPattern(), q.period(), "all", n).getOrDefault("all", Filing.none());
        return List.of(
                new Total("statistics.ops.filed", all.items(), "statistics.unit.items"),
                new Total("statistics.ops.timeliness", percent(all.withinN(), all.items()), PERCENT),
                new Total(
                        "statistics.ops.meanDays",
                        OperationsCharts.oneDecimal(all.meanDays()),
                        "statistics.ops.unit.days"),
                new Total("statistics.ops.completeness", percent(all.complete(), all.items()), PERCENT),
                new Total("statistics.ops.accuracy", percent(all.items() - all.corrected(), all.items()), PERCENT));
    }

    @Override
    public List<Chart> charts(DashboardQuery q) {
        int n = days.current();
        var p = q.period();
        var units = queries.filingByUnit(q.orgPattern(), q.children(), p, n);
        var byUnit = new Chart(
                "by-unit",
                "statistics.ops.efficiency.byUnit",
                Chart.Kind.BAR,
                "statistics.dim.org",
                OperationsCharts.units(q.children()),
                List.of(
                        OperationsCharts.byUnit(
                                "statistics.ops.series.within", q.children(), units, f -> share(f), Filing.none()),
                        OperationsCharts.byUnit(
                                "statistics.ops.completeness",
                                q.children(),
                                units,
                                f -> percent(f.complete(), f.items()),
                                Filing.none())),
                PERCENT,
                Chart.Label.key("statistics.ops.efficiency.note", n));
        var meanByUnit = new Chart(
                "mean-by-unit",
                "statistics.ops.efficiency.meanByUnit",
                Chart.Kind.BAR,
                "statistics.dim.org",
                OperationsCharts.units(q.children()),
                List.of(OperationsCharts.byUnit(
                        "statistics.ops.meanDays",
                        q.children(),
                        units,
                        f -> OperationsCharts.oneDecimal(f.meanDays()),
                        Filing.none())),
                "statistics.ops.unit.days",
                null);
        return List.of(byUnit, meanByUnit, byStep(q, n), byMonth(q, n), cumulative(q, n));
    }

    private Chart byStep(DashboardQuery q, int n) {
        var steps = queries.filing(q.orgPattern(), q.period(), "step", n);
        var codes = steps.keySet().stream().sorted(Comparator.naturalOrder()).toList();
        var categories = codes.stream()
                .map(c -> Chart.Category.of(Chart.Label.text(stepName(c))))
                .toList();
        return new Chart(
                "by-step",
                "statistics.ops.efficiency.byStep",
                Chart.Kind.BAR,
                "statistics.ops.dim.step",
                categories,
                List.of(
                        Chart.Series.of(
                                "statistics.ops.series.within",
                                codes.stream().map(c -> share(steps.get(c))).toList()),
                        Chart.Series.of(
                                "statistics.ops.completeness",
                                codes.stream()
                                        .map(c -> percent(
                                                steps.get(c).complete(),
                                                steps.get(c).items()))
                                        .toList())),
                PERCENT,
                Chart.Label.key("statistics.ops.efficiency.stepNote", n));
    }

    private Chart byMonth(DashboardQuery q, int n) {
        var p = q.period();
        Map<java.time.YearMonth, Filing> months = new java.util.HashMap<>();
        queries.filing(q.orgPattern(), p, "month", n).forEach((k, v) -> months.put(java.time.YearMonth.parse(k), v));
        return new Chart(
                "by-month",
                "statistics.ops.efficiency.byMonth",
                Chart.Kind.LINE,
                "statistics.dim.month",
                OperationsCharts.months(p),
                List.of(OperationsCharts.byMonth(
                        "statistics.ops.series.within", p, months, this::share, Filing.none())),
                PERCENT,
                Chart.Label.key("statistics.ops.efficiency.note", n));
    }

    private Chart cumulative(DashboardQuery q, int n) {
        var all = queries.filing(q.orgPattern(), q.period(), "all", n).getOrDefault("all", Filing.none());
        var thresholds = OperationsQueries.THRESHOLDS;
        var categories = thresholds.stream()
                .map(d -> Chart.Category.of(Chart.Label.key("statistics.ops.withinN", d)))
                .toList();
        var values = new java.util.ArrayList<Number>();
        for (int i = 0; i < thresholds.size(); i++) {
            values.add(percent(all.within()[i + 1], all.items()));
        }
        return new Chart(
                "cumulative",
                "statistics.ops.efficiency.cumulative",
                Chart.Kind.LINE,
                "statistics.ops.dim.days",
                categories,
                List.of(Chart.Series.of("statistics.ops.series.share", values)),
                PERCENT,
                null);
    }

    private double share(Filing f) {
        return percent(f.withinN(), f.items());
    }

    private String stepName(String code) {
        var step = catalog.classification().step(code);
        return step == null ? code : step.name();
    }
}
