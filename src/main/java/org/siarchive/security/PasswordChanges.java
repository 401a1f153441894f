package org.siarchive.security;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.siarchive.audit.AuditOperation;
import org.siarchive.audit.AuditTrail;
import org.siarchive.audit.AuditedObject;
import org.siarchive.shared.Actor;
import org.siarchive.shared.InvalidInputException;
import org.siarchive.shared.Violation;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The password policy as an account changes its own password: the current one must be known, the new
 * one must meet the length and character-class rules, differ from the last few, and expires after the
 * policy's maximum age.
 */
@Component
class PasswordChanges {

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final Passwords passwords;
    private final SecurityPolicy policy;
    private final AccountRows rows;

    PasswordChanges(JdbcClient jdbc, AuditTrail audit, Passwords passwords, SecurityPolicy policy, AccountRows rows) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.passwords = passwords;
        this.policy = policy;
        this.rows = rows;
    }

    @Transactional
    void change(long id, String current, String next, Actor actor) {
        var a = rows.require(id);
        String hash = passwordHash(id);
        if (current == null || !passwords.matches(current, hash)) {
            throw new InvalidInputException(Violation.of("currentPassword", "passwordWrong"));
        }
        var v = new ArrayList<>(Passwords.check(
                next == null ? "" : next,
                a.username(),
                policy.get(SecurityPolicy.Key.PASSWORD_MIN_LENGTH),
                policy.get(SecurityPolicy.Key.PASSWORD_MIN_CLASSES)));
        if (v.isEmpty()) {
            v.addAll(reused(id, next, hash));
        }
        if (!v.isEmpty()) {
            throw new InvalidInputException(v);
        }
        store(id, passwords.hash(next));
        audit.record(actor, AuditedObject.ACCOUNT, a.username(), AuditOperation.CHANGE_PASSWORD, null, null);
    }

    /** A violation when the new password is the current one or one of the last {@code PASSWORD_HISTORY}. */
    private List<Violation> reused(long id, String next, String currentHash) {
        int history = Math.max(1, policy.get(SecurityPolicy.Key.PASSWORD_HISTORY));
        var previous = jdbc.sql(
                        "select password_hash from password_history where account_id = :id order by set_at desc limit :n")
                .param("id", id)
                .param("n", history)
                .query(String.class)
                .list();
        if (passwords.matches(next, currentHash) || previous.stream().anyMatch(p -> passwords.matches(next, p))) {
            return List.of(Violation.of("newPassword", "passwordReused", history));
        }
        return List.of();
    }

    private void store(long id, String newHash) {
        jdbc.sql(
                        "update account set password_hash = :h, must_change = false, password_changed_at = now() where id = :id")
                .param("h", newHash)
                .param("id", id)
                .update();
        jdbc.sql("insert into password_history (account_id, password_hash) values (:id, :h)")
                .param("id", id)
                .param("h", newHash)
                .update();
    }

    String passwordHash(long id) {
        return jdbc.sql("select password_hash from account where id = :id")
                .param("id", id)
                .query(String.class)
                .single();
    }

    boolean expired(Account a, OffsetDateTime now) {
        int days = policy.get(SecurityPolicy.Key.PASSWORD_MAX_AGE_DAYS);
        return days > 0 && a.passwordChangedAt().plusDays(days).isBefore(now);
    }
}
