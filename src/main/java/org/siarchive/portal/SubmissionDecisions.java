package org.siarchive.portal;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.siarchive.audit.AuditOperation;
import org.siarchive.audit.AuditTrail;
import org.siarchive.audit.AuditedObject;
import org.siarchive.capture.Captures;
import org.siarchive.capture.Upload;
import org.siarchive.shared.Access;
import org.siarchive.shared.ConflictException;
import org.siarchive.shared.InvalidInputException;
import org.siarchive.shared.NotFoundException;
import org.siarchive.shared.Violation;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A clerk's decision on a submission of their units: accept — the ordinary capture path, 档号 assigned,
 * idempotent on the submission id — or return with a reason. The state change and its audit entry commit
 * together; the employer reads the outcome on its next request (docs/adr/0105).
 */
@Component
class SubmissionDecisions {

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final AuditTrail audit;
    private final Captures captures;
    private final Submissions submissions;
    private final SubmissionQueries queries;
    private final PortalNotices notices;

    SubmissionDecisions(
            JdbcClient jdbc,
            TransactionTemplate tx,
            AuditTrail audit,
            Captures captures,
            Submissions submissions,
            SubmissionQueries queries,
            PortalNotices notices) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.audit = audit;
        this.captures = captures;
        this.submissions = submissions;
        this.queries = queries;
        this.notices = notices;
    }

    /**
     * Accepts: the first attempt claims the handler and 经办时间 (kept, so a retry after a crash captures the
     * same metadata and the capture replays under key {@code portal-submission-<id>}); the files are captured
     * and the submission becomes 已受理 with the 档号, its kept bytes dropped (the archive holds them).
     */
    SubmissionRow accept(long id, Access access) {
        var row = require(id, access);
        if (row.state().equals("ACCEPTED")) {
            return row;
        }
        if (!row.state().equals("PENDING")) {
            throw new ConflictException("conflict.submissionDecided", Long.toString(id));
        }
        var claim = jdbc.sql(
                        """
                update portal_submission set handler = coalesce(handler, :me),
                       handled_at = coalesce(handled_at, now() - interval '1 second')
                 where id = :id and state = 'PENDING' returning handler, handled_at""")
                .param("me", access.actor().name())
                .param("id", id)
                .query((rs, n) -> new Object[] {rs.getString(1), rs.getObject(2, OffsetDateTime.class)})
                .optional()
                .orElseThrow(() -> new ConflictException("conflict.submissionDecided", Long.toString(id)));
        org.siarchive.catalog.ItemRecord item;
        try {
            item = capture(row, (String) claim[0], (OffsetDateTime) claim[1], access);
        } catch (InvalidInputException e) {
            // capture refused and registered nothing: the claim goes, so the clerk may return it instead
            jdbc.sql(
                            "update portal_submission set handler = null, handled_at = null where id = :id and state = 'PENDING'")
                    .param("id", id)
                    .update();
            throw e;
        }
        markAccepted(row, item, access);
        return require(id, access);
    }

    /** 已受理 with the 档号, the kept bytes dropped, audited RECEIVE and told — once, whoever retries. */
    private void markAccepted(SubmissionRow row, org.siarchive.catalog.ItemRecord item, Access access) {
        long id = row.id();
        tx.executeWithoutResult(t -> {
            int changed = jdbc.sql(
                            """
                    update portal_submission set state = 'ACCEPTED', decided_at = now(), decided_by = :by,
                           item_id = :item, archive_code = :code
                     where id = :id and state = 'PENDING'""")
                    .param("by", access.actor().name())
                    .param("item", item.id())
                    .param("code", item.archiveCode())
                    .param("id", id)
                    .update();
            if (changed == 1) {
                jdbc.sql("update portal_submission_file set content = null where submission_id = :id")
                        .param("id", id)
                        .update();
                audit.record(
                        access.actor(),
                        AuditedObject.PORTAL_SUBMISSION,
                        Long.toString(id),
                        AuditOperation.RECEIVE,
                        null,
                        item.archiveCode());
                notices.notify(
                        row.accountId(),
                        "portal.notice.submission.accepted",
                        List.of(Submissions.ACCEPTANCE_PREFIX + id, item.archiveCode()),
                        key(id) + ":accepted");
            }
        });
    }

    /** The ordinary capture of the submission's files under its key, with the claimed handler and time. */
    private org.siarchive.catalog.ItemRecord capture(
            SubmissionRow row, String handler, OffsetDateTime handledAt, Access access) {
        long id = row.id();
        var chosen = new ArrayList<Submissions.Chosen>();
        for (var f : queries.files(id)) {
            byte[] bytes = queries.content(id, f.seq()).orElseThrow();
            chosen.add(new Submissions.Chosen(f.material(), Upload.ofBytes(f.originalName(), bytes)));
        }
        var draft = new Submissions.Draft(
                row.creditCode(),
                row.stepCode(),
                row.personName(),
                row.personName() == null ? null : queries.personCertNo(id),
                row.title(),
                row.docDate().toString(),
                chosen);
        var target = new Submissions.Target(
                row.creditCode(), row.employerName(), row.stepCode(), row.fondsCode(), row.orgPath());
        var s = submissions.submission(target, draft, Submissions.ACCEPTANCE_PREFIX + id, handler, handledAt);
        return captures.capture(
                        s, chosen.stream().map(Submissions.Chosen::upload).toList(), key(id), access.actor())
                .item();
    }

    /** A typed sentence as a message argument: never read as a {@code #key} label. */
    static String plain(String typed) {
        return typed.startsWith("#") ? "＃" + typed.substring(1) : typed;
    }

    static String key(long id) {
        return "portal-submission-" + id;
    }

    /** Returns a pending submission with a reason (2–500 characters) the employer reads; audited SEND_BACK. */
    void sendBack(long id, @Nullable String rawReason, Access access) {
        String reason = rawReason == null ? "" : rawReason.strip();
        if (reason.length() < 2) {
            throw new InvalidInputException(Violation.of("reason", "required"));
        }
        if (reason.length() > 500) {
            throw new InvalidInputException(Violation.of("reason", "maxLength", 500));
        }
        var row = require(id, access);
        tx.executeWithoutResult(t -> {
            int changed = jdbc.sql(
                            """
                    update portal_submission set state = 'RETURNED', decided_at = now(), decided_by = :by,
                           reason = :r
                     where id = :id and state = 'PENDING' and handled_at is null""")
                    .param("by", access.actor().name())
                    .param("r", reason)
                    .param("id", id)
                    .update();
            if (changed == 0) {
                throw new ConflictException("conflict.submissionDecided", Long.toString(row.id()));
            }
            audit.record(
                    access.actor(),
                    AuditedObject.PORTAL_SUBMISSION,
                    Long.toString(id),
                    AuditOperation.SEND_BACK,
                    reason,
                    row.creditCode());
            notices.notify(
                    row.accountId(),
                    "portal.notice.submission.returned",
                    List.of(Submissions.ACCEPTANCE_PREFIX + id, plain(reason)),
                    key(id) + ":returned");
        });
    }

    private SubmissionRow require(long id, Access access) {
        return queries.inScope(id, access)
                .orElseThrow(() -> new NotFoundException("PORTAL_SUBMISSION", Long.toString(id)));
    }
}
