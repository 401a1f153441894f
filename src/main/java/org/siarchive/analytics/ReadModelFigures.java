package org.siarchive.analytics;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import org.siarchive.lending.PhysicalLoanFigures;
import org.siarchive.shared.InvalidInputException;
import org.siarchive.shared.ReadableTime;
import org.siarchive.shared.Violation;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The one {@link UnitFigures}: filing figures from {@code filing_item} (exact for any period), scan, loan and OCR
 * figures from the daily activity read model, fixity from {@code fixity_day}, and the originals out from lending's
 * {@link PhysicalLoanFigures} (docs/adr/0088). The dashboards read the same tables, so a KPI and a dashboard figure
 * of the same name are the same number.
 */
@Component
class ReadModelFigures implements UnitFigures {

    private final JdbcClient jdbc;
    private final PhysicalLoanFigures loans;
    private final ReadableTime time;
    private final int withinDays;

    ReadModelFigures(JdbcClient jdbc, PhysicalLoanFigures loans, ReadableTime time, FilingDays days) {
        this.jdbc = jdbc;
        this.loans = loans;
        this.time = time;
        this.withinDays = days.configured();
    }

    @Override
    public Figures of(String orgPath, LocalDate from, LocalDate to) {
        requirePeriod(from, to);
        String org = pattern(orgPath);
        var filing = filing(org, from, to);
        var activity = activity(org, from, to);
        var fixity = fixity(org, from, to);
        LocalDate today = time.today();
        boolean now = !to.isBefore(today);
        OffsetDateTime end = now ? time.now().toOffsetDateTime() : time.startOf(to.plusDays(1));
        var out = loans.at(org, end, now ? today : to.plusDays(1), now);
        long decided = activity.approved() + activity.refused();
        return new Figures(
                new Ratio(filing.complete(), filing.items()),
                new Ratio(filing.within(), filing.items()),
                withinDays,
                filing.items() == 0 ? 0 : (double) filing.days() / filing.items(),
                new Ratio(filing.uncorrected(), filing.items()),
                new Ratio(activity.scanAccepted(), activity.scanAccepted() + activity.scanRejected()),
                new Ratio(fixity.passed(), fixity.passed() + fixity.failed()),
                decided,
                decided == 0 ? 0 : activity.decisionSeconds() / 3600.0 / decided,
                out.originals(),
                out.overdue());
    }

    /** A period of at most {@link Activity#MAX_DAYS} days, in order; a 422 naming {@code to} otherwise. */
    static void requirePeriod(LocalDate from, LocalDate to) {
        long length = ChronoUnit.DAYS.between(from, to) + 1;
        if (length < 1 || length > Activity.MAX_DAYS) {
            throw new InvalidInputException(Violation.of("to", "period", Activity.MAX_DAYS));
        }
    }

    /** The LIKE pattern of an organisation subtree: its path, closed by a slash, then anything. */
    static String pattern(String orgPath) {
        String path = orgPath.endsWith("/") ? orgPath : orgPath + "/";
        if (!path.matches("/([0-9A-Za-z_-]+/)*")) {
            throw new InvalidInputException(Violation.of("orgId", "format"));
        }
        return path + "%";
    }

    private record Filing(long items, long complete, long within, long days, long uncorrected) {

        Filing plus(Filing o) {
            return new Filing(
                    items + o.items,
                    complete + o.complete,
                    within + o.within,
                    days + o.days,
                    uncorrected + o.uncorrected);
        }
    }

    /**
     * Whole months of the period from {@code filing_month} (a few rows per unit and step), the days before the first
     * and after the last whole month from {@code filing_item} — the same counts as reading every item.
     */
    private Filing filing(String org, LocalDate from, LocalDate to) {
        LocalDate firstWhole =
                from.getDayOfMonth() == 1 ? from : from.withDayOfMonth(1).plusMonths(1);
        LocalDate lastWhole = to.equals(to.withDayOfMonth(to.lengthOfMonth()))
                ? to.withDayOfMonth(1)
                : to.withDayOfMonth(1).minusMonths(1);
        if (firstWhole.isAfter(lastWhole)) {
            return items(org, from, to);
        }
        return items(org, from, firstWhole.minusDays(1))
                .plus(months(org, firstWhole, lastWhole))
                .plus(items(org, lastWhole.plusMonths(1), to));
    }

    private Filing months(String org, LocalDate firstMonth, LocalDate lastMonth) {
        return jdbc.sql("select coalesce(sum(items), 0), coalesce(sum(complete), 0), coalesce(sum(hist["
                        + (withinDays + 1) + "]), 0), coalesce(sum(days_total), 0), coalesce(sum(items - corrected), 0)"
                        + " from filing_month where org_path like :org and month between :from and :to")
                .param("org", org)
                .param("from", firstMonth)
                .param("to", lastMonth)
                .query((rs, n) -> new Filing(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5)))
                .single();
    }

    private Filing items(String org, LocalDate from, LocalDate to) {
        if (from.isAfter(to)) {
            return new Filing(0, 0, 0, 0, 0);
        }
        return jdbc.sql(
                        """
                select count(*), count(*) filter (where complete), count(*) filter (where days_to_file <= :n),
                       coalesce(sum(days_to_file), 0), count(*) filter (where not corrected)
                  from filing_item where org_path like :org and day between :from and :to
                """)
                .param("n", withinDays)
                .param("org", org)
                .param("from", from)
                .param("to", to)
                .query((rs, n) -> new Filing(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5)))
                .single();
    }

    private record Acts(long scanAccepted, long scanRejected, long approved, long refused, long decisionSeconds) {}

    private Acts activity(String org, LocalDate from, LocalDate to) {
        return jdbc.sql(
                        """
                select coalesce(sum(amount) filter (where activity = 'SCAN_BATCH_ACCEPTED'), 0),
                       coalesce(sum(amount) filter (where activity = 'SCAN_BATCH_REJECTED'), 0),
                       coalesce(sum(count) filter (where activity = 'LOAN_APPROVED'), 0),
                       coalesce(sum(count) filter (where activity = 'LOAN_REFUSED'), 0),
                       coalesce(sum(amount) filter (where activity in ('LOAN_APPROVED', 'LOAN_REFUSED')), 0)
                  from activity_day where org_path like :org and day between :from and :to
                """)
                .param("org", org)
                .param("from", from)
                .param("to", to)
                .query((rs, n) -> new Acts(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5)))
                .single();
    }

    private record Fixity(long passed, long failed) {}

    private Fixity fixity(String org, LocalDate from, LocalDate to) {
        return jdbc.sql(
                        """
                select coalesce(sum(passed), 0), coalesce(sum(failed), 0)
                  from fixity_day where org_path like :org and day between :from and :to
                """)
                .param("org", org)
                .param("from", from)
                .param("to", to)
                .query((rs, n) -> new Fixity(rs.getLong(1), rs.getLong(2)))
                .single();
    }
}
