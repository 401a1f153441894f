package org.siarchive.security;

import java.time.OffsetDateTime;
import org.siarchive.audit.AuditDetail;
import org.siarchive.shared.Actor;
import org.springframework.stereotype.Component;

/**
 * A second person confirming an action on the acting person's screen (a co-signature, e.g. 监销人 at a
 * destruction): their login, password and current TOTP code, checked like a console login's two steps —
 * under the account's row lock, each failure counted toward the lockout and audited — without opening a
 * session for them. Nothing about the account is told apart from "not confirmed" except what the caller
 * needs to name: no second factor, no permission, locked or disabled.
 */
@Component
public class CoSignatures {

    /** How a confirmation came out. */
    public enum Outcome {
        CONFIRMED,
        /** Unknown login or wrong password (not told apart). */
        WRONG_PASSWORD,
        WRONG_CODE,
        /** The account has no enrolled second factor. */
        NO_SECOND_FACTOR,
        /** The account does not hold the permission the action needs (三员 administrators never do). */
        NOT_PERMITTED,
        LOCKED,
        DISABLED
    }

    /** The outcome and, when confirmed, who confirmed (login and display name). */
    public record Confirmation(Outcome outcome, String username, String displayName) {
        public boolean confirmed() {
            return outcome == Outcome.CONFIRMED;
        }
    }

    private final Accounts accounts;
    private final LoginAttempts attempts;
    private final Passwords passwords;
    private final String dummyHash;

    CoSignatures(Accounts accounts, LoginAttempts attempts, Passwords passwords) {
        this.accounts = accounts;
        this.attempts = attempts;
        this.passwords = passwords;
        this.dummyHash = passwords.hash("not-a-password-" + System.nanoTime());
    }

    /**
     * Checks {@code login}'s password and TOTP {@code code}, and that the account holds {@code permission}.
     * Each check that fails is counted toward the account's lockout in a transaction of its own, so a
     * refusal of the caller's action never rolls the count back.
     */
    public Confirmation verify(String login, String password, String code, String permission, Actor actor) {
        String username = login == null ? "" : login.strip();
        var found = username.isEmpty() || username.length() > 64
                ? java.util.Optional.<Account>empty()
                : accounts.byUsername(username);
        if (found.isEmpty()) {
            passwords.matches(password == null ? "" : password, dummyHash); // same time as for a real account
            return new Confirmation(Outcome.WRONG_PASSWORD, username, "");
        }
        var a = found.get();
        if (a.locked(OffsetDateTime.now())) {
            return refused(Outcome.LOCKED, a);
        }
        if (!"ACTIVE".equals(a.status())) {
            return refused(Outcome.DISABLED, a);
        }
        var pw = attempts.attempt(
                a,
                AuditDetail.of("audit.detail.wrongPassword").encoded(),
                actor,
                () -> passwords.matches(password == null ? "" : password, accounts.passwordHash(a.id())));
        if (pw != LoginAttempts.Attempt.PASSED) {
            return refused(pw == LoginAttempts.Attempt.FAILED ? Outcome.WRONG_PASSWORD : Outcome.LOCKED, a);
        }
        if (!accounts.permissions(a).contains(permission)) {
            return refused(Outcome.NOT_PERMITTED, a);
        }
        if (!a.totpEnabled() || accounts.totpSecret(a.id()) == null) {
            return refused(Outcome.NO_SECOND_FACTOR, a);
        }
        String c = code == null ? "" : code.strip();
        var totp = attempts.attempt(
                a,
                AuditDetail.of("audit.detail.wrongTotpCode").encoded(),
                actor,
                () -> accounts.verifyTotp(a.id(), c, false, actor));
        if (totp != LoginAttempts.Attempt.PASSED) {
            return refused(totp == LoginAttempts.Attempt.FAILED ? Outcome.WRONG_CODE : Outcome.LOCKED, a);
        }
        return new Confirmation(Outcome.CONFIRMED, a.username(), a.displayName());
    }

    private static Confirmation refused(Outcome outcome, Account a) {
        return new Confirmation(outcome, a.username(), a.displayName());
    }
}
