package org.siarchive.comparison;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.siarchive.organisation.OrgUnit;
import org.siarchive.organisation.Organisations;
import org.siarchive.shared.Access;
import org.siarchive.shared.InvalidInputException;
import org.siarchive.shared.ReadableTime;
import org.siarchive.shared.Register;
import org.siarchive.shared.Violation;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Warning statistics by rule, handling unit (county) and month raised (Beijing time), within the caller's
 * subtree and a window of at most {@value #MAX_MONTHS} months: raised, confirmed, excluded, closed and
 * overdue counts, amount at risk and amount to recover; at most {@value #MAX_ROWS} rows, also as Excel.
 */
@Component
public class WarningStatistics {

    static final int MAX_MONTHS = 36;
    static final int MAX_ROWS = 5000;

    /** One line: counts and amounts of one rule in one unit in one month. */
    public record Line(
            String ruleCode,
            String ruleName,
            long orgId,
            String orgName,
            String month,
            long raised,
            long confirmed,
            long excluded,
            long closed,
            long overdue,
            BigDecimal amountAtRisk,
            BigDecimal amountToRecover) {}

    private static final List<Register.Column> COLUMNS = List.of(
            Register.Column.of("warning.col.rule", 16),
            Register.Column.of("warning.col.unit", 16),
            Register.Column.of("warning.col.month", 8),
            Register.Column.of("warning.col.raised", 6),
            Register.Column.of("warning.col.confirmed", 6),
            Register.Column.of("warning.col.excluded", 6),
            Register.Column.of("warning.col.closed", 6),
            Register.Column.of("warning.col.overdue", 6),
            Register.Column.of("warning.col.amountAtRisk", 12),
            Register.Column.of("warning.col.amountToRecover", 12));

    private final JdbcClient jdbc;
    private final Organisations organisations;
    private final WarningLabels labels;
    private final ReadableTime time;

    WarningStatistics(JdbcClient jdbc, Organisations organisations, WarningLabels labels, ReadableTime time) {
        this.jdbc = jdbc;
        this.organisations = organisations;
        this.labels = labels;
        this.time = time;
    }

    /** The lines of months {@code from}..{@code to} (yyyy-MM; default the last 12 months). */
    public List<Line> lines(@Nullable String from, @Nullable String to, Access access, Locale locale) {
        YearMonth end = blank(to) ? YearMonth.from(time.today()) : WarningWorklist.month(to);
        YearMonth start = blank(from) ? end.minusMonths(11) : WarningWorklist.month(from);
        if (start.isAfter(end) || start.plusMonths(MAX_MONTHS - 1).isBefore(end)) {
            throw new InvalidInputException(
                    new Violation("from", "range", "warning.rule.monthWindow", List.of(Integer.toString(MAX_MONTHS))));
        }
        Map<Long, String> units = organisations.subtree(access.scope().orgPath()).stream()
                .collect(Collectors.toMap(OrgUnit::id, OrgUnit::name, (a, b) -> a));
        return jdbc.sql(
                        """
                select w.rule_code, w.org_id, to_char(w.raised_at at time zone :zone, 'YYYY-MM') as month,
                       count(*), count(*) filter (where w.outcome = 'CONFIRMED'),
                       count(*) filter (where w.outcome = 'EXCLUDED'), count(*) filter (where w.state = 'CLOSED'),
                       count(*) filter (where w.state <> 'CLOSED' and w.due_on < :today),
                       coalesce(sum(w.amount_at_risk), 0), coalesce(sum(w.amount_to_recover), 0)
                from comparison_warning w
                where w.org_path like :org and w.raised_at >= :from and w.raised_at < :to
                group by 1, 2, 3 order by 3, 1, 2 limit :limit""")
                .param("zone", time.zone().getId())
                .param("today", time.today())
                .param("org", access.scope().orgPattern())
                .param("from", time.startOf(start.atDay(1)))
                .param("to", time.startOf(end.plusMonths(1).atDay(1)))
                .param("limit", MAX_ROWS)
                .query((rs, n) -> new Line(
                        rs.getString(1),
                        labels.rule(rs.getString(1), locale),
                        rs.getLong(2),
                        units.getOrDefault(rs.getLong(2), ""),
                        rs.getString(3),
                        rs.getLong(4),
                        rs.getLong(5),
                        rs.getLong(6),
                        rs.getLong(7),
                        rs.getLong(8),
                        rs.getBigDecimal(9),
                        rs.getBigDecimal(10)))
                .list();
    }

    /** The lines as a register (Excel or PDF through the export door). */
    public Register register(List<Line> lines) {
        List<List<?>> rows = lines.stream()
                .map(l -> List.<Object>of(
                        l.ruleName(),
                        l.orgName(),
                        l.month(),
                        l.raised(),
                        l.confirmed(),
                        l.excluded(),
                        l.closed(),
                        l.overdue(),
                        l.amountAtRisk(),
                        l.amountToRecover()))
                .collect(Collectors.toList());
        return new Register("warning.statistics.title", COLUMNS, rows);
    }

    private static boolean blank(@Nullable String s) {
        return s == null || s.isBlank();
    }
}
