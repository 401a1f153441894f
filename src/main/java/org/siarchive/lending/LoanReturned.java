package org.siarchive.lending;

import java.time.OffsetDateTime;

/**
 * Originals of a physical loan came back. Published in the return's transaction, once per return (ADR
 * 0046); the loan is returned in full when {@code stillOut} is 0 ({@link #complete()}).
 *
 * @param orgPath the lending organisation (materialised path)
 */
public record LoanReturned(
        long loanId,
        String borrower,
        String borrowerUnit,
        int returned,
        long stillOut,
        boolean damaged,
        String orgPath,
        OffsetDateTime at) {

    public boolean complete() {
        return stillOut == 0;
    }
}
