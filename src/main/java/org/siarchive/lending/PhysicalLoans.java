package org.siarchive.lending;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.jspecify.annotations.Nullable;
import org.siarchive.audit.AuditOperation;
import org.siarchive.audit.AuditTrail;
import org.siarchive.audit.AuditedObject;
import org.siarchive.catalog.ArchiveCodeLookup;
import org.siarchive.catalog.Catalog;
import org.siarchive.organisation.Organisations;
import org.siarchive.shared.Access;
import org.siarchive.shared.Actor;
import org.siarchive.shared.ConflictException;
import org.siarchive.shared.InvalidInputException;
import org.siarchive.shared.ReadableTime;
import org.siarchive.shared.Violation;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Physical loans of paper originals (实体借阅): lent by an archivist to a named borrower with a due date
 * (at most 90 days), extended at most twice with a reason, returned item by item (a loan is PARTIAL until
 * every original is back; damage is noted; each return publishes {@link LoanReturned}). Once a day every
 * loan due within three days or overdue gets a reminder entry; the console lists the overdue ones. Every
 * step is audited and written to the utilisation register with the loan.
 */
@Component
public class PhysicalLoans {

    static final int MAX_DAYS = 90;
    static final int MAX_EXTENSIONS = 2;
    static final Actor REMINDER = new Actor("loan-reminder", "127.0.0.1", "siarchive loan reminders");

    private final PhysicalLoanRows rows;
    private final Catalog catalog;
    private final ArchiveCodeLookup codes;
    private final Organisations organisations;
    private final AuditTrail audit;
    private final Utilisation register;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate tx;
    private final ReadableTime time;

    PhysicalLoans(
            PhysicalLoanRows rows,
            Catalog catalog,
            ArchiveCodeLookup codes,
            Organisations organisations,
            AuditTrail audit,
            Utilisation register,
            ApplicationEventPublisher events,
            TransactionTemplate tx,
            ReadableTime time) {
        this.rows = rows;
        this.catalog = catalog;
        this.codes = codes;
        this.organisations = organisations;
        this.audit = audit;
        this.register = register;
        this.events = events;
        this.tx = tx;
        this.time = time;
    }

    public record Loan(
            long id,
            String borrower,
            String borrowerUnit,
            String borrowerKind,
            String purpose,
            LocalDate dueDate,
            PhysicalLoanState status,
            int extensions,
            int reminders,
            String lentBy,
            OffsetDateTime lentAt,
            @Nullable OffsetDateTime returnedAt) {

        public boolean overdue(LocalDate today) {
            return status.open() && dueDate.isBefore(today);
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
            @Nullable LocalDate dueDate) {

        /** The form as entered, borrower, unit and purpose stripped. */
        NewLoan stripped() {
            return new NewLoan(
                    strip(borrower),
                    strip(borrowerUnit),
                    borrowerKind,
                    purposeCode,
                    strip(purpose),
                    archiveCodes,
                    dueDate);
        }

        private static String strip(@Nullable String s) {
            return s == null ? "" : s.strip();
        }

        /** What is wrong with the (stripped) form on {@code today}: every field at once. */
        List<Violation> violations(LocalDate today) {
            var v = new ArrayList<Violation>();
            if (borrower.isEmpty() || borrower.length() > 100) {
                v.add(Violation.of("borrower", borrower.isEmpty() ? "required" : "maxLength", 100));
            }
            if (borrowerUnit.isEmpty() || borrowerUnit.length() > 200) {
                v.add(Violation.of("borrowerUnit", borrowerUnit.isEmpty() ? "required" : "maxLength", 200));
            }
            if (!"PERSON".equals(borrowerKind) && !"UNIT".equals(borrowerKind)) {
                v.add(Violation.of("borrowerKind", "codeTable", borrowerKind));
            }
            if (!LoanRequests.PURPOSES.contains(purposeCode)) {
                v.add(Violation.of("purposeCode", "codeTable", purposeCode));
            }
            if (purpose.isEmpty() || purpose.length() > 500) {
                v.add(Violation.of("purpose", purpose.isEmpty() ? "required" : "maxLength", 500));
            }
            if (dueDate == null) {
                v.add(Violation.of("dueDate", "required"));
            } else if (!dueDate.isAfter(today) || dueDate.isAfter(today.plusDays(MAX_DAYS))) {
                v.add(Violation.of("dueDate", "range", today.plusDays(1), today.plusDays(MAX_DAYS)));
            }
            if (archiveCodes.isEmpty()) {
                v.add(Violation.of("archiveCodes", "required"));
            }
            return v;
        }
    }

    @Transactional
    public long lend(NewLoan form, Access access) {
        var l = form.stripped();
        var violations = l.violations(today());
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        var ids = codes.resolveOne(l.archiveCodes(), access.scope(), "archiveCodes");
        rows.firstOnLoan(ids).ifPresent(code -> {
            throw new ConflictException("conflict.originalOnLoan", code);
        });
        long id = rows.insert(l, access.actor().name(), lendingOrganisation(access));
        for (var item : catalog.items(ids)) {
            rows.insertItem(id, item);
            // the register names the borrower and the purpose as typed; the archivist is its recorded_by
            var use = new Utilisation.Use(l.borrower(), l.borrowerUnit(), l.purposeCode(), l.purpose());
            register.record("PHYSICAL", null, id, item.id(), item.archiveCode(), use, access);
        }
        audit.record(
                access.actor(),
                AuditedObject.PHYSICAL_LOAN,
                Long.toString(id),
                AuditOperation.LEND,
                l.purpose(),
                LendingAuditDetails.lent(l, ids.size()));
        return id;
    }

    /** A loan belongs to the lender's organisation; the platform's own callers lend in the root. */
    private String lendingOrganisation(Access access) {
        String path = access.scope().orgPath();
        return path.equals("/") ? organisations.root().path() : path;
    }

    @Transactional
    public void extend(long id, @Nullable LocalDate newDue, String reason, Access access) {
        var loan = lock(id, access);
        loan.status().extend(id);
        if (loan.extensions() >= MAX_EXTENSIONS) {
            throw new ConflictException("conflict.loanExtensions", Long.toString(MAX_EXTENSIONS));
        }
        String r = reason == null ? "" : reason.strip();
        var v = new ArrayList<Violation>();
        LocalDate today = today();
        if (newDue == null || !newDue.isAfter(loan.dueDate()) || newDue.isAfter(today.plusDays(MAX_DAYS))) {
            v.add(Violation.of("dueDate", "range", loan.dueDate().plusDays(1), today.plusDays(MAX_DAYS)));
        }
        if (r.isEmpty() || r.length() > 500) {
            v.add(Violation.of("reason", r.isEmpty() ? "required" : "maxLength", 500));
        }
        if (!v.isEmpty()) {
            throw new InvalidInputException(v);
        }
        rows.extend(id, newDue);
        rows.event(id, "EXTEND", LoanEventText.extended(loan.dueDate(), newDue, r), access.actor());
        audit.record(
                access.actor(),
                AuditedObject.PHYSICAL_LOAN,
                Long.toString(id),
                AuditOperation.EXTEND,
                r,
                loan.dueDate() + " → " + newDue);
    }

    /** Returns the named originals (all when none are named); damage is noted per return. */
    @Transactional
    public Loan giveBack(long id, List<String> archiveCodes, boolean damaged, Access access) {
        var loan = lock(id, access);
        loan.status().requireOpen(id);
        int n = rows.returnItems(id, ReturnedCodes.named(rows.items(id), archiveCodes), damaged);
        if (n == 0) {
            throw new InvalidInputException(Violation.of("archiveCodes", "notOnLoan"));
        }
        long open = rows.stillOut(id);
        var changed = rows.moveTo(id, loan.status().returnBy(open, id));
        String detail = n + " returned" + (damaged ? ", damaged" : "") + (open == 0 ? "" : ", " + open + " still out");
        rows.event(id, "RETURN", LoanEventText.returned(n, damaged, open), access.actor());
        audit.record(
                access.actor(),
                AuditedObject.PHYSICAL_LOAN,
                Long.toString(id),
                AuditOperation.RETURN,
                null,
                LendingAuditDetails.returned(n, damaged, open));
        events.publishEvent(new LoanReturned(
                id, loan.borrower(), loan.borrowerUnit(), n, open, damaged, changed.orgPath(), changed.at()));
        return loan(id, access);
    }

    @Scheduled(cron = "${siarchive.lending.reminder-cron:0 0 8 * * *}")
    @SchedulerLock(name = "lending-reminders", lockAtMostFor = "PT1H", lockAtLeastFor = "PT5M")
    void scheduledReminders() { // once a day in the cluster; a skipped locked call could not return an int
        remind();
    }

    public int remind() { // a reminder entry for every open loan due within three days or overdue
        LocalDate today = today();
        var due = rows.dueBy(today.plusDays(3));
        for (var loan : due) {
            tx.executeWithoutResult(s -> {
                rows.remindOf(loan.id());
                String detail = loan.overdue(today) ? "overdue since " + loan.dueDate() : "due " + loan.dueDate();
                rows.event(loan.id(), "REMIND", LoanEventText.reminded(loan.overdue(today), loan.dueDate()), REMINDER);
                audit.record(
                        REMINDER,
                        AuditedObject.PHYSICAL_LOAN,
                        Long.toString(loan.id()),
                        AuditOperation.REMIND,
                        null,
                        LendingAuditDetails.reminded(loan.overdue(today), loan.dueDate()));
            });
        }
        return due.size();
    }

    public List<Loan> open(Access access) {
        return rows.open(access.scope().orgPattern());
    }

    public List<Loan> overdue(Access access) {
        return rows.overdue(access.scope().orgPattern(), today());
    }

    /**
     * The one scope check of physical loans: a loan made within the caller's organisation subtree, else
     * 404 (the same answer as for an id that does not exist). Every read and change by id goes through here.
     */
    public Loan loan(long id, Access access) {
        return rows.visible(id, access.scope().orgPattern());
    }

    /** Unscoped: for this module, after {@link #loan(long, Access)}. */
    List<LoanItem> items(long id) {
        return rows.items(id);
    }

    /** Unscoped: for this module, after {@link #loan(long, Access)}. */
    List<LoanEvent> events(long id) {
        return rows.events(id);
    }

    private Loan lock(long id, Access access) {
        loan(id, access);
        return rows.lock(id);
    }

    private LocalDate today() {
        return time.date(catalog.now());
    }
}
