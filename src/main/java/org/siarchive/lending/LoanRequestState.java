package org.siarchive.lending;

import org.siarchive.shared.ConflictException;

/**
 * The states of a use request (利用单, ADR 0028, 0046). A request is {@code PENDING} until its last required
 * approval makes it {@code APPROVED} (the grant) or a rejection at any step makes it {@code REJECTED}; the
 * applicant may end a pending or approved request ({@code WITHDRAWN}). Rejected and withdrawn are final.
 * Each transition refuses to start from a state it does not apply to (409, {@code conflict.loanNotPending}).
 */
public enum LoanRequestState {
    PENDING,
    APPROVED,
    REJECTED,
    WITHDRAWN;

    /** Whether an approver's decision is expected. */
    public boolean decidable() {
        return this == PENDING;
    }

    /** Whether the applicant may still end the request. */
    public boolean withdrawable() {
        return this == PENDING || this == APPROVED;
    }

    /** The state after approval of {@code step} of {@code stepsRequired}: the last approval grants. */
    LoanRequestState approve(int step, int stepsRequired, long requestId) {
        requireDecidable(requestId);
        return step >= stepsRequired ? APPROVED : PENDING;
    }

    /** The state after a rejection at any step. */
    LoanRequestState reject(long requestId) {
        requireDecidable(requestId);
        return REJECTED;
    }

    /** The state after the applicant ends the request (a grant ends at once). */
    LoanRequestState withdraw(long requestId) {
        if (!withdrawable()) {
            throw notPending(requestId);
        }
        return WITHDRAWN;
    }

    private void requireDecidable(long requestId) {
        if (!decidable()) {
            throw notPending(requestId);
        }
    }

    static ConflictException notPending(long requestId) {
        return new ConflictException("conflict.loanNotPending", Long.toString(requestId));
    }
}
