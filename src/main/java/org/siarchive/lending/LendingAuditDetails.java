package org.siarchive.lending;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.siarchive.audit.AuditDetail;

/** The details of lending's audit entries, keyed so that the auditor reads them in Chinese (docs/adr/0050). */
final class LendingAuditDetails {

    private LendingAuditDetails() {}

    static String requested(LoanRequests.NewRequest r, int items, int steps) {
        var rights = new ArrayList<String>(List.of("lending.view"));
        if (r.download()) {
            rights.add("lending.download");
        }
        if (r.print()) {
            rights.add("lending.print");
        }
        return AuditDetail.of(
                        "audit.detail.loanRequested",
                        AuditDetail.label("lending.purpose." + r.purposeCode()),
                        items,
                        r.periodDays(),
                        AuditDetail.labels(rights),
                        steps)
                .encoded();
    }

    static String decided(int step, int steps, LoanRequestState next) {
        return AuditDetail.of("audit.detail.loanStep", step, steps, AuditDetail.label("lending.status." + next.name()))
                .encoded();
    }

    static String state(LoanRequestState s) {
        return AuditDetail.of("audit.detail.loanState", AuditDetail.label("lending.status." + s.name()))
                .encoded();
    }

    static String lent(PhysicalLoans.NewLoan l, int originals) {
        return AuditDetail.of(
                        "audit.detail.physicalLend",
                        l.borrower(),
                        l.borrowerUnit(),
                        AuditDetail.label("lending.purpose." + l.purposeCode()),
                        originals,
                        l.dueDate())
                .encoded();
    }

    static String returned(int n, boolean damaged, long stillOut) {
        String state = damaged ? "audit.detail.damaged" : "audit.detail.intact";
        return AuditDetail.of("audit.detail.returned", n, AuditDetail.label(state), stillOut)
                .encoded();
    }

    static String reminded(boolean overdue, LocalDate due) {
        return AuditDetail.of(overdue ? "audit.detail.overdue" : "audit.detail.due", due)
                .encoded();
    }
}
