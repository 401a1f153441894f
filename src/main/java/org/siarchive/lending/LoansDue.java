package org.siarchive.lending;

import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Open physical loans due by a day, across every organisation, for the platform's own daily jobs (issue 18: the
 * notification sweep tells the lender and the unit's lending managers). Never for a page: pages read loans through
 * {@link PhysicalLoans} with the caller's scope.
 */
@Component
public class LoansDue {

    /** Longest list one sweep reads. */
    public static final int MAX = 10_000;

    /** An open loan: who lent it, in which organisation, due when. */
    public record DueLoan(long id, String lentBy, String orgPath, LocalDate dueDate) {}

    private final JdbcClient jdbc;

    LoansDue(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Open loans due on or before {@code day}, the earliest first, at most {@link #MAX}. */
    public List<DueLoan> by(LocalDate day) {
        return jdbc.sql(
                        """
                        select id, lent_by, org_path, due_date from physical_loan
                        where status <> :returned and due_date <= :d order by due_date, id limit :max""")
                .param("returned", PhysicalLoanState.RETURNED.name())
                .param("d", day)
                .param("max", MAX)
                .query(DueLoan.class)
                .list();
    }
}
