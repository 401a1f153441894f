package org.siarchive.lending;

import org.siarchive.shared.ConflictException;

/**
 * The states of a physical loan (实体借阅, ADR 0028, 0046): {@code OUT} when lent, {@code PARTIAL} while some
 * originals are back and some still out, {@code RETURNED} once every original is back (final). Extending and
 * returning refuse a loan that is returned in full (409, {@code conflict.loanReturned}).
 */
public enum PhysicalLoanState {
    OUT,
    PARTIAL,
    RETURNED;

    /** Whether originals of the loan are still out. */
    public boolean open() {
        return this != RETURNED;
    }

    /** An extension keeps the state; only an open loan may be extended. */
    PhysicalLoanState extend(long loanId) {
        requireOpen(loanId);
        return this;
    }

    /** The state after a return that leaves {@code stillOut} originals out. */
    PhysicalLoanState returnBy(long stillOut, long loanId) {
        requireOpen(loanId);
        return stillOut == 0 ? RETURNED : PARTIAL;
    }

    /** Refuses a loan returned in full. */
    PhysicalLoanState requireOpen(long loanId) {
        if (!open()) {
            throw new ConflictException("conflict.loanReturned", Long.toString(loanId));
        }
        return this;
    }
}
