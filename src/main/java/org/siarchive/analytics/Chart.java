package org.siarchive.analytics;

import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One chart of a dashboard, as figures and message keys — never as text: the console resolves every label in one
 * place (the message bundles, or the owning module's reference data for names people entered), draws the chart
 * with ECharts, shows the same figures as a table and offers them as an Excel download.
 *
 * @param id the chart's id in its dashboard (the Excel URL): lower-case letters, digits and hyphens
 * @param titleKey message key of the title
 * @param kind how it is drawn
 * @param categoryKey message key of what the categories are (the first column of the table: 年度, 门类 …)
 * @param categories the x axis (or the slices of a pie), in order
 * @param series the figures, one value per category each
 * @param unitKey message key of the unit of the figures (件, 页, GB …)
 * @param note a sentence under the chart explaining it (a forecast's method), or null
 */
public record Chart(
        String id,
        String titleKey,
        Kind kind,
        String categoryKey,
        List<Category> categories,
        List<Series> series,
        String unitKey,
        @Nullable Label note) {

    public Chart {
        categories = List.copyOf(categories);
        series = List.copyOf(series);
        if (!id.matches("[a-z0-9-]{1,40}")) {
            throw new IllegalArgumentException("chart id " + id);
        }
        for (var s : series) {
            if (s.values().size() != categories.size()) {
                throw new IllegalArgumentException("series " + s.labelKey() + " of chart " + id + " has "
                        + s.values().size() + " values for " + categories.size() + " categories");
            }
        }
    }

    /** How a chart is drawn. */
    public enum Kind {
        BAR,
        LINE,
        PIE,
        /** Bars of the series stacked on each other. */
        STACKED
    }

    /**
     * What a series is: a plain series, or the lower or upper edge of a band drawn as a shaded area between them
     * (a forecast's ±2σ).
     */
    public enum Role {
        PLAIN,
        BAND_LOW,
        BAND_HIGH
    }

    /**
     * A label: a message key with arguments, or a name people entered (an organisation, a category of the
     * classification scheme), shown as written and marked {@code translate="no"}.
     */
    public record Label(@Nullable String key, List<String> args, @Nullable String text) {

        public Label {
            args = List.copyOf(args);
            if ((key == null) == (text == null)) {
                throw new IllegalArgumentException("a label is a key or a text");
            }
        }

        public static Label key(String key, Object... args) {
            return new Label(key, Arrays.stream(args).map(String::valueOf).toList(), null);
        }

        public static Label text(String text) {
            return new Label(null, List.of(), text);
        }
    }

    /**
     * One category of the x axis.
     *
     * @param orgId the organisation it stands for when the chart is by organisation (the console links it to
     *     the drill-down), else null
     */
    public record Category(Label label, @Nullable Long orgId) {

        public static Category of(Label label) {
            return new Category(label, null);
        }
    }

    /** One series: its name's message key and one figure per category (null where it has none, e.g. a forecast). */
    public record Series(String labelKey, List<@Nullable Number> values, Role role) {

        public Series {
            values = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(values));
        }

        public static Series of(String labelKey, List<? extends @Nullable Number> values) {
            return new Series(labelKey, new java.util.ArrayList<>(values), Role.PLAIN);
        }
    }
}
