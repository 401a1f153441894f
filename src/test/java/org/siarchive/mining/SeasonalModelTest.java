package org.siarchive.mining;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * A planted monthly series — known trend, seasonal amplitude and noise — is recovered: the trend and the month
 * effects within tolerance, and the 12-month prediction interval covers the held-out months.
 */
class SeasonalModelTest {

    static final double BASE = 200;
    static final double SLOPE = 3;
    static final double AMPLITUDE = 40;
    static final double NOISE = 5;

    /** Month effect of calendar month index m (0 = January): peak in April (index 3). */
    static double season(int m) {
        return AMPLITUDE * Math.sin(2 * Math.PI * m / 12);
    }

    static double[] planted(int months, long seed) {
        var random = new Random(seed);
        double[] y = new double[months];
        for (int t = 0; t < months; t++) {
            y[t] = BASE + SLOPE * t + season(t % 12) + NOISE * random.nextGaussian();
        }
        return y;
    }

    @Test
    void trendAndSeasonRecoveredAndForecastIntervalCoversHeldOutMonths() {
        int covered = 0;
        int heldOut = 0;
        for (long seed = 1; seed <= 20; seed++) {
            double[] all = planted(48, seed);
            double[] history = java.util.Arrays.copyOf(all, 36);
            var fit = SeasonalModel.fit(history, 1);

            assertThat(fit).isNotNull();
            assertThat(fit.seasonal()).isTrue();
            assertThat(fit.slope()).isCloseTo(SLOPE, within(0.5));
            for (int m = 0; m < 12; m++) {
                assertThat(fit.effects()[m])
                        .as("month %d, seed %d", m + 1, seed)
                        .isCloseTo(season(m), within(12.0));
            }
            for (int h = 0; h < 12; h++) {
                heldOut++;
                double actual = all[36 + h];
                assertThat(fit.lower()[h]).isLessThan(fit.forecast()[h]);
                assertThat(fit.upper()[h]).isGreaterThan(fit.forecast()[h]);
                if (actual >= fit.lower()[h] && actual <= fit.upper()[h]) {
                    covered++;
                }
                assertThat(fit.forecast()[h]).isCloseTo(BASE + SLOPE * (36 + h) + season(h), within(20.0));
            }
        }
        // a 95 % interval covers about 228 of 240 held-out months; fewer than 216 (90 %) means it is too narrow
        assertThat(heldOut).isEqualTo(240);
        assertThat(covered).as("held-out months inside the 95%% interval").isBetween(216, 240);
    }

    @Test
    void thePeakMonthAndItsShareAreNamedFromTheEffects() {
        var fit = SeasonalModel.fit(planted(48, 7), 1);
        var trend = new Trend(
                Trend.Kind.TOTAL,
                MonthlyVolumes.Measure.ITEMS,
                null,
                null,
                "2020-01",
                planted(48, 7),
                fit.seasonal(),
                fit.slope(),
                fit.mean(),
                fit.rSquared(),
                fit.effects(),
                fit.forecast(),
                fit.lower(),
                fit.upper());
        assertThat(trend.peakMonth()).isEqualTo(4);
        assertThat(trend.peakShare()).isCloseTo(AMPLITUDE / fit.mean(), within(0.03));
    }

    @Test
    void aSeriesStartingInAnotherMonthKeepsCalendarMonths() {
        double[] all = planted(60, 3);
        // start the series in July: drop the first six months
        double[] fromJuly = java.util.Arrays.copyOfRange(all, 6, 60);
        var fit = SeasonalModel.fit(fromJuly, 7);
        assertThat(fit.effects()[3]).isCloseTo(season(3), within(12.0));
        assertThat(fit.effects()[9]).isCloseTo(season(9), within(12.0));
    }

    @Test
    void shortSeriesFitTrendOnlyOrNothing() {
        var trendOnly = SeasonalModel.fit(planted(12, 1), 1);
        assertThat(trendOnly.seasonal()).isFalse();
        assertThat(trendOnly.effects()).containsOnly(0.0);
        assertThat(SeasonalModel.fit(planted(5, 1), 1)).isNull();
        assertThat(SeasonalModel.fit(new double[30], 1))
                .satisfiesAnyOf(f -> assertThat(f).isNull(), f -> assertThat(f.forecast())
                        .containsOnly(0.0));
    }
}
