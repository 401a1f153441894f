package org.siarchive.lending;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.siarchive.shared.Access;
import org.siarchive.shared.ReadableTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The SQL of the two registers archive staff keep on paper (issue 14): 利用登记 (one line per use, with the
 * request's period and approvers or the loan's due and return) and 实体借阅 (one line per original lent).
 * Both are bounded and within the caller's data scope (ADR 0031).
 */
@Component
class LendingRegisterRows {

    /** A use with what its request or loan adds. */
    record UseLine(
            OffsetDateTime at,
            String kind,
            UUID itemId,
            String archiveCode,
            String userName,
            @Nullable String borrowerUnit,
            @Nullable String orgPath,
            String purposeCode,
            @Nullable String purpose,
            @Nullable Long requestId,
            @Nullable Long loanId,
            @Nullable Integer periodDays,
            @Nullable LocalDate dueDate,
            @Nullable String approvers,
            @Nullable OffsetDateTime returnedAt,
            boolean damaged) {}

    /** An original lent. */
    record LoanLine(
            long loanId,
            OffsetDateTime lentAt,
            UUID itemId,
            String archiveCode,
            String borrower,
            String borrowerUnit,
            LocalDate dueDate,
            @Nullable OffsetDateTime returnedAt,
            boolean damaged) {}

    /** Which originals the 实体借阅 register lists. */
    enum LoanFilter {
        ALL,
        OUT,
        OVERDUE,
        RETURNED
    }

    private final JdbcClient jdbc;
    private final ReadableTime time;

    LendingRegisterRows(JdbcClient jdbc, ReadableTime time) {
        this.jdbc = jdbc;
        this.time = time;
    }

    List<UseLine> uses(LocalDate from, LocalDate to, int limit, Access access) {
        return jdbc.sql(
                        """
                select u.at, u.kind, u.item_id, u.archive_code, u.user_name, u.borrower_unit, u.org_path,
                       u.purpose_code, u.purpose, u.request_id, u.loan_id, r.period_days, l.due_date,
                       (select string_agg(a.approver, '、' order by a.step) from loan_approval a
                         where a.request_id = u.request_id and a.decision = 'APPROVE') as approvers,
                       li.returned_at, coalesce(li.damaged, false) as damaged
                from utilisation u
                left join loan_request r on r.id = u.request_id
                left join physical_loan l on l.id = u.loan_id
                left join physical_loan_item li on li.loan_id = u.loan_id and li.item_id = u.item_id
                where u.at >= :from and u.at < :to and u.org_path like :scopeOrg
                order by u.id desc limit :n
                """)
                .param("scopeOrg", access.scope().orgPattern())
                .param("from", time.startOf(from))
                .param("to", time.startOf(to.plusDays(1)))
                .param("n", limit)
                .query(UseLine.class)
                .list();
    }

    List<LoanLine> loans(LocalDate from, LocalDate to, LoanFilter filter, int limit, Access access) {
        return jdbc.sql(
                        """
                select l.id as loan_id, l.lent_at, i.item_id, i.archive_code, l.borrower, l.borrower_unit,
                       l.due_date, i.returned_at, i.damaged
                from physical_loan_item i join physical_loan l on l.id = i.loan_id
                where l.lent_at >= :from and l.lent_at < :to and l.org_path like :scopeOrg
                  and (:f = 'ALL' or (:f = 'OUT' and i.returned_at is null)
                       or (:f = 'OVERDUE' and i.returned_at is null and l.due_date < :today)
                       or (:f = 'RETURNED' and i.returned_at is not null))
                order by l.lent_at desc, l.id desc, i.archive_code limit :n
                """)
                .param("scopeOrg", access.scope().orgPattern())
                .param("from", time.startOf(from))
                .param("to", time.startOf(to.plusDays(1)))
                .param("f", filter.name())
                .param("today", time.today())
                .param("n", limit)
                .query(LoanLine.class)
                .list();
    }
}
