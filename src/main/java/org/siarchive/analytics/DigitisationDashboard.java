package org.siarchive.analytics;

import static org.siarchive.analytics.ActivityKind.OCR_PAGES;
import static org.siarchive.analytics.ActivityKind.SCAN_BATCH_ACCEPTED;
import static org.siarchive.analytics.ActivityKind.SCAN_BATCH_REJECTED;
import static org.siarchive.analytics.ActivityKind.SCAN_PAGES_ACCEPTED;
import static org.siarchive.analytics.ActivityKind.SCAN_PAGES_REJECTED;
import static org.siarchive.analytics.OperationsCharts.PERCENT;
import static org.siarchive.analytics.OperationsCharts.of;
import static org.siarchive.analytics.OperationsCharts.percent;

import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Digitisation progress (数字化进度): pages scanned, the QC pass rate (scan items accepted of those decided, DA/T
 * 31-2017) and the OCR rate (pages read by OCR of pages scanned), per month and per child unit, from the daily
 * activity read model (docs/adr/0088).
 */
@Component
class DigitisationDashboard implements Dashboard {

    private static final Map<ActivityKind, long[]> NONE = Map.of();

    private final OperationsQueries queries;

    DigitisationDashboard(OperationsQueries queries) {
        this.queries = queries;
    }

    @Override
    public String id() {
        return "digitisation";
    }

    @Override
    public String labelKey() {
        return "statistics.ops.digitisation";
    }

    @Override
    public int order() {
        return 30;
    }

    @Override
    public List<Total> totals(DashboardQuery q) {
        var all = sum(queries.activityByMonth(q.orgPattern(), q.period()).values());
        return List.of(
                new Total("statistics.ops.pagesScanned", scanned(all), "statistics.unit.pages"),
                new Total("statistics.ops.qcRate", qcRate(all), PERCENT),
                new Total("statistics.ops.ocrRate", ocrRate(all), PERCENT));
    }

    @Override
    public List<Chart> charts(DashboardQuery q) {
        var p = q.period();
        var months = queries.activityByMonth(q.orgPattern(), p);
        var units = queries.activityByUnit(q.orgPattern(), q.children(), p);
        var pages = new Chart(
                "pages",
                "statistics.ops.digitisation.pages",
                Chart.Kind.BAR,
                "statistics.dim.month",
                OperationsCharts.months(p),
                List.of(
                        OperationsCharts.byMonth("statistics.ops.series.scanned", p, months, this::scanned, NONE),
                        OperationsCharts.byMonth(
                                "statistics.ops.series.qcPassed", p, months, g -> of(g, SCAN_PAGES_ACCEPTED, 1), NONE),
                        OperationsCharts.byMonth(
                                "statistics.ops.series.ocr", p, months, g -> of(g, OCR_PAGES, 1), NONE)),
                "statistics.unit.pages",
                null);
        var rates = new Chart(
                "rates",
                "statistics.ops.digitisation.rates",
                Chart.Kind.LINE,
                "statistics.dim.month",
                OperationsCharts.months(p),
                List.of(
                        OperationsCharts.byMonth("statistics.ops.qcRate", p, months, this::qcRate, NONE),
                        OperationsCharts.byMonth("statistics.ops.ocrRate", p, months, this::ocrRate, NONE)),
                PERCENT,
                null);
        var byUnit = new Chart(
                "by-unit",
                "statistics.ops.digitisation.byUnit",
                Chart.Kind.BAR,
                "statistics.dim.org",
                OperationsCharts.units(q.children()),
                List.of(
                        OperationsCharts.byUnit("statistics.ops.qcRate", q.children(), units, this::qcRate, NONE),
                        OperationsCharts.byUnit("statistics.ops.ocrRate", q.children(), units, this::ocrRate, NONE)),
                PERCENT,
                null);
        return List.of(pages, rates, byUnit);
    }

    private long scanned(Map<ActivityKind, long[]> g) {
        return of(g, SCAN_PAGES_ACCEPTED, 1) + of(g, SCAN_PAGES_REJECTED, 1);
    }

    private double qcRate(Map<ActivityKind, long[]> g) {
        long accepted = of(g, SCAN_BATCH_ACCEPTED, 1);
        return percent(accepted, accepted + of(g, SCAN_BATCH_REJECTED, 1));
    }

    private double ocrRate(Map<ActivityKind, long[]> g) {
        return percent(of(g, OCR_PAGES, 1), scanned(g));
    }

    /** The kinds of every group summed. */
    static Map<ActivityKind, long[]> sum(java.util.Collection<Map<ActivityKind, long[]>> groups) {
        var out = new java.util.EnumMap<ActivityKind, long[]>(ActivityKind.class);
        for (var g : groups) {
            g.forEach((k, v) -> {
                var t = out.computeIfAbsent(k, x -> new long[2]);
                t[0] += v[0];
                t[1] += v[1];
            });
        }
        return out;
    }
}
