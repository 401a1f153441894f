package org.siarchive.mining;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * Monthly business volume — items, pages and bytes by handling month — per business step and region over the
 * {@value #MONTHS} months up to the last complete month (docs/adr/0096). At most {@value #MAX_KEYS} step × region
 * series are kept (3 × {@value #MONTHS} longs each, under 3 MB in all); items of further combinations, and items
 * handled outside the window, are counted as left out.
 */
final class MonthlyVolumes {

    static final int MONTHS = 120;
    static final int MAX_KEYS = 1_000;
    static final int TOP = 8;

    enum Measure {
        ITEMS,
        PAGES,
        BYTES
    }

    private record Key(String step, long region) {}

    private final YearMonth first;
    private final Map<Key, long[][]> series = new HashMap<>();
    private long leftOut;

    MonthlyVolumes(YearMonth last) {
        this.first = last.minusMonths(MONTHS - 1);
    }

    YearMonth first() {
        return first;
    }

    void add(String step, long region, YearMonth month, int pages, long bytes) {
        long at = first.until(month, java.time.temporal.ChronoUnit.MONTHS);
        if (at < 0 || at >= MONTHS) {
            leftOut++;
            return;
        }
        var key = new Key(step, region);
        long[][] s = series.get(key);
        if (s == null) {
            if (series.size() >= MAX_KEYS) {
                leftOut++;
                return;
            }
            s = new long[3][MONTHS];
            series.put(key, s);
        }
        s[0][(int) at]++;
        s[1][(int) at] += pages;
        s[2][(int) at] += bytes;
    }

    long leftOut() {
        return leftOut;
    }

    /** The sum of the series whose key passes {@code filter}, scaled by {@code factor} (a sample's inverse share). */
    double[] sum(Measure measure, @Nullable String step, @Nullable Long region, double factor) {
        Predicate<Key> filter =
                k -> (step == null || k.step().equals(step)) && (region == null || k.region() == region);
        double[] out = new double[MONTHS];
        series.forEach((k, s) -> {
            if (filter.test(k)) {
                for (int i = 0; i < MONTHS; i++) {
                    out[i] += s[measure.ordinal()][i] * factor;
                }
            }
        });
        return out;
    }

    /** The {@value #TOP} steps with most items. */
    List<String> topSteps() {
        var totals = new HashMap<String, Long>();
        series.forEach((k, s) -> totals.merge(k.step(), total(s), Long::sum));
        return top(totals);
    }

    /** The {@value #TOP} regions with most items. */
    List<Long> topRegions() {
        var totals = new HashMap<Long, Long>();
        series.forEach((k, s) -> totals.merge(k.region(), total(s), Long::sum));
        return top(totals);
    }

    /** The {@value #TOP} step × region pairs with most items, as {step, region} pairs. */
    List<Map.Entry<String, Long>> topPairs() {
        var totals = new HashMap<Map.Entry<String, Long>, Long>();
        series.forEach((k, s) -> totals.put(Map.entry(k.step(), k.region()), total(s)));
        return top(totals);
    }

    private static long total(long[][] s) {
        long t = 0;
        for (long v : s[0]) {
            t += v;
        }
        return t;
    }

    private static <K> List<K> top(Map<K, Long> totals) {
        var entries = new ArrayList<>(totals.entrySet());
        entries.sort(Map.Entry.<K, Long>comparingByValue(Comparator.reverseOrder())
                .thenComparing(e -> e.getKey().toString()));
        return entries.stream().limit(TOP).map(Map.Entry::getKey).toList();
    }
}
