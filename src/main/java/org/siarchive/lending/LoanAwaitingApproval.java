package org.siarchive.lending;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A use request waits for an approver's decision (issue 18): published in the transaction that made it wait —
 * when it is requested (step 1) and when its first approval leaves a second step to decide (step 2). The approvers
 * who could decide it are told: within the applicant's organisation, cleared for {@code maxSecurityLevel}, not the
 * applicant, and at step 2 another approver at the first approver's organisation or above it (ADR 0028).
 *
 * @param applicant the applicant's account name
 * @param orgPath the applicant's organisation (materialised path)
 * @param firstApprover at step 2, who approved step 1; null at step 1
 * @param firstApproverOrgPath at step 2, that approver's organisation; null at step 1
 */
public record LoanAwaitingApproval(
        long requestId,
        String applicant,
        String orgPath,
        int step,
        int stepsRequired,
        int maxSecurityLevel,
        @Nullable String firstApprover,
        @Nullable String firstApproverOrgPath) {

    /** The event of a pending request, its items and the approvals so far. */
    static LoanAwaitingApproval of(
            LoanRequests.Request r, List<LoanRequests.RequestItem> items, List<LoanRequests.Approval> approvals) {
        int level = items.stream()
                .mapToInt(LoanRequests.RequestItem::securityLevel)
                .max()
                .orElse(1);
        var first = approvals.isEmpty() ? null : approvals.get(0);
        return new LoanAwaitingApproval(
                r.id(),
                r.applicant(),
                r.applicantOrgPath(),
                approvals.size() + 1,
                r.stepsRequired(),
                level,
                first == null ? null : first.approver(),
                first == null ? null : first.approverOrgPath());
    }
}
