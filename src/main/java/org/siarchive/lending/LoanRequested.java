package org.siarchive.lending;

import java.time.OffsetDateTime;

/**
 * A use request was made (利用申请). Published in the request's transaction (issue 18, for the utilisation
 * statistics).
 *
 * @param orgPath the applicant's organisation (materialised path)
 */
public record LoanRequested(long requestId, int itemCount, String orgPath, OffsetDateTime requestedAt) {

    static LoanRequested of(LoanRequests.Request r, int itemCount) {
        return new LoanRequested(r.id(), itemCount, r.applicantOrgPath(), r.createdAt());
    }
}
