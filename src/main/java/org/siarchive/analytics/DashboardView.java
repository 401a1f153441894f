package org.siarchive.analytics;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A dashboard as people read it: every label resolved in the reader's language, the selected organisation with its
 * breadcrumb (from the viewer's own unit down) and child units, the totals and the charts. The console, the JSON
 * API and the Excel downloads all show this one object.
 */
public record DashboardView(
        String id,
        String label,
        Unit org,
        List<Unit> breadcrumb,
        List<Unit> children,
        String from,
        String to,
        List<TotalView> totals,
        List<ChartView> charts) {

    /** An organisation unit: its id (the {@code org} parameter) and name. */
    public record Unit(long id, String name) {}

    public record TotalView(String label, Number value, String unit) {}

    /**
     * A chart with its labels resolved.
     *
     * @param kind BAR, LINE, PIE or STACKED
     * @param categoryLabel what the categories are (the first column of the table)
     * @param note the sentence under the chart, or null
     */
    public record ChartView(
            String id,
            String title,
            String kind,
            String categoryLabel,
            String unit,
            @Nullable String note,
            List<CategoryView> categories,
            List<SeriesView> series) {}

    /**
     * @param entered whether the label is a name people entered (shown as written, {@code translate="no"})
     * @param orgId the organisation it stands for (a drill-down link), or null
     */
    public record CategoryView(String label, boolean entered, @Nullable Long orgId) {}

    /** @param role PLAIN, BAND_LOW or BAND_HIGH */
    public record SeriesView(String label, String role, List<@Nullable Number> values) {}
}
