package org.siarchive.mining;

import org.jspecify.annotations.Nullable;

/**
 * One monthly series of a run with its fit (docs/adr/0096): the total of the scope in items, pages or bytes, or the
 * items of one business step, of one region, or of one step in one region.
 *
 * @param firstMonth the month of {@code actual[0]}, {@code 2021-04}
 * @param effects the twelve month effects (January first), in the series' unit, summing to zero
 */
record Trend(
        Kind kind,
        MonthlyVolumes.Measure measure,
        @Nullable String step,
        @Nullable Long region,
        String firstMonth,
        double[] actual,
        boolean seasonal,
        double slope,
        double mean,
        double rSquared,
        double[] effects,
        double[] forecast,
        double[] lower,
        double[] upper) {

    enum Kind {
        TOTAL,
        STEP,
        REGION,
        STEP_REGION
    }

    /** The calendar month (1–12) of the highest effect. */
    int peakMonth() {
        int best = 0;
        for (int m = 1; m < 12; m++) {
            if (effects[m] > effects[best]) {
                best = m;
            }
        }
        return best + 1;
    }

    /** How far the peak month lies above the monthly mean, as a share of it. */
    double peakShare() {
        return mean <= 0 ? 0 : effects[peakMonth() - 1] / mean;
    }

    double forecastTotal() {
        double t = 0;
        for (double v : forecast) {
            t += v;
        }
        return t;
    }

    double actualLastYear() {
        double t = 0;
        for (int i = Math.max(0, actual.length - 12); i < actual.length; i++) {
            t += actual[i];
        }
        return t;
    }
}
