package org.siarchive.supervision;

import java.util.Collection;
import org.jspecify.annotations.Nullable;

/**
 * The scoring rule of docs/adr/0092. A share KPI earns {@code weight × min(1, value ÷ target)}; the approval
 * time earns the whole weight at or under its target and {@code weight × target ÷ value} above it. A KPI with
 * nothing to measure in the period (no item filed, no loan decided …) earns no score and is left out: the
 * unit's KPI total is the measured scores scaled up to the plan's total weight, so a unit neither gains nor
 * loses for work it did not have. A unit with nothing measured scores 0.
 */
final class KpiScoring {

    private KpiScoring() {}

    /** The score of one KPI value against its target and weight; null when not measured. */
    static @Nullable Double score(InspectionKpi kpi, @Nullable Double value, double target, double weight) {
        if (value == null) {
            return null;
        }
        if (target <= 0) {
            throw new IllegalArgumentException("target must be positive: " + target);
        }
        double earned;
        if (kpi.lowerIsBetter()) {
            earned = value <= target ? 1 : target / value;
        } else {
            earned = Math.min(1, value / target);
        }
        return weight * earned;
    }

    /** One KPI of a unit as the total sees it: its weight and its score (null when not measured). */
    record Scored(double weight, @Nullable Double score) {}

    /** The unit's KPI total out of the plan's total weight, scaled over the measured KPIs. */
    static double total(Collection<Scored> kpis) {
        double all = 0;
        double measuredWeight = 0;
        double earned = 0;
        for (var k : kpis) {
            all += k.weight();
            if (k.score() != null) {
                measuredWeight += k.weight();
                earned += k.score();
            }
        }
        return measuredWeight == 0 ? 0 : earned / measuredWeight * all;
    }

    /** Rounded to two decimals, as shown and exported. */
    static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }
}
