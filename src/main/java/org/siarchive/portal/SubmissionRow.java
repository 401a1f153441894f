package org.siarchive.portal;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** One employer submission (网上申报) as its employer and the handling clerks see it. */
record SubmissionRow(
        long id,
        long accountId,
        String accountName,
        String creditCode,
        String employerName,
        String stepCode,
        @Nullable String personName,
        String title,
        LocalDate docDate,
        String orgPath,
        String fondsCode,
        String state,
        OffsetDateTime submittedAt,
        @Nullable String handler,
        @Nullable OffsetDateTime handledAt,
        @Nullable OffsetDateTime decidedAt,
        @Nullable String decidedBy,
        @Nullable String reason,
        @Nullable UUID itemId,
        @Nullable String archiveCode) {

    static final String SELECT =
            """
            select s.id, s.account_id, a.display_name as account_name, s.credit_code, s.employer_name, s.step_code,
                   s.person_name, s.title, s.doc_date, s.org_path, s.fonds_code, s.state, s.submitted_at, s.handler, s.handled_at,
                   s.decided_at, s.decided_by, s.reason, s.item_id, s.archive_code
              from portal_submission s join portal_account a on a.id = s.account_id""";

    /** One file of a submission (its bytes are read separately). */
    record File(int seq, String material, String originalName, String mediaType, long size, String sha256) {}
}
