package org.siarchive.lending;

import java.time.OffsetDateTime;
import java.util.Objects;

/**
 * A use request was granted: its last required approval made it {@code APPROVED}, valid from {@code
 * grantedFrom} until {@code grantedUntil}. Published in the approval's transaction (ADR 0046).
 *
 * @param borrower the applicant's account name
 * @param orgPath the applicant's organisation (materialised path), for data scope of whoever listens
 */
public record LoanGranted(
        long requestId,
        String borrower,
        String purposeCode,
        int itemCount,
        String orgPath,
        OffsetDateTime grantedFrom,
        OffsetDateTime grantedUntil) {

    /** The request its last approval granted, naming {@code itemCount} items. */
    static LoanGranted of(LoanRequests.Request r, int itemCount) {
        return new LoanGranted(
                r.id(),
                r.applicant(),
                r.purposeCode(),
                itemCount,
                r.applicantOrgPath(),
                Objects.requireNonNull(r.grantedFrom()),
                Objects.requireNonNull(r.grantedUntil()));
    }
}
