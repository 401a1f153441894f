package org.siarchive.lending;

import java.util.List;
import org.siarchive.lending.LoanRequests.Approval;
import org.siarchive.lending.LoanRequests.Request;
import org.siarchive.organisation.OrgUnit;
import org.siarchive.organisation.Organisations;
import org.springframework.stereotype.Component;

/**
 * Where a use request stands, as pages say it (issue 14): which step of how many (第 1 步/共 2 步) and who
 * must act next — any approver for step 1, another approver at the first approver's organisation or above
 * it for step 2 (the rule of {@link ApprovalRules}) — or how it ended. Labels are message keys.
 */
@Component
class RequestSteps {

    /** The step shown, of how many, and the message key (with its one argument) saying who acts next. */
    record Progress(int step, int of, String nextKey, String nextArg) {}

    private final LoanRequestRows rows;
    private final Organisations organisations;

    RequestSteps(LoanRequestRows rows, Organisations organisations) {
        this.rows = rows;
        this.organisations = organisations;
    }

    Progress of(Request r) {
        return of(r, r.decidedSteps() == 0 ? List.of() : rows.approvals(r.id()));
    }

    Progress of(Request r, List<Approval> approvals) {
        return switch (r.status()) {
            case APPROVED -> new Progress(r.step(), r.stepsRequired(), "lending.next.done", "");
            case REJECTED -> new Progress(r.step(), r.stepsRequired(), "lending.next.rejected", "");
            case WITHDRAWN -> new Progress(r.step(), r.stepsRequired(), "lending.next.withdrawn", "");
            case PENDING -> pending(r, approvals);
        };
    }

    private Progress pending(Request r, List<Approval> approvals) {
        if (approvals.isEmpty()) {
            return new Progress(1, r.stepsRequired(), "lending.next.first", "");
        }
        String orgPath = approvals.get(0).approverOrgPath();
        return organisations
                .byPath(orgPath)
                .map(OrgUnit::name)
                .map(org -> new Progress(approvals.size() + 1, r.stepsRequired(), "lending.next.second", org))
                .orElseGet(() -> new Progress(approvals.size() + 1, r.stepsRequired(), "lending.next.secondAny", ""));
    }
}
