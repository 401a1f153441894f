package org.siarchive.mining;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The charts of a run as plain data for the page's ECharts script: every title, axis name and series name comes
 * from the bundles through {@link MiningNames}; the script only draws. Each chart's figures are also a table on the
 * page and an Excel download ({@link MiningTables}).
 */
final class MiningCharts {

    /** Months of history drawn before the forecast. */
    static final int HISTORY = 36;

    static final int TOP = 10;

    record Series(String name, String kind, List<@Nullable Double> data) {}

    record Chart(
            String id,
            String type,
            String title,
            String xName,
            String yName,
            List<String> categories,
            List<Series> series) {}

    private MiningCharts() {}

    static List<Chart> all(MiningResult r, MiningNames n) {
        var out = new ArrayList<Chart>();
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

    /** The last months of a series, then the forecast with its interval. */
    private static Chart forecast(Trend t, MiningNames n) {
        int shown = Math.min(HISTORY, t.actual().length);
        int from = t.actual().length - shown;
        YearMonth first = YearMonth.parse(t.firstMonth()).plusMonths(from);
        double k = t.measure() == MonthlyVolumes.Measure.BYTES ? 1 / MiningExplanations.GB : 1;
        var months = new ArrayList<String>();
        var actual = new ArrayList<@Nullable Double>();
        var forecast = new ArrayList<@Nullable Double>();
        var lower = new ArrayList<@Nullable Double>();
        var upper = new ArrayList<@Nullable Double>();
        for (int i = 0; i < shown + SeasonalModel.HORIZON; i++) {
            months.add(first.plusMonths(i).toString());
            boolean past = i < shown;
            int h = i - shown;
            actual.add(past ? round(t.actual()[from + i] * k) : null);
            forecast.add(past ? null : round(t.forecast()[h] * k));
            lower.add(past ? null : round(t.lower()[h] * k));
            upper.add(past ? null : round(t.upper()[h] * k));
        }
        String id = "forecast-" + t.measure().name().toLowerCase(java.util.Locale.ROOT);
        return new Chart(
                id,
                "line",
                n.text("mining.chart.forecast", n.series(t)),
                n.label("mining.chart.month"),
                n.label("mining.unit." + t.measure()),
                months,
                List.of(
                        new Series(n.label("mining.chart.actual"), "line", actual),
                        new Series(n.label("mining.chart.forecastLine"), "dashed", forecast),
                        new Series(n.label("mining.chart.lower"), "band", lower),
                        new Series(n.label("mining.chart.upper"), "band", upper)));
    }

    private static Chart seasonal(MiningResult r, MiningNames n) {
        var series = new ArrayList<Series>();
        for (var t : r.trends()) {
            boolean shown = t.kind() == Trend.Kind.TOTAL || t.kind() == Trend.Kind.STEP;
            if (t.seasonal() && t.measure() == MonthlyVolumes.Measure.ITEMS && shown && series.size() < 6) {
                var data = new ArrayList<@Nullable Double>();
                for (double e : t.effects()) {
                    data.add(round(t.mean() <= 0 ? 0 : 100 * e / t.mean()));
                }
                series.add(new Series(n.series(t), "bar", data));
            }
        }
        var months = new ArrayList<String>();
        for (int m = 1; m <= 12; m++) {
            months.add(n.label("mining.monthShort." + m));
        }
        return new Chart(
                "seasonal",
                "bar",
                n.label("mining.chart.seasonal"),
                n.label("mining.chart.month"),
                n.label("mining.chart.aboveMean"),
                months,
                series);
    }

    private static Chart rules(MiningResult r, MiningNames n) {
        var names = new ArrayList<String>();
        var confidence = new ArrayList<@Nullable Double>();
        var support = new ArrayList<@Nullable Double>();
        r.rules().stream().limit(TOP).forEach(rule -> {
            names.add(n.text("mining.chart.ruleName", n.materials(rule.antecedent()), n.materials(rule.consequent())));
            confidence.add(round(100 * rule.confidence()));
            support.add(round(100 * rule.support()));
        });
        return new Chart(
                "rules",
                "hbar",
                n.label("mining.chart.rules"),
                n.label("mining.chart.share"),
                "",
                names,
                List.of(
                        new Series(n.label("mining.col.confidence"), "bar", confidence),
                        new Series(n.label("mining.col.support"), "bar", support)));
    }

    private static Chart transitions(MiningResult r, MiningNames n) {
        var names = new ArrayList<String>();
        var counts = new ArrayList<@Nullable Double>();
        r.transitions().stream().limit(TOP).forEach(t -> {
            names.add(n.text("mining.chart.transitionName", n.step(t.from()), n.step(t.to())));
            counts.add((double) t.count());
        });
        return new Chart(
                "transitions",
                "hbar",
                n.label("mining.chart.transitions"),
                n.label("mining.col.times"),
                "",
                names,
                List.of(new Series(n.label("mining.col.times"), "bar", counts)));
    }

    private static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }
}
