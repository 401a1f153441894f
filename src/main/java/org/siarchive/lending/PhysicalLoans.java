package org.siarchive.lending;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.siarchive.audit.AuditTrail;
import org.siarchive.catalog.Catalog;
import org.siarchive.shared.Access;
import org.siarchive.shared.Actor;
import org.siarchive.shared.ConflictException;
import org.siarchive.shared.InvalidInputException;
import org.siarchive.shared.NotFoundException;
import org.siarchive.shared.ReadableTime;
import org.siarchive.shared.Violation;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Physical loans of paper originals (实体借阅): lent by an archivist to a named borrower with a due date
 * (at most 90 days), extended at most twice with a reason, returned item by item (a loan is PARTIAL until
 * every original is back; damage is noted). Once a day every loan due within three days or overdue gets a
 * reminder entry; the console lists the overdue ones. Every step is audited and written to the
 * utilisation register with the loan.
 */
@Component
public class PhysicalLoans {

    static final int MAX_DAYS = 90;
    static final int MAX_EXTENSIONS = 2;
    static final Actor REMINDER = new Actor("loan-reminder", "127.0.0.1", "siarchive loan reminders");

    private final JdbcClient jdbc;
    private final Catalog catalog;
    private final AuditTrail audit;
    private final Utilisation register;
    private final TransactionTemplate tx;

    private final ReadableTime time;

    PhysicalLoans(
            JdbcClient jdbc,
            Catalog catalog,
            AuditTrail audit,
            Utilisation register,
            TransactionTemplate tx,
            ReadableTime time) {
        this.time = time;
        this.jdbc = jdbc;
        this.catalog = catalog;
        this.audit = audit;
        this.register = register;
        this.tx = tx;
    }

    public record Loan(
            long id,
            String borrower,
            String borrowerUnit,
            String borrowerKind,
            String purpose,
            LocalDate dueDate,
            String status,
            int extensions,
            int reminders,
            String lentBy,
            OffsetDateTime lentAt,
            @Nullable OffsetDateTime returnedAt) {

        public boolean overdue(LocalDate today) {
            return !status.equals("RETURNED") && dueDate.isBefore(today);
        }
    }

    public record LoanItem(UUID itemId, String archiveCode, @Nullable OffsetDateTime returnedAt, boolean damaged) {}

    public record LoanEvent(String kind, @Nullable String detail, String actor, OffsetDateTime at) {}

    public record NewLoan(
            String borrower,
            String borrowerUnit,
            String borrowerKind,
            String purposeCode,
            String purpose,
            List<String> archiveCodes,
            @Nullable LocalDate dueDate) {}

    @Transactional
    public long lend(NewLoan l, Access access) {
        var v = new ArrayList<Violation>();
        String borrower = l.borrower() == null ? "" : l.borrower().strip();
        String unit = l.borrowerUnit() == null ? "" : l.borrowerUnit().strip();
        String purpose = l.purpose() == null ? "" : l.purpose().strip();
        if (borrower.isEmpty() || borrower.length() > 100) {
            v.add(Violation.of("borrower", borrower.isEmpty() ? "required" : "maxLength", 100));
        }
        if (unit.isEmpty() || unit.length() > 200) {
            v.add(Violation.of("borrowerUnit", unit.isEmpty() ? "required" : "maxLength", 200));
        }
        if (!"PERSON".equals(l.borrowerKind()) && !"UNIT".equals(l.borrowerKind())) {
            v.add(Violation.of("borrowerKind", "codeTable", l.borrowerKind()));
        }
        if (!LoanRequests.PURPOSES.contains(l.purposeCode())) {
            v.add(Violation.of("purposeCode", "codeTable", l.purposeCode()));
        }
        if (purpose.isEmpty() || purpose.length() > 500) {
            v.add(Violation.of("purpose", purpose.isEmpty() ? "required" : "maxLength", 500));
        }
        LocalDate today = time.date(catalog.now());
        if (l.dueDate() == null) {
            v.add(Violation.of("dueDate", "required"));
        } else if (!l.dueDate().isAfter(today) || l.dueDate().isAfter(today.plusDays(MAX_DAYS))) {
            v.add(Violation.of("dueDate", "range", today.plusDays(1), today.plusDays(MAX_DAYS)));
        }
        if (l.archiveCodes().isEmpty()) {
            v.add(Violation.of("archiveCodes", "required"));
        }
        if (!v.isEmpty()) {
            throw new InvalidInputException(v);
        }
        var ids = catalog.itemIdsByArchiveCodes(l.archiveCodes(), access.scope(), "archiveCodes");
        var out = jdbc.sql(
                        """
                select archive_code from physical_loan_item i join physical_loan l on l.id = i.loan_id
                where i.item_id = any(:ids) and i.returned_at is null limit 1
                """)
                .param("ids", ids.toArray(UUID[]::new))
                .query(String.class)
                .optional();
        if (out.isPresent()) {
            throw new ConflictException("conflict.originalOnLoan", out.get());
        }
        long id = jdbc.sql(
                        """
                insert into physical_loan (borrower, borrower_unit, borrower_kind, purpose_code, purpose, due_date,
                    status, lent_by, org_path)
                values (:b, :u, :k, :pc, :p, :d, 'OUT', :by,
                    coalesce(nullif(:org, '/'), (select path from org_unit where parent_id is null))) returning id
                """)
                .param("b", borrower)
                .param("u", unit)
                .param("k", l.borrowerKind())
                .param("pc", l.purposeCode())
                .param("p", purpose)
                .param("d", l.dueDate())
                .param("by", access.actor().name())
                .param("org", access.scope().orgPath())
                .query(Long.class)
                .single();
        for (var item : catalog.items(ids)) {
            jdbc.sql("insert into physical_loan_item (loan_id, item_id, archive_code) values (:l, :i, :c)")
                    .param("l", id)
                    .param("i", item.id())
                    .param("c", item.archiveCode())
                    .update();
            // the register names the borrower and the purpose as typed; the archivist is its recorded_by
            register.record(
                    "PHYSICAL",
                    null,
                    id,
                    item.id(),
                    item.archiveCode(),
                    new Utilisation.Use(borrower, unit, l.purposeCode(), purpose),
                    access);
        }
        audit.record(
                access.actor(),
                "PHYSICAL_LOAN",
                Long.toString(id),
                "LEND",
                purpose,
                borrower + " (" + unit + "), " + l.purposeCode() + ", " + ids.size() + " originals, due "
                        + l.dueDate());
        return id;
    }

    @Transactional
    public void extend(long id, @Nullable LocalDate newDue, String reason, Access access) {
        var loan = lock(id, access);
        if (loan.status().equals("RETURNED")) {
            throw new ConflictException("conflict.loanReturned", Long.toString(id));
        }
        if (loan.extensions() >= MAX_EXTENSIONS) {
            throw new ConflictException("conflict.loanExtensions", Long.toString(MAX_EXTENSIONS));
        }
        String r = reason == null ? "" : reason.strip();
        if (r.isEmpty()) {
            throw new InvalidInputException(Violation.of("reason", "required"));
        }
        LocalDate today = time.date(catalog.now());
        if (newDue == null || !newDue.isAfter(loan.dueDate()) || newDue.isAfter(today.plusDays(MAX_DAYS))) {
            throw new InvalidInputException(
                    Violation.of("dueDate", "range", loan.dueDate().plusDays(1), today.plusDays(MAX_DAYS)));
        }
        jdbc.sql("update physical_loan set due_date = :d, extensions = extensions + 1 where id = :id")
                .param("d", newDue)
                .param("id", id)
                .update();
        event(id, "EXTEND", loan.dueDate() + " → " + newDue + ": " + r, access.actor());
        audit.record(access.actor(), "PHYSICAL_LOAN", Long.toString(id), "EXTEND", r, loan.dueDate() + " → " + newDue);
    }

    /** Returns the named originals (all when none are named); damage is noted per return. */
    @Transactional
    public Loan giveBack(long id, List<String> archiveCodes, boolean damaged, Access access) {
        var loan = lock(id, access);
        if (loan.status().equals("RETURNED")) {
            throw new ConflictException("conflict.loanReturned", Long.toString(id));
        }
        int n = jdbc.sql(
                        """
                update physical_loan_item set returned_at = now(), damaged = :dmg
                where loan_id = :l and returned_at is null and (:all or archive_code = any(:codes))
                """)
                .param("dmg", damaged)
                .param("l", id)
                .param("all", archiveCodes.isEmpty())
                .param("codes", archiveCodes.toArray(String[]::new))
                .update();
        if (n == 0) {
            throw new InvalidInputException(Violation.of("archiveCodes", "notOnLoan"));
        }
        long open = jdbc.sql("select count(*) from physical_loan_item where loan_id = :l and returned_at is null")
                .param("l", id)
                .query(Long.class)
                .single();
        jdbc.sql(
                        "update physical_loan set status = :s, returned_at = case when :s = 'RETURNED' then now() end where id = :id")
                .param("s", open == 0 ? "RETURNED" : "PARTIAL")
                .param("id", id)
                .update();
        String detail = n + " returned" + (damaged ? ", damaged" : "") + (open == 0 ? "" : ", " + open + " still out");
        event(id, "RETURN", detail, access.actor());
        audit.record(access.actor(), "PHYSICAL_LOAN", Long.toString(id), "RETURN", null, detail);
        return loan(id, access);
    }

    /** Once a day: a reminder entry for every open loan due within three days or overdue. */
    @Scheduled(cron = "${siarchive.lending.reminder-cron:0 0 8 * * *}")
    public int remind() {
        LocalDate today = time.date(catalog.now());
        var due = jdbc.sql(SELECT + " where status <> 'RETURNED' and due_date <= :d order by due_date")
                .param("d", today.plusDays(3))
                .query(Loan.class)
                .list();
        for (var loan : due) {
            tx.executeWithoutResult(s -> {
                jdbc.sql("update physical_loan set reminders = reminders + 1 where id = :id")
                        .param("id", loan.id())
                        .update();
                String detail = loan.overdue(today) ? "overdue since " + loan.dueDate() : "due " + loan.dueDate();
                event(loan.id(), "REMIND", detail, REMINDER);
                audit.record(REMINDER, "PHYSICAL_LOAN", Long.toString(loan.id()), "REMIND", null, detail);
            });
        }
        return due.size();
    }

    public List<Loan> open(Access access) {
        return jdbc.sql(SELECT + " where status <> 'RETURNED' and " + IN_SCOPE + " order by due_date, id")
                .param("scopeOrg", access.scope().orgPattern())
                .query(Loan.class)
                .list();
    }

    public List<Loan> overdue(Access access) {
        return jdbc.sql(SELECT + " where status <> 'RETURNED' and due_date < :d and " + IN_SCOPE
                        + " order by due_date, id")
                .param("d", time.date(catalog.now()))
                .param("scopeOrg", access.scope().orgPattern())
                .query(Loan.class)
                .list();
    }

    /**
     * The one scope check of physical loans: a loan made within the caller's organisation subtree, else
     * 404 (the same answer as for an id that does not exist). Every read and change by id goes through here.
     */
    public Loan loan(long id, Access access) {
        return jdbc.sql(SELECT + " where id = :id and " + IN_SCOPE)
                .param("id", id)
                .param("scopeOrg", access.scope().orgPattern())
                .query(Loan.class)
                .optional()
                .orElseThrow(() -> new NotFoundException("PHYSICAL_LOAN", Long.toString(id)));
    }

    /** Unscoped: for this module, after {@link #loan(long, Access)}. */
    List<LoanItem> items(long id) {
        return jdbc.sql(
                        "select item_id, archive_code, returned_at, damaged from physical_loan_item where loan_id = :l order by archive_code")
                .param("l", id)
                .query(LoanItem.class)
                .list();
    }

    /** Unscoped: for this module, after {@link #loan(long, Access)}. */
    List<LoanEvent> events(long id) {
        return jdbc.sql("select kind, detail, actor, at from physical_loan_event where loan_id = :l order by id")
                .param("l", id)
                .query(LoanEvent.class)
                .list();
    }

    private Loan lock(long id, Access access) {
        loan(id, access);
        return jdbc.sql(SELECT + " where id = :id for update")
                .param("id", id)
                .query(Loan.class)
                .single();
    }

    private void event(long id, String kind, String detail, Actor actor) {
        jdbc.sql("insert into physical_loan_event (loan_id, kind, detail, actor) values (:l, :k, :d, :a)")
                .param("l", id)
                .param("k", kind)
                .param("d", detail.length() > 500 ? detail.substring(0, 500) : detail)
                .param("a", actor.name())
                .update();
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
