package org.siarchive.portal;

import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.siarchive.audit.AuditOperation;
import org.siarchive.audit.AuditTrail;
import org.siarchive.audit.AuditedObject;
import org.siarchive.crypto.FieldCipher;
import org.siarchive.shared.Access;
import org.siarchive.shared.Actor;
import org.siarchive.shared.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Reads of submissions: an account's own (another account's id answers 404, audited) and the inbox of a
 * clerk's units (another unit's is unknown).
 */
@Component
class SubmissionQueries {

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final FieldCipher cipher;

    SubmissionQueries(JdbcClient jdbc, AuditTrail audit, FieldCipher cipher) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.cipher = cipher;
    }

    /** The worker's 公民身份号码 of a person-side submission, in clear (for the capture only). */
    @Nullable
    String personCertNo(long id) {
        byte[] stored = jdbc.sql("select person_cert from portal_submission where id = :id")
                .param("id", id)
                .query((rs, n) -> rs.getBytes(1))
                .single();
        return cipher.decrypt(stored, PortalAccounts.CERT_CONTEXT);
    }

    /** The account's submissions, newest first (at most 200). */
    List<SubmissionRow> mine(PortalUser user) {
        return jdbc.sql(SubmissionRow.SELECT + " where s.account_id = :a order by s.submitted_at desc limit 200")
                .param("a", user.accountId())
                .query(SubmissionRow.class)
                .list();
    }

    /**
     * One of the account's submissions. Another account's (or a missing id) answers 404 alike, and the
     * attempt is audited.
     */
    SubmissionRow mine(PortalUser user, long id, Actor actor) {
        return jdbc.sql(SubmissionRow.SELECT + " where s.id = :id and s.account_id = :a")
                .param("id", id)
                .param("a", user.accountId())
                .query(SubmissionRow.class)
                .optional()
                .orElseThrow(() -> notFound(id, actor));
    }

    NotFoundException notFound(long id, Actor actor) {
        audit.recordAlone(
                actor,
                AuditedObject.PORTAL_SUBMISSION,
                Long.toString(id),
                AuditOperation.ACCESS,
                AuditTrail.DENIED,
                null,
                "not found or not the account's");
        return new NotFoundException("PORTAL_SUBMISSION", Long.toString(id));
    }

    /** The submissions of the caller's units in {@code state}, oldest first (at most 200). */
    List<SubmissionRow> inbox(Access access, String state) {
        return jdbc.sql(SubmissionRow.SELECT + " where s.state = :st and s.org_path like :o"
                        + " order by s.submitted_at " + (state.equals("PENDING") ? "asc" : "desc") + " limit 200")
                .param("st", state)
                .param("o", access.scope().orgPattern())
                .query(SubmissionRow.class)
                .list();
    }

    /** One submission within the caller's units; another unit's is unknown (404). */
    Optional<SubmissionRow> inScope(long id, Access access) {
        return jdbc.sql(SubmissionRow.SELECT + " where s.id = :id and s.org_path like :o")
                .param("id", id)
                .param("o", access.scope().orgPattern())
                .query(SubmissionRow.class)
                .optional();
    }

    List<SubmissionRow.File> files(long id) {
        return jdbc.sql(
                        """
                select seq, material, original_name, media_type, size, sha256 from portal_submission_file
                 where submission_id = :id order by seq""")
                .param("id", id)
                .query(SubmissionRow.File.class)
                .list();
    }

    /** A kept file's bytes; empty once the submission was accepted (the archive holds them then). */
    Optional<byte[]> content(long id, int seq) {
        return jdbc.sql("select content from portal_submission_file where submission_id = :id and seq = :q")
                .param("id", id)
                .param("q", seq)
                .query((rs, n) -> rs.getBytes(1))
                .optional()
                .filter(b -> b != null);
    }
}
