package org.siarchive.analytics;

import static org.siarchive.analytics.ActivityKind.LOAN_APPROVED;
import static org.siarchive.analytics.ActivityKind.LOAN_REFUSED;
import static org.siarchive.analytics.ActivityKind.LOAN_REQUESTED;
import static org.siarchive.analytics.OperationsCharts.of;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.siarchive.lending.PhysicalLoanFigures;
import org.siarchive.shared.ReadableTime;
import org.springframework.stereotype.Component;

/**
 * Utilisation (利用): use requests made, approved and refused, the average time from request to decision, and the
 * originals out on physical loan now and overdue — per month and per child unit. Requests and decisions come from
 * the daily activity read model, the originals out from lending's {@link PhysicalLoanFigures} (docs/adr/0088).
 */
@Component
class UtilisationDashboard implements Dashboard {

    private static final Map<ActivityKind, long[]> NONE = Map.of();

    private final OperationsQueries queries;
    private final PhysicalLoanFigures loans;
    private final ReadableTime time;

    UtilisationDashboard(OperationsQueries queries, PhysicalLoanFigures loans, ReadableTime time) {
        this.queries = queries;
        this.loans = loans;
        this.time = time;
    }

    @Override
    public String id() {
        return "utilisation";
    }

    @Override
    public String labelKey() {
        return "statistics.ops.utilisation";
    }

    @Override
    public int order() {
        return 40;
    }

    @Override
    public List<Total> totals(DashboardQuery q) {
        var all = DigitisationDashboard.sum(
                queries.activityByMonth(q.orgPattern(), q.period()).values());
        var out = outNow(q.orgPattern());
        return List.of(
                new Total(
                        "statistics.ops.series.requested", of(all, LOAN_REQUESTED, 0), "statistics.ops.unit.requests"),
                new Total("statistics.ops.series.approved", of(all, LOAN_APPROVED, 0), "statistics.ops.unit.requests"),
                new Total("statistics.ops.series.refused", of(all, LOAN_REFUSED, 0), "statistics.ops.unit.requests"),
                new Total("statistics.ops.approvalHours", hours(all), "statistics.ops.unit.hours"),
                new Total("statistics.ops.physicalOut", out.originals(), "statistics.unit.items"),
                new Total("statistics.ops.overdue", out.overdue(), "statistics.unit.items"));
    }

    @Override
    public List<Chart> charts(DashboardQuery q) {
        var p = q.period();
        var months = queries.activityByMonth(q.orgPattern(), p);
        var units = queries.activityByUnit(q.orgPattern(), q.children(), p);
        var requests = new Chart(
                "requests",
                "statistics.ops.utilisation.requests",
                Chart.Kind.BAR,
                "statistics.dim.month",
                OperationsCharts.months(p),
                List.of(
                        OperationsCharts.byMonth(
                                "statistics.ops.series.requested", p, months, g -> of(g, LOAN_REQUESTED, 0), NONE),
                        OperationsCharts.byMonth(
                                "statistics.ops.series.approved", p, months, g -> of(g, LOAN_APPROVED, 0), NONE),
                        OperationsCharts.byMonth(
                                "statistics.ops.series.refused", p, months, g -> of(g, LOAN_REFUSED, 0), NONE)),
                "statistics.ops.unit.requests",
                null);
        var hours = new Chart(
                "hours",
                "statistics.ops.utilisation.hours",
                Chart.Kind.LINE,
                "statistics.dim.month",
                OperationsCharts.months(p),
                List.of(OperationsCharts.byMonth("statistics.ops.approvalHours", p, months, this::hours, NONE)),
                "statistics.ops.unit.hours",
                null);
        var byUnit = new Chart(
                "by-unit",
                "statistics.ops.utilisation.byUnit",
                Chart.Kind.BAR,
                "statistics.dim.org",
                OperationsCharts.units(q.children()),
                List.of(
                        OperationsCharts.byUnit(
                                "statistics.ops.series.requested",
                                q.children(),
                                units,
                                g -> of(g, LOAN_REQUESTED, 0),
                                NONE),
                        OperationsCharts.byUnit(
                                "statistics.ops.series.approved",
                                q.children(),
                                units,
                                g -> of(g, LOAN_APPROVED, 0),
                                NONE),
                        OperationsCharts.byUnit(
                                "statistics.ops.series.refused",
                                q.children(),
                                units,
                                g -> of(g, LOAN_REFUSED, 0),
                                NONE),
                        OperationsCharts.byUnit(
                                "statistics.ops.approvalHours", q.children(), units, this::hours, NONE)),
                "statistics.ops.unit.requests",
                null);
        return List.of(requests, hours, byUnit, outByUnit(q));
    }

    /** Originals out now and overdue, per child unit: one bounded lending read per unit. */
    private Chart outByUnit(DashboardQuery q) {
        var out = new ArrayList<Number>();
        var overdue = new ArrayList<Number>();
        for (var unit : q.children()) {
            var figure = outNow(unit.path() + "%");
            out.add(figure.originals());
            overdue.add(figure.overdue());
        }
        return new Chart(
                "out-by-unit",
                "statistics.ops.utilisation.out",
                Chart.Kind.BAR,
                "statistics.dim.org",
                OperationsCharts.units(q.children()),
                List.of(
                        Chart.Series.of("statistics.ops.physicalOut", out),
                        Chart.Series.of("statistics.ops.overdue", overdue)),
                "statistics.unit.items",
                null);
    }

    private PhysicalLoanFigures.Out outNow(String orgPattern) {
        return loans.at(orgPattern, time.now().toOffsetDateTime(), time.today(), true);
    }

    /** Mean hours from request to decision of the requests decided, one decimal. */
    private double hours(Map<ActivityKind, long[]> g) {
        long decided = of(g, LOAN_APPROVED, 0) + of(g, LOAN_REFUSED, 0);
        long seconds = of(g, LOAN_APPROVED, 1) + of(g, LOAN_REFUSED, 1);
        return decided == 0 ? 0 : OperationsCharts.oneDecimal(seconds / 3600.0 / decided);
    }
}
