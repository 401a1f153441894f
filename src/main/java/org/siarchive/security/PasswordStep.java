package org.siarchive.security;

import jakarta.servlet.http.HttpServletRequest;
import java.time.OffsetDateTime;
import java.util.Arrays;
import org.siarchive.audit.AuditDetail;
import org.siarchive.audit.AuditOperation;
import org.siarchive.audit.AuditTrail;
import org.siarchive.audit.AuditedObject;
import org.siarchive.shared.Actor;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.util.matcher.IpAddressMatcher;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * First step of a console login: the password. Checks lockout, account status and the account's
 * network binding before the password, counts failures (locking at the policy threshold), audits
 * every outcome, and decides the next stage (TOTP, enrolment, password change or done).
 */
@Component
class PasswordStep implements AuthenticationProvider {

    /** The login came from an address outside the account's allowed networks. */
    static class NetworkRefusedException extends AuthenticationException {
        NetworkRefusedException() {
            super("network");
        }
    }

    /** The account waits for the security administrator's approval. */
    static class PendingException extends AuthenticationException {
        PendingException() {
            super("pending");
        }
    }

    private final Accounts accounts;
    private final LoginAttempts attempts;
    private final SecurityPolicy policy;
    private final Passwords passwords;
    private final AuditTrail audit;
    private final String dummyHash;

    PasswordStep(
            Accounts accounts, LoginAttempts attempts, SecurityPolicy policy, Passwords passwords, AuditTrail audit) {
        this.accounts = accounts;
        this.attempts = attempts;
        this.policy = policy;
        this.passwords = passwords;
        this.audit = audit;
        this.dummyHash = passwords.hash("not-a-password-" + System.nanoTime());
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String username =
                authentication.getName() == null ? "" : authentication.getName().strip();
        String password = authentication.getCredentials() == null
                ? ""
                : authentication.getCredentials().toString();
        HttpServletRequest request =
                ((ServletRequestAttributes) RequestContextHolder.currentRequestAttributes()).getRequest();
        Actor actor = Requests.actor(null, username.isEmpty() ? "-" : username, request);
        var found = username.isEmpty() || username.length() > 64
                ? java.util.Optional.<Account>empty()
                : accounts.byUsername(username);
        if (found.isEmpty()) {
            passwords.matches(password, dummyHash); // same time as for a real account
            audit.recordAlone(
                    actor,
                    AuditedObject.ACCOUNT,
                    username.isEmpty() ? "-" : username,
                    AuditOperation.LOGIN,
                    AuditTrail.FAILURE,
                    AuditDetail.of("audit.detail.unknownAccount").encoded(),
                    null);
            throw new BadCredentialsException("bad");
        }
        var account = found.get();
        var now = OffsetDateTime.now();
        if (account.locked(now)) {
            throw denied(actor, username, "account locked", new LockedException("locked"));
        }
        if ("PENDING".equals(account.status())) {
            throw denied(actor, username, "awaiting approval", new PendingException());
        }
        if (!"ACTIVE".equals(account.status())) {
            throw denied(
                    actor,
                    username,
                    AuditDetail.of("audit.detail.accountDisabled").encoded(),
                    new DisabledException("disabled"));
        }
        if (!allowedFrom(account, request.getRemoteAddr())) {
            throw denied(
                    actor,
                    username,
                    AuditDetail.of("audit.detail.addressRefused", request.getRemoteAddr(), account.allowedNetworks())
                            .encoded(),
                    new NetworkRefusedException());
        }
        checkPassword(account, password, actor);
        var principal = Principal.of(account, accounts.permissions(account));
        Stage stage = next(account, true);
        if (stage == Stage.DONE || stage == Stage.PASSWORD_CHANGE) {
            attempts.recordSuccess(account, "password", actor);
        }
        return UsernamePasswordAuthenticationToken.authenticated(principal, null, stage.authorities(principal));
    }

    /** Records the refused login in a transaction of its own and hands back the refusal to throw. */
    private AuthenticationException denied(Actor actor, String username, String reason, AuthenticationException e) {
        audit.recordAlone(
                actor, AuditedObject.ACCOUNT, username, AuditOperation.LOGIN, AuditTrail.DENIED, reason, null);
        return e;
    }

    /** The password, checked under the account's lock so parallel guesses cannot outrun the lockout. */
    private void checkPassword(Account account, String password, Actor actor) {
        var outcome = attempts.attempt(
                account,
                AuditDetail.of("audit.detail.wrongPassword").encoded(),
                actor,
                () -> passwords.matches(password, accounts.passwordHash(account.id())));
        switch (outcome) {
            case PASSED -> {}
            case FAILED -> throw new BadCredentialsException("bad");
            case LOCKED_NOW -> throw new LockedException("locked");
            case LOCKED -> {
                audit.recordAlone(
                        actor,
                        AuditedObject.ACCOUNT,
                        account.username(),
                        AuditOperation.LOGIN,
                        AuditTrail.DENIED,
                        AuditDetail.of("audit.detail.accountLocked").encoded(),
                        null);
                throw new LockedException("locked");
            }
        }
    }

    /** The stage after the password (or, with {@code passwordOnly} false, after the second factor). */
    Stage next(Account account, boolean passwordOnly) {
        if (passwordOnly && (account.totpRequired() || policy.requiresTotp(account.roles()))) {
            return account.totpEnabled() ? Stage.TOTP : Stage.ENROL;
        }
        if (account.mustChange() || accounts.passwordExpired(account, OffsetDateTime.now())) {
            return Stage.PASSWORD_CHANGE;
        }
        return Stage.DONE;
    }

    static boolean allowedFrom(Account account, String address) {
        String networks = account.allowedNetworks();
        if (networks == null || networks.isBlank()) {
            return true;
        }
        return Arrays.stream(networks.split(","))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .anyMatch(cidr -> {
                    try {
                        return new IpAddressMatcher(cidr).matches(address);
                    } catch (IllegalArgumentException e) {
                        return false;
                    }
                });
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
