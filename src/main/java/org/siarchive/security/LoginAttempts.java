package org.siarchive.security;

import java.util.function.BooleanSupplier;
import org.siarchive.audit.AuditDetail;
import org.siarchive.audit.AuditOperation;
import org.siarchive.audit.AuditTrail;
import org.siarchive.audit.AuditedObject;
import org.siarchive.shared.Actor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Login bookkeeping: each password or TOTP step checked under the account's row lock, failures counted
 * and the account locked at the policy's threshold, a success clearing the count — each with its audit
 * entry in the same transaction (docs/adr/0016, 0032).
 */
@Component
class LoginAttempts {

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final SecurityPolicy policy;

    LoginAttempts(JdbcClient jdbc, AuditTrail audit, SecurityPolicy policy) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.policy = policy;
    }

    /** What one checked login step (password or TOTP code) came to. */
    public enum Attempt {
        PASSED,
        FAILED,
        /** This failure reached the threshold and locked the account. */
        LOCKED_NOW,
        /** The account was locked: the step was not checked at all. */
        LOCKED
    }

    /**
     * Checks one login step under the account's row lock. Parallel attempts on one account queue on
     * that lock, so each sees the failures counted before it and none is checked once the threshold
     * locked the account: at most {@code lockout.threshold} wrong passwords or codes are ever checked.
     */
    @Transactional
    public Attempt attempt(Account a, String failure, Actor actor, BooleanSupplier check) {
        if (lockedForUpdate(a.id())) {
            return Attempt.LOCKED;
        }
        if (check.getAsBoolean()) {
            return Attempt.PASSED;
        }
        return recordFailure(a, failure, actor) ? Attempt.LOCKED_NOW : Attempt.FAILED;
    }

    private boolean lockedForUpdate(long id) {
        return jdbc.sql("select coalesce(locked_until > now(), false) from account where id = :id for update")
                .param("id", id)
                .query(Boolean.class)
                .single();
    }

    /** A failed attempt (within {@link #attempt}): counted, and the account locked at the threshold. */
    private boolean recordFailure(Account a, String reason, Actor actor) {
        int threshold = policy.get(SecurityPolicy.Key.LOCKOUT_THRESHOLD);
        int minutes = policy.get(SecurityPolicy.Key.LOCKOUT_MINUTES);
        int failed = jdbc.sql(
                        "update account set failed_logins = failed_logins + 1 where id = :id returning failed_logins")
                .param("id", a.id())
                .query(Integer.class)
                .single();
        audit.record(
                actor,
                AuditedObject.ACCOUNT,
                a.username(),
                AuditOperation.LOGIN,
                AuditTrail.FAILURE,
                reason,
                AuditDetail.of("audit.detail.loginAttempt", failed).encoded());
        if (failed >= threshold) {
            jdbc.sql(
                            "update account set locked_until = now() + make_interval(mins => :m), failed_logins = 0 where id = :id")
                    .param("m", minutes)
                    .param("id", a.id())
                    .update();
            audit.record(
                    actor,
                    AuditedObject.ACCOUNT,
                    a.username(),
                    AuditOperation.LOCK,
                    AuditTrail.SUCCESS,
                    null,
                    AuditDetail.of("audit.detail.locked", failed, minutes).encoded());
            return true;
        }
        return false;
    }

    @Transactional
    public void recordSuccess(Account a, String step, Actor actor) {
        jdbc.sql(
                        """
                update account set failed_logins = 0, locked_until = null, last_login_at = now(), last_login_ip = :ip
                where id = :id
                """)
                .param("ip", actor.ip())
                .param("id", a.id())
                .update();
        audit.record(
                actor,
                AuditedObject.ACCOUNT,
                a.username(),
                AuditOperation.LOGIN,
                AuditTrail.SUCCESS,
                null,
                AuditDetail.of("audit.detail.loginStep", AuditDetail.label("audit.loginStep." + step))
                        .encoded());
    }
}
