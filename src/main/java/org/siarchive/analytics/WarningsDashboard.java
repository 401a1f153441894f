package org.siarchive.analytics;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.siarchive.comparison.WarningStatistics;
import org.siarchive.organisation.Organisations;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Warnings of the comparison (预警, issue 17): raised, open and closed, confirmed and overdue, and the confirmed
 * amounts to recover — per month, per rule and per child unit — from comparison's own statistics
 * ({@link WarningStatistics}: its table, bounded to 36 months and 5 000 lines, grouped there), kept to the selected
 * unit's subtree (docs/adr/0088).
 */
@Component
class WarningsDashboard implements Dashboard {

    private final WarningStatistics statistics;
    private final Organisations organisations;

    WarningsDashboard(WarningStatistics statistics, Organisations organisations) {
        this.statistics = statistics;
        this.organisations = organisations;
    }

    @Override
    public String id() {
        return "warnings";
    }

    @Override
    public String labelKey() {
        return "statistics.ops.warnings";
    }

    @Override
    public int order() {
        return 70;
    }

    /** The lines of the period raised in the selected subtree, with each line's unit path. */
    private record Lines(List<WarningStatistics.Line> lines, Map<Long, String> paths) {}

    private Lines lines(DashboardQuery q) {
        var p = q.period();
        Map<Long, String> paths = new java.util.HashMap<>();
        organisations.subtree(q.org().path()).forEach(u -> paths.put(u.id(), u.path()));
        var lines =
                statistics
                        .lines(p.from().toString(), p.to().toString(), q.access(), LocaleContextHolder.getLocale())
                        .stream()
                        .filter(l -> paths.containsKey(l.orgId()))
                        .toList();
        return new Lines(lines, paths);
    }

    @Override
    public List<Total> totals(DashboardQuery q) {
        var all = lines(q).lines();
        long raised = all.stream().mapToLong(WarningStatistics.Line::raised).sum();
        long closed = all.stream().mapToLong(WarningStatistics.Line::closed).sum();
        var recover =
                all.stream().map(WarningStatistics.Line::amountToRecover).reduce(BigDecimal.ZERO, BigDecimal::add);
        return List.of(
                new Total("statistics.ops.series.raised", raised, "statistics.ops.unit.warnings"),
                new Total("statistics.ops.series.open", raised - closed, "statistics.ops.unit.warnings"),
                new Total("statistics.ops.series.closed", closed, "statistics.ops.unit.warnings"),
                new Total(
                        "statistics.ops.series.confirmed",
                        all.stream()
                                .mapToLong(WarningStatistics.Line::confirmed)
                                .sum(),
                        "statistics.ops.unit.warnings"),
                new Total("statistics.ops.amountToRecover", recover, "statistics.ops.unit.yuan"));
    }

    @Override
    public List<Chart> charts(DashboardQuery q) {
        var l = lines(q);
        var p = q.period();
        var byMonth = new LinkedHashMap<String, long[]>();
        p.months().forEach(m -> byMonth.put(m.toString(), new long[3]));
        var byRule = new LinkedHashMap<String, long[]>();
        var byUnit = new LinkedHashMap<String, long[]>();
        q.children().forEach(u -> byUnit.put(u.path(), new long[3]));
        for (var line : l.lines()) {
            add(byMonth.get(line.month()), line);
            add(byRule.computeIfAbsent(line.ruleName(), k -> new long[3]), line);
            String path = l.paths().get(line.orgId());
            q.children().stream()
                    .filter(u -> path.startsWith(u.path()))
                    .findFirst()
                    .ifPresent(u -> add(byUnit.get(u.path()), line));
        }
        return List.of(
                chart(
                        "by-month",
                        "statistics.ops.warnings.byMonth",
                        "statistics.dim.month",
                        OperationsCharts.months(p),
                        new ArrayList<>(byMonth.values())),
                chart(
                        "by-rule",
                        "statistics.ops.warnings.byRule",
                        "statistics.ops.dim.rule",
                        byRule.keySet().stream()
                                .map(r -> Chart.Category.of(Chart.Label.text(r)))
                                .toList(),
                        new ArrayList<>(byRule.values())),
                chart(
                        "by-unit",
                        "statistics.ops.warnings.byUnit",
                        "statistics.dim.org",
                        OperationsCharts.units(q.children()),
                        q.children().stream().map(u -> byUnit.get(u.path())).toList()));
    }

    /** raised, open, closed */
    private static void add(long[] sums, WarningStatistics.Line line) {
        if (sums != null) {
            sums[0] += line.raised();
            sums[1] += line.raised() - line.closed();
            sums[2] += line.closed();
        }
    }

    private static Chart chart(
            String id, String title, String dimension, List<Chart.Category> categories, List<long[]> sums) {
        var series = new ArrayList<Chart.Series>();
        String[] keys = {"statistics.ops.series.raised", "statistics.ops.series.open", "statistics.ops.series.closed"};
        for (int i = 0; i < keys.length; i++) {
            int c = i;
            series.add(Chart.Series.of(
                    keys[i], sums.stream().map(s -> (Number) s[c]).toList()));
        }
        return new Chart(
                id, title, Chart.Kind.BAR, dimension, categories, series, "statistics.ops.unit.warnings", null);
    }
}
