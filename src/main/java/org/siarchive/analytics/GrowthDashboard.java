package org.siarchive.analytics;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.siarchive.analytics.Chart.Category;
import org.siarchive.analytics.Chart.Label;
import org.siarchive.analytics.Chart.Series;
import org.siarchive.analytics.HoldingsFigures.Sum;
import org.springframework.stereotype.Component;

/**
 * 增长与容量预测: the items, pages and storage filed in each month of the period (of the items still held), the
 * storage used at the end of each month and its forecast for the next twelve months with a ±2σ band, explained in
 * one sentence (docs/adr/0087).
 */
@Component
class GrowthDashboard implements Dashboard {

    private final HoldingsFigures figures;

    GrowthDashboard(HoldingsFigures figures) {
        this.figures = figures;
    }

    @Override
    public String id() {
        return "growth";
    }

    @Override
    public String labelKey() {
        return "statistics.growth";
    }

    @Override
    public int order() {
        return 20;
    }

    @Override
    public List<Total> totals(DashboardQuery q) {
        var months = perMonth(q);
        long items = months.values().stream().mapToLong(Sum::items).sum();
        long bytes = months.values().stream().mapToLong(Sum::bytes).sum();
        return List.of(
                new Total("statistics.growth.filed", items, "statistics.unit.items"),
                new Total("statistics.growth.filedBytes", HoldingsDashboard.megabytes(bytes), "statistics.unit.mb"),
                new Total(
                        "statistics.holdings.bytes",
                        HoldingsDashboard.megabytes(
                                figures.total(q.orgPattern()).bytes()),
                        "statistics.unit.mb"));
    }

    @Override
    public List<Chart> charts(DashboardQuery q) {
        var months = q.period().months();
        var sums = perMonth(q);
        var rows = months.stream()
                .map(m -> sums.getOrDefault(m, new Sum(m.toString(), 0, 0, 0)))
                .toList();
        var categories = months.stream().map(GrowthDashboard::month).toList();
        var filed = new Chart(
                "per-month",
                "statistics.growth.items",
                Chart.Kind.BAR,
                "statistics.dim.month",
                categories,
                List.of(
                        Series.of(
                                "statistics.series.items",
                                rows.stream().map(Sum::items).toList()),
                        Series.of(
                                "statistics.series.pages",
                                rows.stream().map(Sum::pages).toList())),
                "statistics.unit.items",
                null);
        var bytes = new Chart(
                "bytes-per-month",
                "statistics.growth.bytes",
                Chart.Kind.BAR,
                "statistics.dim.month",
                categories,
                List.of(Series.of(
                        "statistics.series.bytes",
                        rows.stream()
                                .map(s -> HoldingsDashboard.megabytes(s.bytes()))
                                .toList())),
                "statistics.unit.mb",
                null);
        return List.of(filed, bytes, forecast(q, rows));
    }

    /** The storage used at the end of each month, then the next twelve months' forecast with its band. */
    private Chart forecast(DashboardQuery q, List<Sum> rows) {
        var months = q.period().months();
        long running =
                figures.before(q.orgPattern(), q.period().from().atDay(1)).bytes();
        var used = new ArrayList<Double>();
        for (var s : rows) {
            running += s.bytes();
            used.add(HoldingsDashboard.megabytes(running));
        }
        var categories =
                new ArrayList<>(months.stream().map(GrowthDashboard::month).toList());
        var actual = new ArrayList<@Nullable Number>(used);
        var expected = new ArrayList<@Nullable Number>();
        var low = new ArrayList<@Nullable Number>();
        var high = new ArrayList<@Nullable Number>();
        months.forEach(m -> {
            expected.add(null);
            low.add(null);
            high.add(null);
        });
        Label note;
        if (used.size() < StorageForecast.MIN_MONTHS) {
            note = Label.key("statistics.growth.noForecast", StorageForecast.MIN_MONTHS);
        } else {
            var f = StorageForecast.of(used);
            for (int k = 0; k < StorageForecast.AHEAD; k++) {
                var p = f.ahead().get(k);
                categories.add(month(q.period().to().plusMonths(k + 1L)));
                actual.add(null);
                expected.add(round(p.expected()));
                low.add(round(p.low()));
                high.add(round(p.high()));
            }
            var last = f.ahead().get(StorageForecast.AHEAD - 1);
            note = Label.key(
                    "statistics.growth.note",
                    used.size(),
                    round(f.perMonth()),
                    monthText(q.period().to().plusMonths(StorageForecast.AHEAD)),
                    round(last.expected()),
                    round(last.low()),
                    round(last.high()));
        }
        return new Chart(
                "forecast",
                "statistics.growth.forecast",
                Chart.Kind.LINE,
                "statistics.dim.month",
                categories,
                List.of(
                        Series.of("statistics.series.used", actual),
                        Series.of("statistics.series.forecast", expected),
                        new Series("statistics.series.low", low, Chart.Role.BAND_LOW),
                        new Series("statistics.series.high", high, Chart.Role.BAND_HIGH)),
                "statistics.unit.mb",
                note);
    }

    private Map<YearMonth, Sum> perMonth(DashboardQuery q) {
        LocalDate from = q.period().from().atDay(1);
        LocalDate to = q.period().to().atDay(1);
        return figures.byMonth(q.orgPattern(), from, to).stream()
                .collect(Collectors.toMap(s -> YearMonth.from(LocalDate.parse(s.key())), s -> s));
    }

    static Category month(YearMonth m) {
        return Category.of(Label.key("statistics.monthOf", m.getYear(), m.getMonthValue(), m.toString()));
    }

    private static String monthText(YearMonth m) {
        return m.getYear() + "-" + String.format("%02d", m.getMonthValue());
    }

    private static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }
}
