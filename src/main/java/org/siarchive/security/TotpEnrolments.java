package org.siarchive.security;

import static org.siarchive.security.AccountChecks.notSelf;
import static org.siarchive.security.AccountChecks.requireReason;

import org.jspecify.annotations.Nullable;
import org.siarchive.audit.AuditOperation;
import org.siarchive.audit.AuditTrail;
import org.siarchive.audit.AuditedObject;
import org.siarchive.crypto.FieldCipher;
import org.siarchive.shared.Actor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * An account's second factor (TOTP, RFC 6238): enrolment with a secret stored encrypted, code checks that
 * accept no code twice, and the reset (lost phone) by the system administrator.
 */
@Component
class TotpEnrolments {

    static final String TOTP_CONTEXT = "account.totp_secret";

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final FieldCipher cipher;
    private final AccountRows rows;

    TotpEnrolments(JdbcClient jdbc, AuditTrail audit, FieldCipher cipher, AccountRows rows) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.cipher = cipher;
        this.rows = rows;
    }

    @Transactional
    String start(long id) {
        String secret = Totp.newSecret();
        jdbc.sql("update account set totp_secret = :s, totp_enabled = false, totp_last_step = 0 where id = :id")
                .param("s", cipher.encrypt(secret, TOTP_CONTEXT))
                .param("id", id)
                .update();
        return secret;
    }

    @Nullable
    String secret(long id) {
        byte[] stored = jdbc.sql("select totp_secret from account where id = :id")
                .param("id", id)
                .query(byte[].class)
                .optional()
                .orElse(null);
        return cipher.decrypt(stored, TOTP_CONTEXT);
    }

    @Transactional
    boolean verify(long id, String code, boolean enrolling, Actor actor) {
        String secret = secret(id);
        var a = rows.require(id);
        if (secret == null) {
            return false;
        }
        long last = jdbc.sql("select totp_last_step from account where id = :id for update")
                .param("id", id)
                .query(Long.class)
                .single();
        long step = Totp.matchingStep(secret, code, System.currentTimeMillis() / 1000, last);
        if (step < 0) {
            return false;
        }
        jdbc.sql("update account set totp_last_step = :s, totp_enabled = true where id = :id")
                .param("s", step)
                .param("id", id)
                .update();
        if (enrolling) {
            audit.record(actor, AuditedObject.ACCOUNT, a.username(), AuditOperation.ENROL_TOTP, null, null);
        }
        return true;
    }

    @Transactional
    void reset(long id, String reason, Actor actor) {
        var a = rows.require(id);
        requireReason(reason);
        notSelf(a, actor);
        jdbc.sql("update account set totp_secret = null, totp_enabled = false, totp_last_step = 0 where id = :id")
                .param("id", id)
                .update();
        audit.record(actor, AuditedObject.ACCOUNT, a.username(), AuditOperation.RESET_TOTP, reason, null);
    }
}
