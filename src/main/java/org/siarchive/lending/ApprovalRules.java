package org.siarchive.lending;

import java.util.Optional;
import org.siarchive.lending.LoanRequests.Request;
import org.siarchive.lending.LoanRequests.RequestItem;
import org.siarchive.shared.Access;
import org.siarchive.shared.ConflictException;
import org.springframework.stereotype.Component;

/**
 * Who may decide the next step of a use request (ADR 0028): not the applicant; at step 2 not the first
 * approver and nobody below the first approver's organisation; nobody whose clearance is below the most
 * sensitive item. The one place of these rules, so that pages offer 同意/不同意 exactly when the decision
 * would be accepted.
 */
@Component
class ApprovalRules {

    private final LoanRequestRows rows;

    ApprovalRules(LoanRequestRows rows) {
        this.rows = rows;
    }

    /** Why {@code access} may not decide the next step of the request now, or empty when they may. */
    Optional<ConflictException> refusal(Request request, Access access) {
        String id = Long.toString(request.id());
        if (!request.status().decidable()) {
            return Optional.of(LoanRequestState.notPending(request.id()));
        }
        if (access.actor().name().equals(request.applicant())) {
            return Optional.of(new ConflictException("conflict.loanOwnRequest", id));
        }
        return secondStepRefusal(request, access).or(() -> clearanceRefusal(request, access));
    }

    /** At step 2: another approver, at the first approver's organisation or above it. */
    private Optional<ConflictException> secondStepRefusal(Request request, Access access) {
        var approvals = rows.approvals(request.id());
        if (approvals.isEmpty()) {
            return Optional.empty();
        }
        String id = Long.toString(request.id());
        var first = approvals.get(0);
        if (first.approver().equals(access.actor().name())) {
            return Optional.of(new ConflictException("conflict.loanSameApprover", id));
        }
        if (!first.approverOrgPath().startsWith(access.scope().orgPath())) {
            return Optional.of(new ConflictException("conflict.loanApproverLevel", id));
        }
        return Optional.empty();
    }

    private Optional<ConflictException> clearanceRefusal(Request request, Access access) {
        int maxLevel = rows.items(request.id()).stream()
                .mapToInt(RequestItem::securityLevel)
                .max()
                .orElse(1);
        if (access.scope().clearance() < maxLevel) {
            return Optional.of(new ConflictException("conflict.loanApproverClearance", Long.toString(request.id())));
        }
        return Optional.empty();
    }
}
