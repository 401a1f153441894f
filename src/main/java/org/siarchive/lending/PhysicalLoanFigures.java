package org.siarchive.lending;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * How many originals of an organisation subtree were out on physical loan at a moment, and how many of those past
 * their due date (issue 18, docs/adr/0088) — for statistics, which do not read lending's tables. Physical loans are
 * paper handed over a counter, a few thousand a year, not items of the catalogue: "now" reads only the loans not
 * yet returned (the partial index on open loans), a past moment the loans lent by then.
 */
@Component
public class PhysicalLoanFigures {

    private final JdbcClient jdbc;

    PhysicalLoanFigures(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Originals out at a moment, and of those, past their due date on that day. */
    public record Out(long originals, long overdue) {}

    /**
     * Originals lent by organisations whose path matches {@code orgPattern} ({@code /1/4/%}) and not returned at
     * {@code at}; overdue when due before {@code day} (the day of {@code at}, 北京时间).
     */
    public Out at(String orgPattern, OffsetDateTime at, LocalDate day, boolean now) {
        return jdbc.sql(
                        """
                select count(*) as out, count(*) filter (where l.due_date < :day) as overdue
                  from physical_loan l join physical_loan_item i on i.loan_id = l.id
                 where l.org_path like :org and l.lent_at <= :at
                   and (i.returned_at is null or i.returned_at > :at)
                   and (not :now or l.status <> 'RETURNED')
                """)
                .param("org", orgPattern)
                .param("at", at)
                .param("day", day)
                .param("now", now)
                .query((rs, n) -> new Out(rs.getLong("out"), rs.getLong("overdue")))
                .single();
    }
}
