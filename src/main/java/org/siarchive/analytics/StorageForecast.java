package org.siarchive.analytics;

import java.util.List;
import org.apache.commons.math3.stat.regression.SimpleRegression;

/**
 * The storage forecast of the growth dashboard (docs/adr/0087): an ordinary least-squares line through the storage
 * used at the end of each month of the period (Apache Commons Math {@link SimpleRegression}), extended {@value
 * #AHEAD} months, with a band of ±2 standard errors of prediction — the spread of the months around the line, wider
 * the further from the months it was fitted on.
 */
final class StorageForecast {

    /** Months forecast after the period. */
    static final int AHEAD = 12;

    /** Fewest months a line is fitted through. */
    static final int MIN_MONTHS = 3;

    /** One month ahead: the expected storage and the band around it. */
    record Point(double expected, double low, double high) {}

    /** The line through {@code used} (storage at the end of each month, oldest first) and its next months. */
    record Result(double perMonth, List<Point> ahead) {}

    private StorageForecast() {}

    static Result of(List<Double> used) {
        int n = used.size();
        if (n < MIN_MONTHS) {
            throw new IllegalArgumentException("a forecast needs " + MIN_MONTHS + " months, got " + n);
        }
        var r = new SimpleRegression(true);
        for (int x = 0; x < n; x++) {
            r.addData(x, used.get(x));
        }
        double mse = Double.isNaN(r.getMeanSquareError()) ? 0 : r.getMeanSquareError();
        double meanX = (n - 1) / 2.0;
        double sxx = r.getXSumSquares();
        var ahead = new java.util.ArrayList<Point>();
        for (int k = 1; k <= AHEAD; k++) {
            int x = n - 1 + k;
            double expected = r.predict(x);
            double sigma = Math.sqrt(mse * (1 + 1.0 / n + (x - meanX) * (x - meanX) / sxx));
            ahead.add(new Point(expected, Math.max(0, expected - 2 * sigma), Math.max(0, expected + 2 * sigma)));
        }
        return new Result(r.getSlope(), ahead);
    }
}
