package org.siarchive.mining;

import static org.siarchive.mining.MiningNames.number;
import static org.siarchive.mining.MiningNames.percent;

import java.util.ArrayList;
import java.util.List;

/**
 * The sentences that explain a run's results, generated from its figures in the reader's language, e.g.
 * “工伤认定每年 3 月为高峰，比全年月均高 38%；预计未来 12 个月共约 1 200 件……”.
 */
final class MiningExplanations {

    private MiningExplanations() {}

    /** Trend, seasonal peak and forecast of a series. */
    static String trend(Trend t, MiningNames n) {
        var parts = new ArrayList<String>();
        String series = n.series(t);
        String unit = n.label("mining.unit." + t.measure());
        double yearly = t.slope() * 12;
        double relative = t.mean() <= 0 ? 0 : yearly / t.mean();
        if (Math.abs(relative) < 0.02) {
            parts.add(n.text("mining.explain.flat", series, amount(t.mean(), t), unit));
        } else {
            parts.add(n.text(
                    yearly > 0 ? "mining.explain.rising" : "mining.explain.falling",
                    series,
                    amount(t.mean(), t),
                    unit,
                    amount(Math.abs(yearly), t),
                    percent(Math.abs(relative))));
        }
        if (t.seasonal() && t.peakShare() >= 0.05) {
            parts.add(n.text("mining.explain.peak", n.month(t.peakMonth()), percent(t.peakShare())));
        } else if (!t.seasonal()) {
            parts.add(n.label("mining.explain.tooShortForSeason"));
        }
        double last = t.actualLastYear();
        double next = t.forecastTotal();
        String change = last <= 0 ? "" : n.text("mining.explain.change", signed((next - last) / last));
        parts.add(n.text(
                "mining.explain.forecast",
                amount(next, t),
                unit,
                amount(min(t.lower()), t),
                amount(max(t.upper()), t),
                change));
        return String.join(n.label("mining.explain.separator"), parts) + n.label("mining.explain.end");
    }

    static String rule(CoMissing.Rule r, MiningNames n) {
        return n.text(
                "mining.explain.rule",
                n.step(r.step()),
                n.materials(r.antecedent()),
                percent(r.confidence()),
                n.materials(r.consequent()),
                percent(r.support()),
                MiningNames.decimal(r.lift()));
    }

    static String transition(StepSequences.Transition t, MiningNames n) {
        return n.text(
                "mining.explain.transition",
                n.step(t.from()),
                percent(t.confidence()),
                n.step(t.to()),
                number(t.count()),
                MiningNames.number(t.medianDays()));
    }

    /** At most {@code limit} sentences for the first results. */
    static <T> List<String> first(List<T> results, int limit, java.util.function.Function<T, String> sentence) {
        return results.stream().limit(limit).map(sentence).toList();
    }

    /** A figure in the series' unit: bytes as GB with two decimals, counts whole. */
    static String amount(double v, Trend t) {
        return t.measure() == MonthlyVolumes.Measure.BYTES ? MiningNames.decimal(v / GB) : number(v);
    }

    static final double GB = 1024.0 * 1024 * 1024;

    private static String signed(double share) {
        return (share >= 0 ? "+" : "−") + percent(Math.abs(share));
    }

    private static double min(double[] v) {
        double m = Double.MAX_VALUE;
        for (double x : v) {
            m = Math.min(m, x);
        }
        return v.length == 0 ? 0 : m;
    }

    private static double max(double[] v) {
        double m = 0;
        for (double x : v) {
            m = Math.max(m, x);
        }
        return m;
    }
}
