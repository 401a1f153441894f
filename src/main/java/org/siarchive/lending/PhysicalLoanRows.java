package org.siarchive.lending;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.siarchive.catalog.ItemRecord;
import org.siarchive.lending.PhysicalLoans.Loan;
import org.siarchive.lending.PhysicalLoans.LoanEvent;
import org.siarchive.lending.PhysicalLoans.LoanItem;
import org.siarchive.lending.PhysicalLoans.NewLoan;
import org.siarchive.shared.Actor;
import org.siarchive.shared.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The SQL of physical loans: {@code physical_loan}, its originals and its events. States are bound by their
 * enum name; {@link #visible} is the one scope check (ADR 0031), the other reads by id are unscoped.
 */
@Component
class PhysicalLoanRows {

    private final JdbcClient jdbc;

    PhysicalLoanRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The 档号 of one of these originals that is out on another loan, if any. */
    Optional<String> firstOnLoan(List<UUID> itemIds) {
        return jdbc.sql(
                        """
                select archive_code from physical_loan_item i join physical_loan l on l.id = i.loan_id
                where i.item_id = any(:ids) and i.returned_at is null limit 1
                """)
                .param("ids", itemIds.toArray(UUID[]::new))
                .query(String.class)
                .optional();
    }

    long insert(NewLoan l, String lentBy, String orgPath) {
        return jdbc.sql(
                        """
                insert into physical_loan (borrower, borrower_unit, borrower_kind, purpose_code, purpose, due_date,
                    status, lent_by, org_path)
                values (:b, :u, :k, :pc, :p, :d, :st, :by, :org) returning id
                """)
                .param("b", l.borrower())
                .param("u", l.borrowerUnit())
                .param("k", l.borrowerKind())
                .param("pc", l.purposeCode())
                .param("p", l.purpose())
                .param("d", l.dueDate())
                .param("st", PhysicalLoanState.OUT.name())
                .param("by", lentBy)
                .param("org", orgPath)
                .query(Long.class)
                .single();
    }

    void insertItem(long loanId, ItemRecord item) {
        jdbc.sql("insert into physical_loan_item (loan_id, item_id, archive_code) values (:l, :i, :c)")
                .param("l", loanId)
                .param("i", item.id())
                .param("c", item.archiveCode())
                .update();
    }

    void extend(long loanId, LocalDate newDue) {
        jdbc.sql("update physical_loan set due_date = :d, extensions = extensions + 1 where id = :id")
                .param("d", newDue)
                .param("id", loanId)
                .update();
    }

    /** Marks the named originals (all when none are named) back; how many were still out. */
    int returnItems(long loanId, List<String> archiveCodes, boolean damaged) {
        return jdbc.sql(
                        """
                update physical_loan_item set returned_at = now(), damaged = :dmg
                where loan_id = :l and returned_at is null and (:all or archive_code = any(:codes))
                """)
                .param("dmg", damaged)
                .param("l", loanId)
                .param("all", archiveCodes.isEmpty())
                .param("codes", archiveCodes.toArray(String[]::new))
                .update();
    }

    long stillOut(long loanId) {
        return jdbc.sql("select count(*) from physical_loan_item where loan_id = :l and returned_at is null")
                .param("l", loanId)
                .query(Long.class)
                .single();
    }

    /** The lending organisation and the time of a state change after a return. */
    record Changed(String orgPath, OffsetDateTime at) {}

    Changed moveTo(long loanId, PhysicalLoanState state) {
        return jdbc.sql(
                        """
                update physical_loan set status = :s, returned_at = case when :returned then now() end where id = :id
                returning org_path, now() as at
                """)
                .param("s", state.name())
                .param("returned", state == PhysicalLoanState.RETURNED)
                .param("id", loanId)
                .query(Changed.class)
                .single();
    }

    void remindOf(long loanId) {
        jdbc.sql("update physical_loan set reminders = reminders + 1 where id = :id")
                .param("id", loanId)
                .update();
    }

    void event(long loanId, String kind, String detail, Actor actor) {
        jdbc.sql("insert into physical_loan_event (loan_id, kind, detail, actor) values (:l, :k, :d, :a)")
                .param("l", loanId)
                .param("k", kind)
                .param("d", detail.length() > 500 ? detail.substring(0, 500) : detail)
                .param("a", actor.name())
                .update();
    }

    /** Open loans due on or before {@code day} (every organisation: for the reminder job). */
    List<Loan> dueBy(LocalDate day) {
        return jdbc.sql(SELECT + " where status <> :returned and due_date <= :d order by due_date")
                .param("returned", PhysicalLoanState.RETURNED.name())
                .param("d", day)
                .query(Loan.class)
                .list();
    }

    /** Open loans within the scope pattern. */
    List<Loan> open(String scopeOrg) {
        return jdbc.sql(SELECT + " where status <> :returned and " + IN_SCOPE + " order by due_date, id")
                .param("returned", PhysicalLoanState.RETURNED.name())
                .param("scopeOrg", scopeOrg)
                .query(Loan.class)
                .list();
    }

    /** Open loans within the scope pattern due before {@code today}. */
    List<Loan> overdue(String scopeOrg, LocalDate today) {
        return jdbc.sql(SELECT + " where status <> :returned and due_date < :d and " + IN_SCOPE
                        + " order by due_date, id")
                .param("returned", PhysicalLoanState.RETURNED.name())
                .param("d", today)
                .param("scopeOrg", scopeOrg)
                .query(Loan.class)
                .list();
    }

    Loan visible(long id, String scopeOrg) {
        return jdbc.sql(SELECT + " where id = :id and " + IN_SCOPE)
                .param("id", id)
                .param("scopeOrg", scopeOrg)
                .query(Loan.class)
                .optional()
                .orElseThrow(() -> new NotFoundException("PHYSICAL_LOAN", Long.toString(id)));
    }

    Loan lock(long id) {
        return jdbc.sql(SELECT + " where id = :id for update")
                .param("id", id)
                .query(Loan.class)
                .single();
    }

    List<LoanItem> items(long id) {
        return jdbc.sql(
                        "select item_id, archive_code, returned_at, damaged from physical_loan_item where loan_id = :l order by archive_code")
                .param("l", id)
                .query(LoanItem.class)
                .list();
    }

    List<LoanEvent> events(long id) {
        return jdbc.sql("select kind, detail, actor, at from physical_loan_event where loan_id = :l order by id")
                .param("l", id)
                .query(LoanEvent.class)
                .list();
    }

    /** Data scope of a physical loan (ADR 0031): lent within the caller's organisation subtree. */
    private static final String IN_SCOPE = "org_path like :scopeOrg";

    private static final String SELECT =
            """
            select id, borrower, borrower_unit, borrower_kind, purpose, due_date, status, extensions, reminders,
                   lent_by, lent_at, returned_at
            from physical_loan
            """;
}
