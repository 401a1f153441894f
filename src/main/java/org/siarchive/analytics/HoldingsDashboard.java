package org.siarchive.analytics;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.siarchive.analytics.Chart.Category;
import org.siarchive.analytics.Chart.Label;
import org.siarchive.analytics.Chart.Series;
import org.siarchive.analytics.HoldingsFigures.By;
import org.siarchive.analytics.HoldingsFigures.Sum;
import org.siarchive.catalog.Catalog;
import org.siarchive.catalog.DirectoryRegister;
import org.springframework.stereotype.Component;

/**
 * 馆藏统计: what the selected unit and the units below it hold now — items, pages and storage — by year, 材料大类,
 * 险种, 保管期限 and child unit. Category names come from the catalogue's reference data, unit names from the
 * organisation tree. The period does not apply: holdings are counted as of now.
 */
@Component
class HoldingsDashboard implements Dashboard {

    static final String ID = "holdings";

    private final HoldingsFigures figures;
    private final Catalog catalog;

    HoldingsDashboard(HoldingsFigures figures, Catalog catalog) {
        this.figures = figures;
        this.catalog = catalog;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String labelKey() {
        return "statistics.holdings";
    }

    @Override
    public int order() {
        return 10;
    }

    @Override
    public List<Total> totals(DashboardQuery q) {
        var t = figures.total(q.orgPattern());
        return List.of(
                new Total("statistics.holdings.items", t.items(), "statistics.unit.items"),
                new Total("statistics.holdings.pages", t.pages(), "statistics.unit.pages"),
                new Total("statistics.holdings.bytes", megabytes(t.bytes()), "statistics.unit.mb"));
    }

    @Override
    public List<Chart> charts(DashboardQuery q) {
        var classification = catalog.classification();
        Map<String, String> categoryNames = classification.categories().stream()
                .collect(Collectors.toMap(c -> c.code(), c -> c.name(), (a, b) -> a));
        List<String> categoryOrder =
                classification.categories().stream().map(c -> c.code()).toList();
        Map<String, String> insurance = classification.insuranceTypes();
        String p = q.orgPattern();
        return List.of(
                chart(
                        "by-year",
                        "statistics.holdings.byYear",
                        Chart.Kind.BAR,
                        "statistics.dim.year",
                        figures.by(By.YEAR, p),
                        k -> Label.key("statistics.yearOf", k),
                        true),
                chart(
                        "by-category",
                        "statistics.holdings.byCategory",
                        Chart.Kind.PIE,
                        "statistics.dim.category",
                        ordered(figures.by(By.CATEGORY, p), categoryOrder),
                        k -> Label.text(categoryNames.getOrDefault(k, k)),
                        false),
                chart(
                        "by-insurance",
                        "statistics.holdings.byInsurance",
                        Chart.Kind.BAR,
                        "statistics.dim.insurance",
                        figures.by(By.INSURANCE, p),
                        k -> k.isEmpty()
                                ? Label.key("statistics.insurance.none")
                                : Label.text(insurance.getOrDefault(k, k)),
                        true),
                chart(
                        "by-retention",
                        "statistics.holdings.byRetention",
                        Chart.Kind.PIE,
                        "statistics.dim.retention",
                        ordered(figures.by(By.RETENTION, p), DirectoryRegister.RETENTION_CODES),
                        k -> DirectoryRegister.RETENTION_CODES.contains(k)
                                ? Label.key("directory.retention." + k)
                                : Label.text(k),
                        false),
                byUnit(q));
    }

    /** The child units' holdings (links to drill down), then what the selected unit files itself, if any. */
    private Chart byUnit(DashboardQuery q) {
        var sums =
                figures.byUnit(q.org(), q.children()).stream().collect(Collectors.toMap(Sum::key, s -> s, (a, b) -> a));
        var categories = new ArrayList<Category>();
        var rows = new ArrayList<Sum>();
        for (var child : q.children()) {
            categories.add(new Category(Label.text(child.name()), child.id()));
            rows.add(sums.getOrDefault(child.path(), new Sum(child.path(), 0, 0, 0)));
        }
        var own = sums.get(q.org().path() + "=");
        if (own != null && own.items() > 0) {
            categories.add(Category.of(Label.key("statistics.ownLevel", q.org().name())));
            rows.add(own);
        }
        return new Chart(
                "by-unit",
                "statistics.holdings.byOrg",
                Chart.Kind.BAR,
                "statistics.dim.org",
                categories,
                series(rows, true),
                "statistics.unit.items",
                null);
    }

    private static Chart chart(
            String id,
            String titleKey,
            Chart.Kind kind,
            String categoryKey,
            List<Sum> sums,
            Function<String, Label> label,
            boolean withPages) {
        return new Chart(
                id,
                titleKey,
                kind,
                categoryKey,
                sums.stream().map(s -> Category.of(label.apply(s.key()))).toList(),
                series(sums, withPages),
                "statistics.unit.items",
                null);
    }

    private static List<Series> series(List<Sum> sums, boolean withPages) {
        var items = Series.of(
                "statistics.series.items", sums.stream().map(Sum::items).toList());
        if (!withPages) {
            return List.of(items);
        }
        return List.of(
                items,
                Series.of(
                        "statistics.series.pages", sums.stream().map(Sum::pages).toList()));
    }

    /** The sums in the order of the reference data's codes; unknown codes last. */
    private static List<Sum> ordered(List<Sum> sums, List<String> order) {
        return sums.stream()
                .sorted(Comparator.comparingInt((Sum s) -> {
                            int at = order.indexOf(s.key());
                            return at < 0 ? Integer.MAX_VALUE : at;
                        })
                        .thenComparing(Sum::key))
                .toList();
    }

    /** Bytes as megabytes (MiB) with two decimals. */
    static double megabytes(long bytes) {
        return Math.round(bytes / 1048576.0 * 100) / 100.0;
    }
}
