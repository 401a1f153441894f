package org.siarchive.comparison;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.siarchive.organisation.Organisations;
import org.siarchive.shared.Access;
import org.siarchive.shared.Bounds;
import org.siarchive.shared.InvalidInputException;
import org.siarchive.shared.ReadableTime;
import org.siarchive.shared.Violation;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The 预警 worklist: the warnings handled within the caller's unit subtree, filtered by rule, state, unit
 * (and its subtree), month raised (Beijing time), overdue, run and "taken by me"; a bounded page, newest
 * first, with the counts by state and the amounts at risk and to recover of everything the filters match.
 */
@Component
public class WarningWorklist {

    public static final int DEFAULT_SIZE = 50;

    /** The filters as typed; blank ones are not applied. */
    public record Filter(
            @Nullable String rule,
            @Nullable String state,
            @Nullable Long unit,
            @Nullable String month,
            boolean overdue,
            @Nullable Long run,
            boolean mine) {

        public static Filter none() {
            return new Filter(null, null, null, null, false, null, false);
        }
    }

    /** One page and the totals of the whole selection. */
    public record Result(
            List<Warning> warnings,
            long total,
            int page,
            int size,
            Map<WarningState, Long> byState,
            BigDecimal amountAtRisk,
            BigDecimal amountToRecover) {}

    private final JdbcClient jdbc;
    private final Organisations organisations;
    private final ReadableTime time;

    WarningWorklist(JdbcClient jdbc, Organisations organisations, ReadableTime time) {
        this.jdbc = jdbc;
        this.organisations = organisations;
        this.time = time;
    }

    public Result search(Filter f, int page, int size, Access access) {
        var p = Bounds.page(page, size <= 0 ? DEFAULT_SIZE : size);
        var where = new ArrayList<String>();
        var params = new HashMap<String, Object>();
        where(f, access, where, params);
        String clause = String.join(" and ", where);
        var totals = totals(clause, params);
        params.put("limit", p.size());
        params.put("offset", p.offset());
        var rows = jdbc.sql("select " + WarningRows.COLUMNS + " from comparison_warning w where " + clause
                        + " order by w.raised_at desc, w.id desc limit :limit offset :offset")
                .params(params)
                .query(WarningRows::warning)
                .list();
        long total = totals.values().stream().mapToLong(Long::longValue).sum();
        var amounts = amounts(clause, params);
        return new Result(rows, total, p.page(), p.size(), totals, amounts.get(0), amounts.get(1));
    }

    private void where(Filter f, Access access, List<String> where, Map<String, Object> params) {
        where.add("w.org_path like :scope");
        params.put("scope", access.scope().orgPattern());
        if (f.rule() != null && !f.rule().isBlank()) {
            if (f.rule().length() > 32) {
                throw new InvalidInputException(Violation.of("rule", "maxLength", 32));
            }
            where.add("w.rule_code = :rule");
            params.put("rule", f.rule().strip());
        }
        if (f.state() != null && !f.state().isBlank()) {
            where.add("w.state = :state");
            params.put("state", state(f.state()).name());
        }
        if (f.unit() != null) {
            var unit = organisations
                    .byId(f.unit())
                    .filter(u -> u.path().startsWith(access.scope().orgPath()))
                    .orElseThrow(() -> new InvalidInputException(Violation.of("unit", "code")));
            where.add("w.org_path like :unit");
            params.put("unit", unit.path() + "%");
        }
        if (f.month() != null && !f.month().isBlank()) {
            var m = month(f.month());
            where.add("w.raised_at >= :from and w.raised_at < :to");
            params.put("from", time.startOf(m.atDay(1)));
            params.put("to", time.startOf(m.plusMonths(1).atDay(1)));
        }
        if (f.overdue()) {
            where.add("w.state <> 'CLOSED' and w.due_on < :today");
            params.put("today", time.today());
        }
        if (f.run() != null) {
            where.add("(w.first_run_id = :run or w.last_run_id = :run)");
            params.put("run", f.run());
        }
        if (f.mine()) {
            where.add("w.assigned_to = :me");
            params.put("me", access.actor().name());
        }
    }

    private Map<WarningState, Long> totals(String clause, Map<String, Object> params) {
        var counts = new LinkedHashMap<WarningState, Long>();
        for (var s : WarningState.values()) {
            counts.put(s, 0L);
        }
        jdbc.sql("select w.state, count(*) from comparison_warning w where " + clause + " group by w.state")
                .params(params)
                .query((rs, n) -> counts.put(WarningState.valueOf(rs.getString(1)), rs.getLong(2)))
                .list();
        return counts;
    }

    private List<BigDecimal> amounts(String clause, Map<String, Object> params) {
        return jdbc.sql("select coalesce(sum(w.amount_at_risk), 0), coalesce(sum(w.amount_to_recover), 0)"
                        + " from comparison_warning w where " + clause)
                .params(params)
                .query((rs, n) -> List.of(rs.getBigDecimal(1), rs.getBigDecimal(2)))
                .single();
    }

    static WarningState state(String s) {
        try {
            return WarningState.valueOf(s.strip());
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(Violation.of("state", "code"));
        }
    }

    static YearMonth month(String s) {
        try {
            var m = YearMonth.parse(s.strip());
            if (m.getYear() < 2000 || m.getYear() > 2100) {
                throw new InvalidInputException(Violation.of("month", "range", "2000-01", "2100-12"));
            }
            return m;
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(Violation.of("month", "month"));
        }
    }

    /** Today in Beijing, for the overdue marks of a page. */
    public LocalDate today() {
        return time.today();
    }
}
