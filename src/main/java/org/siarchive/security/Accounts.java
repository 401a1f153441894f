package org.siarchive.security;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.siarchive.shared.Actor;
import org.springframework.stereotype.Component;

/**
 * Accounts and their life cycle under 三员分立: the system administrator creates, disables and resets
 * accounts; the security administrator approves them, grants roles and data scope; nobody grants to
 * themselves; every change is audited in its own transaction. This is the module's account API; each
 * duty is done by its own class ({@link AccountLifecycle}, {@link AccountGrants}, {@link DataScopes},
 * {@link PasswordChanges}, {@link TotpEnrolments}), reading through {@link AccountRows}.
 */
@Component
public class Accounts {

    private final AccountRows rows;
    private final AccountLifecycle lifecycle;
    private final AccountGrants grants;
    private final DataScopes scopes;
    private final PasswordChanges passwords;
    private final TotpEnrolments totp;

    Accounts(
            AccountRows rows,
            AccountLifecycle lifecycle,
            AccountGrants grants,
            DataScopes scopes,
            PasswordChanges passwords,
            TotpEnrolments totp) {
        this.rows = rows;
        this.lifecycle = lifecycle;
        this.grants = grants;
        this.scopes = scopes;
        this.passwords = passwords;
        this.totp = totp;
    }

    /** A new account and its one-time password, which is shown once and never stored in clear. */
    public record Created(Account account, String oneTimePassword) {}

    // ---- reading --------------------------------------------------------------------------------

    public List<Account> list() {
        return rows.list();
    }

    public Optional<Account> byId(long id) {
        return rows.byId(id);
    }

    public Optional<Account> byUsername(String username) {
        return rows.byUsername(username);
    }

    public Account require(long id) {
        return rows.require(id);
    }

    public boolean anyWithRole(Role role) {
        return rows.anyWithRole(role);
    }

    public Set<String> permissions(Account a) {
        return a.roles().stream().flatMap(r -> r.permissions().stream()).collect(Collectors.toSet());
    }

    // ---- system administrator -------------------------------------------------------------------

    /** Creates an account awaiting the security administrator's approval, with a one-time password. */
    public Created create(String username, String displayName, long orgId, Actor actor) {
        return lifecycle.create(username, displayName, orgId, actor);
    }

    /**
     * Provisioning by the platform itself (first start, demo): an active account with its roles, audited
     * as the system. Never reachable from a request.
     */
    public Account provision(
            String username, String displayName, long orgId, Set<Role> roles, String password, boolean mustChange) {
        return lifecycle.provision(username, displayName, orgId, roles, password, mustChange);
    }

    public void disable(long id, String reason, Actor actor) {
        lifecycle.disable(id, reason, actor);
    }

    public void enable(long id, String reason, Actor actor) {
        lifecycle.enable(id, reason, actor);
    }

    /** A new one-time password; the account must change it at the next login. Clears a lockout. */
    public String resetPassword(long id, String reason, Actor actor) {
        return lifecycle.resetPassword(id, reason, actor);
    }

    /** Removes a TOTP enrolment (lost phone): the account enrols again at its next login. */
    public void resetTotp(long id, String reason, Actor actor) {
        totp.reset(id, reason, actor);
    }

    // ---- security administrator -----------------------------------------------------------------

    public void approve(long id, Actor actor) {
        grants.approve(id, actor);
    }

    /** Grants a role, enforcing 三员分立: one administrator role at most, never with a business role. */
    public void grant(long id, Role role, Actor actor) {
        grants.grant(id, role, actor);
    }

    public void revoke(long id, Role role, Actor actor) {
        grants.revoke(id, role, actor);
    }

    /** Data scope: organisation subtree (by the account's unit), fonds (null = all) and clearance. */
    public void setScope(
            long id,
            long orgId,
            @Nullable List<Long> fondsIds,
            int clearance,
            @Nullable String allowedNetworks,
            boolean totpRequired,
            Actor actor) {
        scopes.set(id, new DataScopes.Settings(orgId, fondsIds, clearance, allowedNetworks, totpRequired), actor);
    }

    // ---- the account itself ---------------------------------------------------------------------

    public void changePassword(long id, String current, String next, Actor actor) {
        passwords.change(id, current, next, actor);
    }

    /** Starts TOTP enrolment: a new secret, stored encrypted, active once a first code is confirmed. */
    public String startTotpEnrolment(long id) {
        return totp.start(id);
    }

    /** Checks a code (no code is accepted twice); on the first success of an enrolment, enables TOTP. */
    public boolean verifyTotp(long id, String code, boolean enrolling, Actor actor) {
        return totp.verify(id, code, enrolling, actor);
    }

    // ---- for the login ----------------------------------------------------------------------------

    @Nullable
    String totpSecret(long id) {
        return totp.secret(id);
    }

    String passwordHash(long id) {
        return passwords.passwordHash(id);
    }

    boolean passwordExpired(Account a, OffsetDateTime now) {
        return passwords.expired(a, now);
    }
}
