package org.siarchive.analytics;

import java.util.List;

/**
 * One dashboard of the statistics console (统计分析, docs/adr/0086): a Spring bean implementing this interface is
 * all a module adds — the console, the JSON API ({@code /api/v1/statistics/dashboards/{id}}), the tables under the
 * charts, the Excel downloads and the drill-down along the organisation tree come with it. A dashboard reads its
 * figures from read models (never the catalogue at request time), within {@link DashboardQuery#orgPattern()} — the
 * organisation the viewer selected, already checked against the viewer's data scope.
 */
public interface Dashboard {

    /** The id in the URL ({@code /statistics/{id}}): lower-case letters, digits and hyphens. */
    String id();

    /** Message key of the dashboard's name (the tab). */
    String labelKey();

    /** Where its tab stands among the others, lowest first. */
    int order();

    /** The charts for the selected organisation and period, in the order they are shown. */
    List<Chart> charts(DashboardQuery q);

    /** Headline figures shown above the charts (totals); none unless the dashboard has some. */
    default List<Total> totals(DashboardQuery q) {
        return List.of();
    }

    /**
     * A headline figure.
     *
     * @param labelKey message key of what it counts
     * @param value the figure, in {@code unitKey}'s unit
     * @param unitKey message key of the unit (件, 页, GB …)
     */
    record Total(String labelKey, Number value, String unitKey) {}
}
