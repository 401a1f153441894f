package org.siarchive.mining;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.siarchive.mining.ChartView.CategoryView;
import org.siarchive.mining.ChartView.SeriesView;

/**
 * The charts of a run in the statistics console's chart shape ({@link ChartView}, drawn by the dashboards' ECharts
 * script {@code /js/statistics-charts.js}, docs/adr/0086): every title, axis, unit and series name comes from the bundles through
 * {@link MiningNames}, business step and material names from the catalogue as written. The figures of each chart are
 * also its table on the page and a table of the Excel downloads ({@link MiningTables}).
 */
final class MiningCharts {

    /** Months of history drawn before the forecast. */
    static final int HISTORY = 36;

    static final int TOP = 10;

    private MiningCharts() {}

    static List<ChartView> all(MiningResult r, MiningNames n) {
        var out = new ArrayList<ChartView>();
        for (var t : r.trends()) {
            if (t.kind() == Trend.Kind.TOTAL && t.measure() != MonthlyVolumes.Measure.PAGES) {
                out.add(forecast(t, n));
            }
        }
        var seasonal = seasonal(r, n);
        if (!seasonal.series().isEmpty()) {
            out.add(seasonal);
        }
        if (!r.rules().isEmpty()) {
            out.add(rules(r, n));
        }
        if (!r.transitions().isEmpty()) {
            out.add(transitions(r, n));
        }
        return out;
    }

    /** The last months of a series, then the forecast with its 95 % interval as a band. */
    private static ChartView forecast(Trend t, MiningNames n) {
        int shown = Math.min(HISTORY, t.actual().length);
        int from = t.actual().length - shown;
        YearMonth first = YearMonth.parse(t.firstMonth()).plusMonths(from);
        double k = t.measure() == MonthlyVolumes.Measure.BYTES ? 1 / MiningExplanations.GB : 1;
        var months = new ArrayList<CategoryView>();
        var actual = new ArrayList<@Nullable Number>();
        var forecast = new ArrayList<@Nullable Number>();
        var lower = new ArrayList<@Nullable Number>();
        var upper = new ArrayList<@Nullable Number>();
        for (int i = 0; i < shown + SeasonalModel.HORIZON; i++) {
            months.add(new CategoryView(first.plusMonths(i).toString(), false, null));
            boolean past = i < shown;
            int h = i - shown;
            actual.add(past ? round(t.actual()[from + i] * k) : null);
            forecast.add(past ? null : round(t.forecast()[h] * k));
            lower.add(past ? null : round(t.lower()[h] * k));
            upper.add(past ? null : round(t.upper()[h] * k));
        }
        return new ChartView(
                "forecast-" + t.measure().name().toLowerCase(java.util.Locale.ROOT),
                n.text("mining.chart.forecast", n.series(t)),
                "LINE",
                n.label("mining.chart.month"),
                n.label("mining.unit." + t.measure()),
                MiningExplanations.trend(t, n),
                months,
                List.of(
                        new SeriesView(n.label("mining.chart.actual"), "PLAIN", actual),
                        new SeriesView(n.label("mining.chart.forecastLine"), "PLAIN", forecast),
                        new SeriesView(n.label("mining.chart.lower"), "BAND_LOW", lower),
                        new SeriesView(n.label("mining.chart.upper"), "BAND_HIGH", upper)));
    }

    /** The month effects of the scope and its largest steps, as a share of each series' monthly mean. */
    private static ChartView seasonal(MiningResult r, MiningNames n) {
        var series = new ArrayList<SeriesView>();
        String note = null;
        for (var t : r.trends()) {
            boolean shown = t.kind() == Trend.Kind.TOTAL || t.kind() == Trend.Kind.STEP;
            if (t.seasonal() && t.measure() == MonthlyVolumes.Measure.ITEMS && shown && series.size() < 6) {
                var data = new ArrayList<@Nullable Number>();
                for (double e : t.effects()) {
                    data.add(round(t.mean() <= 0 ? 0 : 100 * e / t.mean()));
                }
                series.add(new SeriesView(n.series(t), "PLAIN", data));
                if (note == null && t.peakShare() >= 0.05) {
                    note = n.series(t)
                            + n.text("mining.explain.peak", n.month(t.peakMonth()), percent(t.peakShare()))
                            + n.label("mining.explain.end");
                }
            }
        }
        var months = new ArrayList<CategoryView>();
        for (int m = 1; m <= 12; m++) {
            months.add(new CategoryView(n.label("mining.monthShort." + m), false, null));
        }
        return new ChartView(
                "seasonal",
                n.label("mining.chart.seasonal"),
                "BAR",
                n.label("mining.chart.month"),
                n.label("mining.chart.percent"),
                note,
                months,
                series);
    }

    private static ChartView rules(MiningResult r, MiningNames n) {
        var names = new ArrayList<CategoryView>();
        var confidence = new ArrayList<@Nullable Number>();
        var support = new ArrayList<@Nullable Number>();
        r.rules().stream().limit(TOP).forEach(rule -> {
            names.add(new CategoryView(
                    n.text("mining.chart.ruleName", n.materials(rule.antecedent()), n.materials(rule.consequent())),
                    true,
                    null));
            confidence.add(round(100 * rule.confidence()));
            support.add(round(100 * rule.support()));
        });
        return new ChartView(
                "rules",
                n.label("mining.chart.rules"),
                "BAR",
                n.label("mining.chart.rule"),
                n.label("mining.chart.percent"),
                MiningExplanations.rule(r.rules().get(0), n),
                names,
                List.of(
                        new SeriesView(n.label("mining.col.confidence"), "PLAIN", confidence),
                        new SeriesView(n.label("mining.col.support"), "PLAIN", support)));
    }

    private static ChartView transitions(MiningResult r, MiningNames n) {
        var names = new ArrayList<CategoryView>();
        var counts = new ArrayList<@Nullable Number>();
        r.transitions().stream().limit(TOP).forEach(t -> {
            names.add(new CategoryView(
                    n.text("mining.chart.transitionName", n.step(t.from()), n.step(t.to())), true, null));
            counts.add(t.count());
        });
        return new ChartView(
                "transitions",
                n.label("mining.chart.transitions"),
                "BAR",
                n.label("mining.chart.transition"),
                n.label("mining.unit.TIMES"),
                MiningExplanations.transition(r.transitions().get(0), n),
                names,
                List.of(new SeriesView(n.label("mining.col.times"), "PLAIN", counts)));
    }

    private static String percent(double share) {
        return MiningNames.percent(share);
    }

    private static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }
}
