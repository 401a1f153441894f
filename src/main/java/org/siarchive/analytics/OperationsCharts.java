package org.siarchive.analytics;

import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.siarchive.organisation.OrgUnit;

/**
 * What the operations dashboards share (docs/adr/0088): month and unit categories, shares in per cent and sums of
 * the activity read model's kinds.
 */
final class OperationsCharts {

    static final String PERCENT = "statistics.ops.unit.percent";

    private OperationsCharts() {}

    /** One category per month of the period, labelled {@code yyyy-MM}. */
    static List<Chart.Category> months(Period p) {
        return p.months().stream()
                .map(m -> Chart.Category.of(Chart.Label.key("statistics.ops.month", m.toString())))
                .toList();
    }

    /** One category per child unit, named as entered, linked to its drill-down. */
    static List<Chart.Category> units(List<OrgUnit> units) {
        return units.stream()
                .map(u -> new Chart.Category(Chart.Label.text(u.name()), u.id()))
                .toList();
    }

    /** part ÷ whole in per cent with one decimal; 0 when the whole is 0. */
    static double percent(long part, long whole) {
        return whole == 0 ? 0 : Math.round(part * 1000.0 / whole) / 10.0;
    }

    static double oneDecimal(double value) {
        return Math.round(value * 10.0) / 10.0;
    }

    /** The {@code count} (index 0) or {@code amount} (1) of a kind in a group of the activity read model. */
    static long of(Map<ActivityKind, long[]> group, ActivityKind kind, int index) {
        var v = group == null ? null : group.get(kind);
        return v == null ? 0 : v[index];
    }

    /** A series over the months of the period. */
    static <T> Chart.Series byMonth(
            String labelKey, Period p, Map<YearMonth, T> data, Function<T, Number> value, T none) {
        return Chart.Series.of(
                labelKey,
                p.months().stream()
                        .map(m -> value.apply(data.getOrDefault(m, none)))
                        .toList());
    }

    /** A series over the child units (by path). */
    static <T> Chart.Series byUnit(
            String labelKey, List<OrgUnit> units, Map<String, T> data, Function<T, Number> value, T none) {
        return Chart.Series.of(
                labelKey,
                units.stream()
                        .map(u -> value.apply(data.getOrDefault(u.path(), none)))
                        .toList());
    }
}
