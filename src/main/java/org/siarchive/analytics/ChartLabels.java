package org.siarchive.analytics;

import java.util.List;
import java.util.Locale;
import org.siarchive.organisation.OrgUnit;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The one place where a dashboard's message keys become words (docs/adr/0086): titles, axis and series names, units
 * and notes from the message bundles in the reader's language; names people entered (organisations, the categories
 * of the classification scheme) as written. The page's JavaScript only draws what it is given.
 */
@Component
class ChartLabels {

    private final MessageSource messages;

    ChartLabels(MessageSource messages) {
        this.messages = messages;
    }

    DashboardView view(Dashboard d, DashboardQuery q, List<OrgUnit> breadcrumb, Locale locale) {
        var totals = d.totals(q).stream()
                .map(t -> new DashboardView.TotalView(text(t.labelKey(), locale), t.value(), text(t.unitKey(), locale)))
                .toList();
        var charts = d.charts(q).stream().map(c -> chart(c, locale)).toList();
        return new DashboardView(
                d.id(),
                text(d.labelKey(), locale),
                new DashboardView.Unit(q.org().id(), q.org().name()),
                Dashboards.units(breadcrumb),
                Dashboards.units(q.children()),
                q.period().from().toString(),
                q.period().to().toString(),
                totals,
                charts);
    }

    DashboardView.ChartView chart(Chart c, Locale locale) {
        var categories = c.categories().stream()
                .map(k -> new DashboardView.CategoryView(
                        label(k.label(), locale), k.label().text() != null, k.orgId()))
                .toList();
        var series = c.series().stream()
                .map(s -> new DashboardView.SeriesView(
                        text(s.labelKey(), locale), s.role().name(), s.values()))
                .toList();
        return new DashboardView.ChartView(
                c.id(),
                text(c.titleKey(), locale),
                c.kind().name(),
                text(c.categoryKey(), locale),
                text(c.unitKey(), locale),
                c.note() == null ? null : label(c.note(), locale),
                categories,
                series);
    }

    String label(Chart.Label l, Locale locale) {
        if (l.text() != null) {
            return l.text();
        }
        return messages.getMessage(key(l), l.args().toArray(), locale);
    }

    String text(String key, Locale locale) {
        return messages.getMessage(key, null, locale);
    }

    private static String key(Chart.Label l) {
        return java.util.Objects.requireNonNull(l.key());
    }
}
