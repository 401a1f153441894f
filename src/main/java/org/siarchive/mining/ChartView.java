package org.siarchive.mining;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A chart of a run with its labels resolved, in the JSON shape the statistics console's chart script draws
 * ({@code /js/statistics-charts.js}, the same fields as analytics' dashboard charts, docs/adr/0086). Declared here,
 * not imported: nothing depends on analytics (its read models listen to everyone's events).
 *
 * @param kind BAR or LINE
 * @param categoryLabel what the categories are (the first column of the chart's table)
 * @param note the sentence under the chart, or null
 */
record ChartView(
        String id,
        String title,
        String kind,
        String categoryLabel,
        String unit,
        @Nullable String note,
        List<CategoryView> categories,
        List<SeriesView> series) {

    /** @param entered whether the label is a name from the catalogue (shown as written, {@code translate="no"}) */
    record CategoryView(String label, boolean entered, @Nullable Long orgId) {}

    /** @param role PLAIN, BAND_LOW or BAND_HIGH (the edges of a forecast's interval) */
    record SeriesView(String label, String role, List<@Nullable Number> values) {}
}
