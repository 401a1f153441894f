package org.siarchive.analytics;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.siarchive.organisation.OrgUnit;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The operations dashboards' reads of analytics' own read models (docs/adr/0088), summed per month or per child
 * unit of the selected organisation: the activity read model by month ({@code activity_month}), 随办随归 ({@code filing_month}) and
 * fixity ({@code fixity_day}). Rows are few (months × units × steps), whatever the number of items.
 */
@Component
class OperationsQueries {

    private final JdbcClient jdbc;

    OperationsQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Sums of activity {@code count} and {@code amount} per month and kind within the subtree. */
    Map<YearMonth, Map<ActivityKind, long[]>> activityByMonth(String orgPattern, Period p) {
        var out = new HashMap<YearMonth, Map<ActivityKind, long[]>>();
        jdbc.sql(
                        """
                select month, activity, sum(count), sum(amount) from activity_month
                 where org_path like :org and month between :from and :to group by 1, 2
                """)
                .param("org", orgPattern)
                .param("from", p.from().atDay(1))
                .param("to", p.to().atDay(1))
                .query((rs, n) -> {
                    var month = YearMonth.from(rs.getObject(1, LocalDate.class));
                    out.computeIfAbsent(month, m -> new HashMap<>())
                            .put(ActivityKind.valueOf(rs.getString(2)), new long[] {rs.getLong(3), rs.getLong(4)});
                    return 1;
                })
                .list();
        return out;
    }

    /**
     * Sums of activity {@code count} and {@code amount} per child unit (by path) and kind over the period: summed per
     * organisation within the parent's subtree through the index, then rolled up to the children here.
     */
    Map<String, Map<ActivityKind, long[]>> activityByUnit(String parentPattern, List<OrgUnit> units, Period p) {
        var out = new HashMap<String, Map<ActivityKind, long[]>>();
        if (units.isEmpty()) {
            return out;
        }
        jdbc.sql(
                        """
                select org_path, activity, sum(count), sum(amount) from activity_month
                 where org_path like :org and month between :from and :to group by 1, 2
                """)
                .param("org", parentPattern)
                .param("from", p.from().atDay(1))
                .param("to", p.to().atDay(1))
                .query((rs, n) -> {
                    String unit = unitOf(units, rs.getString(1));
                    if (unit != null) {
                        var sums = out.computeIfAbsent(unit, m -> new HashMap<>())
                                .computeIfAbsent(ActivityKind.valueOf(rs.getString(2)), k -> new long[2]);
                        sums[0] += rs.getLong(3);
                        sums[1] += rs.getLong(4);
                    }
                    return 1;
                })
                .list();
        return out;
    }

    /** The path of the child unit an organisation path lies in, or null. */
    static @Nullable String unitOf(List<OrgUnit> units, String orgPath) {
        for (var u : units) {
            if (orgPath.startsWith(u.path())) {
                return u.path();
            }
        }
        return null;
    }

    /** The days-to-file thresholds of the cumulative chart. */
    static final List<Integer> THRESHOLDS = List.of(0, 1, 3, 7, 15, 30, 60, 90, 180, 365);

    /**
     * Filing sums of one group (a month, a unit or a step): items, complete, corrected, destroyed, total days, and
     * items filed within each of {@code n} then {@link #THRESHOLDS} days.
     */
    record Filing(long items, long complete, long corrected, long destroyed, long days, long[] within) {

        static Filing none() {
            return new Filing(0, 0, 0, 0, 0, new long[THRESHOLDS.size() + 1]);
        }

        /** Items filed within the asked-for N days. */
        long withinN() {
            return within[0];
        }

        double meanDays() {
            return items == 0 ? 0 : (double) days / items;
        }

        Filing plus(Filing o) {
            var w = new long[within.length];
            for (int i = 0; i < w.length; i++) {
                w[i] = within[i] + o.within[i];
            }
            return new Filing(
                    items + o.items,
                    complete + o.complete,
                    corrected + o.corrected,
                    destroyed + o.destroyed,
                    days + o.days,
                    w);
        }
    }

    /**
     * Filing sums within the subtree over the period, grouped by {@code month} ({@code yyyy-MM}), {@code step}
     * (its code) or not at all ({@code all}); {@code n} ≤ 365 is the N of "filed within N days".
     */
    Map<String, Filing> filing(String orgPattern, Period p, String groupBy, int n) {
        String key =
                switch (groupBy) {
                    case "month" -> "to_char(month, 'YYYY-MM')";
                    case "step" -> "step_code";
                    default -> "'all'";
                };
        return filingRows(
                "select " + key + " as k, " + sums(n) + " from filing_month where org_path like :org"
                        + " and month between :from and :to group by 1",
                Map.of("org", orgPattern, "from", p.from().atDay(1), "to", p.to().atDay(1)));
    }

    /** Filing sums per child unit (by path) over the period: per organisation through the index, rolled up here. */
    Map<String, Filing> filingByUnit(String parentPattern, List<OrgUnit> units, Period p, int n) {
        var out = new HashMap<String, Filing>();
        if (units.isEmpty()) {
            return out;
        }
        filingRows(
                        "select org_path as k, " + sums(n) + " from filing_month where org_path like :org"
                                + " and month between :from and :to group by 1",
                        Map.of("org", parentPattern, "from", p.from().atDay(1), "to", p.to().atDay(1)))
                .forEach((path, f) -> {
                    String unit = unitOf(units, path);
                    if (unit != null) {
                        out.merge(unit, f, Filing::plus);
                    }
                });
        return out;
    }

    /** Items held (filed − destroyed) per path, up to the end of {@code until}'s month. */
    Map<String, Long> held(List<String> paths, LocalDate until) {
        var out = new HashMap<String, Long>();
        jdbc.sql(
                        """
                select u.path, sum(m.items - m.destroyed) from unnest(cast(:paths as text[])) as u(path)
                  join filing_month m on m.org_path like u.path || '%'
                 where m.month <= :to group by 1
                """)
                .param("paths", paths.toArray(String[]::new))
                .param("to", until)
                .query((rs, i) -> out.put(rs.getString(1), rs.getLong(2)))
                .list();
        return out;
    }

    /** The sums' SQL; the thresholds are integers of this class and {@code n} is checked, never text. */
    private static String sums(int n) {
        var sql = new StringBuilder("sum(items), sum(complete), sum(corrected), sum(destroyed), sum(days_total), ");
        sql.append("sum(hist[")
                .append(Math.max(0, Math.min(n, FilingLedger.MAX_DAYS)) + 1)
                .append("])");
        for (int t : THRESHOLDS) {
            sql.append(", sum(hist[").append(t + 1).append("])");
        }
        return sql.toString();
    }

    private Map<String, Filing> filingRows(String sql, Map<String, Object> params) {
        var out = new HashMap<String, Filing>();
        var spec = jdbc.sql(sql);
        for (var e : params.entrySet()) {
            spec = spec.param(e.getKey(), e.getValue());
        }
        spec.query((rs, i) -> {
                    var within = new long[THRESHOLDS.size() + 1];
                    for (int c = 0; c < within.length; c++) {
                        within[c] = rs.getLong(7 + c);
                    }
                    return out.put(
                            rs.getString("k"),
                            new Filing(
                                    rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5), rs.getLong(6), within));
                })
                .list();
        return out;
    }

    /** Items counted on the day of their latest check: passed and failed, per month, unit path or 'all'. */
    Map<String, long[]> fixity(List<String> paths, LocalDate from, LocalDate to, boolean byMonth) {
        var out = new HashMap<String, long[]>();
        jdbc.sql("select " + (byMonth ? "to_char(date_trunc('month', f.day), 'YYYY-MM')" : "u.path")
                        + ", sum(f.passed), sum(f.failed) from unnest(cast(:paths as text[])) as u(path)"
                        + " join fixity_day f on f.org_path like u.path || '%'"
                        + " where f.day between :from and :to group by 1")
                .param("paths", paths.toArray(String[]::new))
                .param("from", from)
                .param("to", to)
                .query((rs, n) -> out.put(rs.getString(1), new long[] {rs.getLong(2), rs.getLong(3)}))
                .list();
        return out;
    }

    static String[] paths(List<OrgUnit> units) {
        return units.stream().map(OrgUnit::path).toArray(String[]::new);
    }
}
