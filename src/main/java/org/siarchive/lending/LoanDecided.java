package org.siarchive.lending;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * A use request was decided: its last required approval granted it, or a step refused it. Published in the
 * decision's transaction (issue 18, for the utilisation statistics: requests decided and time to decision).
 *
 * @param orgPath the applicant's organisation (materialised path)
 * @param decidedAt when its last decision was taken
 */
public record LoanDecided(
        long requestId, boolean approved, String orgPath, OffsetDateTime requestedAt, OffsetDateTime decidedAt) {

    /** The request, just concluded, and its decisions in step order. */
    static LoanDecided of(LoanRequests.Request r, List<LoanRequests.Approval> decisions) {
        return new LoanDecided(
                r.id(),
                r.status() == LoanRequestState.APPROVED,
                r.applicantOrgPath(),
                r.createdAt(),
                decisions.get(decisions.size() - 1).decidedAt());
    }
}
