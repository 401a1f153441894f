package org.siarchive.portal;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.siarchive.audit.AuditDetail;
import org.siarchive.audit.AuditOperation;
import org.siarchive.audit.AuditTrail;
import org.siarchive.audit.AuditedObject;
import org.siarchive.crypto.FieldCipher;
import org.siarchive.security.Credentials;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The fallback sign-in (installations without an identity provider): 公民身份号码 and password, and the TOTP code
 * when the account enrolled one. Checked under the account's row lock, so parallel guesses queue and at most the
 * policy's lockout threshold of wrong answers is ever checked; the failures counted, the account locked at the
 * threshold for the policy's lockout time, each step audited — as for staff (docs/adr/0102).
 */
@Component
class PortalPasswordLogin {

    static final String TOTP_CONTEXT = "portal.totp";

    /** What one attempt came to. */
    enum Outcome {
        PASSED,
        FAILED,
        LOCKED
    }

    record Result(Outcome outcome, @Nullable Long accountId, boolean withTotp) {}

    private record Row(long id, @Nullable String hash, byte @Nullable [] totp, long lastStep, boolean locked) {}

    private final JdbcClient jdbc;
    private final FieldCipher cipher;
    private final Credentials credentials;
    private final AuditTrail audit;

    PortalPasswordLogin(JdbcClient jdbc, FieldCipher cipher, Credentials credentials, AuditTrail audit) {
        this.jdbc = jdbc;
        this.cipher = cipher;
        this.credentials = credentials;
        this.audit = audit;
    }

    @Transactional
    public Result attempt(
            PortalUser.Kind kind,
            String certNo,
            @Nullable String password,
            @Nullable String totp,
            HttpServletRequest request) {
        var found = row(kind, certNo);
        if (found.isEmpty()) {
            credentials.matches(password, null);
            audit.record(
                    PortalSignIn.actor(request, null),
                    AuditedObject.PORTAL_ACCOUNT,
                    "password:" + kind.name(),
                    AuditOperation.LOGIN,
                    AuditTrail.FAILURE,
                    "no such account",
                    null);
            return new Result(Outcome.FAILED, null, false);
        }
        var r = found.get();
        var actor = PortalSignIn.actor(request, r.id());
        if (r.locked()) {
            audit.record(
                    actor,
                    AuditedObject.PORTAL_ACCOUNT,
                    id(r),
                    AuditOperation.LOGIN,
                    AuditTrail.FAILURE,
                    "locked",
                    null);
            return new Result(Outcome.LOCKED, r.id(), false);
        }
        boolean passwordOk = credentials.matches(password, r.hash());
        String secret = cipher.decrypt(r.totp(), TOTP_CONTEXT);
        long step = secret == null ? 0 : credentials.totpStep(secret, totp, r.lastStep());
        if (passwordOk && step >= 0) {
            if (secret != null) {
                jdbc.sql("update portal_account set totp_last_step = :s where id = :a")
                        .param("s", step)
                        .param("a", r.id())
                        .update();
            }
            return new Result(Outcome.PASSED, r.id(), secret != null);
        }
        return failed(r, passwordOk ? "totp wrong" : "password wrong", actor);
    }

    private Result failed(Row r, String reason, org.siarchive.shared.Actor actor) {
        int failed = jdbc.sql(
                        "update portal_account set failed_logins = failed_logins + 1 where id = :a returning failed_logins")
                .param("a", r.id())
                .query(Integer.class)
                .single();
        audit.record(
                actor,
                AuditedObject.PORTAL_ACCOUNT,
                id(r),
                AuditOperation.LOGIN,
                AuditTrail.FAILURE,
                reason,
                AuditDetail.of("audit.detail.loginAttempt", failed).encoded());
        if (failed < credentials.lockoutThreshold()) {
            return new Result(Outcome.FAILED, r.id(), false);
        }
        int minutes = (int) credentials.lockoutDuration().toMinutes();
        jdbc.sql(
                        """
                update portal_account set locked_until = now() + make_interval(mins => :m), failed_logins = 0
                where id = :a""")
                .param("m", minutes)
                .param("a", r.id())
                .update();
        audit.record(
                actor,
                AuditedObject.PORTAL_ACCOUNT,
                id(r),
                AuditOperation.LOCK,
                AuditTrail.SUCCESS,
                null,
                AuditDetail.of("audit.detail.locked", failed, minutes).encoded());
        return new Result(Outcome.LOCKED, r.id(), false);
    }

    private static String id(Row r) {
        return Long.toString(r.id());
    }

    private Optional<Row> row(PortalUser.Kind kind, String certNo) {
        return jdbc.sql(
                        """
                select id, password_hash, totp_secret_enc, totp_last_step, coalesce(locked_until > now(), false)
                  from portal_account
                 where kind = :k and cert_no_index = :i and state = 'ACTIVE'
                   for update""")
                .param("k", kind.name())
                .param("i", cipher.blindIndex(certNo, PortalAccounts.CERT_CONTEXT))
                .query((rs, n) ->
                        new Row(rs.getLong(1), rs.getString(2), rs.getBytes(3), rs.getLong(4), rs.getBoolean(5)))
                .optional();
    }
}
