package org.siarchive.mining;

import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.linear.MatrixUtils;
import org.apache.commons.math3.stat.regression.OLSMultipleLinearRegression;

/**
 * Trend and seasonality of a monthly series by ordinary least squares (Apache Commons Math): {@code y = a + b·t +
 * s(month)} with eleven month dummies (January the base), the month effects then centred so that they sum to zero
 * (docs/adr/0096). With fewer than {@value #SEASONAL_MONTHS} months only the trend is fitted; with fewer than
 * {@value #MIN_MONTHS} nothing is. The forecast carries a 95 % prediction interval from the t distribution:
 * {@code ŷ ± t·σ·√(1 + x₀ᵀ(XᵀX)⁻¹x₀)}, never below zero.
 */
final class SeasonalModel {

    /** Fewest months a trend is fitted on. */
    static final int MIN_MONTHS = 6;

    /** Fewest months seasonal effects are estimated from (two of each calendar month). */
    static final int SEASONAL_MONTHS = 24;

    /** Months forecast. */
    static final int HORIZON = 12;

    static final double CONFIDENCE = 0.95;

    private SeasonalModel() {}

    /**
     * The fit of a series.
     *
     * @param slope change per month
     * @param effects the twelve centred month effects, January first (zeros without seasonality)
     * @param mean the series' monthly mean
     */
    record Fit(
            boolean seasonal,
            double intercept,
            double slope,
            double[] effects,
            double mean,
            double rSquared,
            double[] forecast,
            double[] lower,
            double[] upper) {}

    /**
     * Fits {@code y} whose first value is of calendar month {@code firstMonth} (1–12); null when the series is too
     * short or flat zero.
     */
    static Fit fit(double[] y, int firstMonth) {
        int n = y.length;
        if (n < MIN_MONTHS) {
            return null;
        }
        boolean seasonal = n >= SEASONAL_MONTHS;
        int p = seasonal ? 12 : 1; // regressors besides the intercept
        double[][] x = new double[n][];
        for (int t = 0; t < n; t++) {
            x[t] = row(t, (firstMonth - 1 + t) % 12, seasonal);
        }
        var ols = new OLSMultipleLinearRegression();
        ols.newSampleData(y.clone(), x);
        double[] beta;
        double[][] inverse;
        double sigma2;
        double r2;
        try {
            beta = ols.estimateRegressionParameters();
            inverse = ols.estimateRegressionParametersVariance();
            sigma2 = ols.estimateErrorVariance();
            r2 = ols.calculateTotalSumOfSquares() == 0 ? 0 : ols.calculateRSquared();
        } catch (RuntimeException e) { // singular design, e.g. a constant series
            return null;
        }
        double[] effects = effects(beta, seasonal);
        double mean = 0;
        for (double v : y) {
            mean += v;
        }
        mean /= n;
        int dof = n - (p + 1);
        double t = dof > 0 ? new TDistribution(dof).inverseCumulativeProbability(0.5 + CONFIDENCE / 2) : 0;
        var inv = MatrixUtils.createRealMatrix(inverse);
        double[] forecast = new double[HORIZON];
        double[] lower = new double[HORIZON];
        double[] upper = new double[HORIZON];
        for (int h = 0; h < HORIZON; h++) {
            int at = n + h;
            double[] x0 = withIntercept(row(at, (firstMonth - 1 + at) % 12, seasonal));
            var v = MatrixUtils.createRealVector(x0);
            double yHat = v.dotProduct(MatrixUtils.createRealVector(beta));
            double half = t * Math.sqrt(Math.max(0, sigma2 * (1 + v.dotProduct(inv.operate(v)))));
            forecast[h] = Math.max(0, yHat);
            lower[h] = Math.max(0, yHat - half);
            upper[h] = Math.max(0, yHat + half);
        }
        return new Fit(seasonal, beta[0], beta[1], effects, mean, r2, forecast, lower, upper);
    }

    /** Trend, then the dummies of February … December. */
    private static double[] row(int t, int monthIndex, boolean seasonal) {
        if (!seasonal) {
            return new double[] {t};
        }
        double[] r = new double[12];
        r[0] = t;
        if (monthIndex > 0) {
            r[monthIndex] = 1;
        }
        return r;
    }

    private static double[] withIntercept(double[] r) {
        double[] out = new double[r.length + 1];
        out[0] = 1;
        System.arraycopy(r, 0, out, 1, r.length);
        return out;
    }

    private static double[] effects(double[] beta, boolean seasonal) {
        double[] e = new double[12];
        if (!seasonal) {
            return e;
        }
        for (int m = 1; m < 12; m++) {
            e[m] = beta[m + 1];
        }
        double centre = 0;
        for (double v : e) {
            centre += v;
        }
        centre /= 12;
        for (int m = 0; m < 12; m++) {
            e[m] -= centre;
        }
        return e;
    }
}
