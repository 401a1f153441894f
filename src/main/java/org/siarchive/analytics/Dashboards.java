package org.siarchive.analytics;

import java.time.YearMonth;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.siarchive.organisation.OrgUnit;
import org.siarchive.shared.Access;
import org.siarchive.shared.NotFoundException;
import org.siarchive.shared.ReadableTime;
import org.springframework.stereotype.Component;

/**
 * Every registered {@link Dashboard}, in tab order, and the one way a dashboard is read: the period checked, the
 * organisation selected within the viewer's data scope, the charts computed and their labels resolved.
 */
@Component
public class Dashboards {

    private final List<Dashboard> all;
    private final DashboardUnits units;
    private final ChartLabels labels;
    private final ReadableTime time;

    Dashboards(List<Dashboard> dashboards, DashboardUnits units, ChartLabels labels, ReadableTime time) {
        this.all = dashboards.stream()
                .sorted(Comparator.comparingInt(Dashboard::order).thenComparing(Dashboard::id))
                .toList();
        this.units = units;
        this.labels = labels;
        this.time = time;
        long distinct = all.stream().map(Dashboard::id).distinct().count();
        if (distinct != all.size() || all.stream().anyMatch(d -> !d.id().matches("[a-z0-9-]{1,40}"))) {
            throw new IllegalStateException("dashboard ids must be distinct lower-case words: " + ids());
        }
    }

    /** Every dashboard, in tab order. */
    public List<Dashboard> all() {
        return all;
    }

    /** The dashboard with this id; not found (404) when there is none. */
    public Dashboard find(String id) {
        return all.stream()
                .filter(d -> d.id().equals(id))
                .findFirst()
                .orElseThrow(() -> new NotFoundException("DASHBOARD", id.length() > 40 ? id.substring(0, 40) : id));
    }

    /**
     * The dashboard for the organisation {@code org} (its id; blank: the viewer's own unit) and the months {@code
     * from} to {@code to} ({@code yyyy-MM}; blank: the last {@value Period#DEFAULT_MONTHS}). An unknown dashboard or a
     * unit outside the viewer's data scope is a 404; a bad period or org id a 422 naming the field.
     */
    public DashboardView view(
            String id, @Nullable String org, @Nullable String from, @Nullable String to, Access access, Locale locale) {
        var dashboard = find(id);
        var q = query(org, from, to, access);
        return labels.view(dashboard, q, units.breadcrumbOf(q, access), locale);
    }

    /** The query a dashboard answers, checked. */
    DashboardQuery query(@Nullable String org, @Nullable String from, @Nullable String to, Access access) {
        var period = Period.parse(from, to, YearMonth.from(time.today()));
        var selection = units.select(org, access);
        return new DashboardQuery(access, selection.org(), selection.children(), period);
    }

    private List<String> ids() {
        return all.stream().map(Dashboard::id).toList();
    }

    static List<DashboardView.Unit> units(List<OrgUnit> list) {
        return list.stream().map(u -> new DashboardView.Unit(u.id(), u.name())).toList();
    }
}
