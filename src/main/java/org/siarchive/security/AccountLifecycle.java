package org.siarchive.security;

import static org.siarchive.security.AccountChecks.notSelf;
import static org.siarchive.security.AccountChecks.requireReason;

import java.util.ArrayList;
import java.util.Set;
import org.siarchive.audit.AuditDetail;
import org.siarchive.audit.AuditOperation;
import org.siarchive.audit.AuditTrail;
import org.siarchive.audit.AuditedObject;
import org.siarchive.organisation.Organisations;
import org.siarchive.shared.Actor;
import org.siarchive.shared.ConflictException;
import org.siarchive.shared.InvalidInputException;
import org.siarchive.shared.Violation;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The system administrator's part of an account's life: creating it (pending the security
 * administrator's approval), disabling and enabling it, resetting its password; and the platform's own
 * provisioning of accounts on first start. Each change is audited in its own transaction.
 */
@Component
class AccountLifecycle {

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final Passwords passwords;
    private final Organisations organisations;
    private final AccountRows rows;

    AccountLifecycle(
            JdbcClient jdbc, AuditTrail audit, Passwords passwords, Organisations organisations, AccountRows rows) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.passwords = passwords;
        this.organisations = organisations;
        this.rows = rows;
    }

    @Transactional
    Accounts.Created create(String username, String displayName, long orgId, Actor actor) {
        String u = username == null ? "" : username.strip();
        var v = new ArrayList<Violation>();
        if (!u.matches("[A-Za-z][A-Za-z0-9._-]{2,63}")) {
            v.add(Violation.of("username", "username"));
        }
        if (displayName == null || displayName.isBlank() || displayName.length() > 100) {
            v.add(Violation.of("displayName", "required"));
        }
        if (!v.isEmpty()) {
            throw new InvalidInputException(v);
        }
        var org = organisations.require(orgId);
        if (rows.byUsername(u).isPresent()) {
            throw new ConflictException("conflict.usernameTaken", u);
        }
        String otp = Passwords.oneTime();
        long id = insert(u, displayName.strip(), orgId, passwords.hash(otp), "PENDING", actor.name());
        audit.record(
                actor,
                AuditedObject.ACCOUNT,
                u,
                AuditOperation.CREATE,
                null,
                AuditDetail.of("audit.detail.accountOrg", org.name()).encoded());
        return new Accounts.Created(rows.require(id), otp);
    }

    @Transactional
    Account provision(
            String username, String displayName, long orgId, Set<Role> roles, String password, boolean mustChange) {
        long id = insert(username, displayName, orgId, passwords.hash(password), "ACTIVE", Actor.SYSTEM.name());
        jdbc.sql("update account set must_change = :m, approved_by = 'system' where id = :id")
                .param("m", mustChange)
                .param("id", id)
                .update();
        for (Role r : roles) {
            jdbc.sql("insert into account_role (account_id, role, granted_by) values (:id, :r, 'system')")
                    .param("id", id)
                    .param("r", r.name())
                    .update();
        }
        audit.record(
                Actor.SYSTEM,
                AuditedObject.ACCOUNT,
                username,
                AuditOperation.PROVISION,
                null,
                AuditDetail.of(
                                "audit.detail.roles",
                                AuditDetail.labels(roles.stream()
                                        .map(r -> "role." + r.name())
                                        .sorted()
                                        .toList()))
                        .encoded());
        return rows.require(id);
    }

    private long insert(String username, String displayName, long orgId, String hash, String status, String by) {
        long id = jdbc.sql(
                        """
                insert into account (username, display_name, org_id, password_hash, status, created_by, must_change)
                values (:u, :d, :o, :h, :s, :by, true) returning id
                """)
                .param("u", username)
                .param("d", displayName)
                .param("o", orgId)
                .param("h", hash)
                .param("s", status)
                .param("by", by)
                .query(Long.class)
                .single();
        jdbc.sql("insert into password_history (account_id, password_hash) values (:id, :h)")
                .param("id", id)
                .param("h", hash)
                .update();
        return id;
    }

    @Transactional
    void disable(long id, String reason, Actor actor) {
        var a = rows.require(id);
        requireReason(reason);
        notSelf(a, actor);
        jdbc.sql("update account set status = 'DISABLED' where id = :id")
                .param("id", id)
                .update();
        audit.record(actor, AuditedObject.ACCOUNT, a.username(), AuditOperation.DISABLE, reason, null);
    }

    @Transactional
    void enable(long id, String reason, Actor actor) {
        var a = rows.require(id);
        requireReason(reason);
        notSelf(a, actor);
        if (!"DISABLED".equals(a.status())) {
            throw new ConflictException("conflict.accountNotDisabled", a.username());
        }
        jdbc.sql("update account set status = 'ACTIVE', failed_logins = 0, locked_until = null where id = :id")
                .param("id", id)
                .update();
        audit.record(actor, AuditedObject.ACCOUNT, a.username(), AuditOperation.ENABLE, reason, null);
    }

    @Transactional
    String resetPassword(long id, String reason, Actor actor) {
        var a = rows.require(id);
        requireReason(reason);
        notSelf(a, actor);
        String otp = Passwords.oneTime();
        jdbc.sql(
                        """
                update account set password_hash = :h, must_change = true, password_changed_at = now(),
                    failed_logins = 0, locked_until = null where id = :id
                """)
                .param("h", passwords.hash(otp))
                .param("id", id)
                .update();
        audit.record(actor, AuditedObject.ACCOUNT, a.username(), AuditOperation.RESET_PASSWORD, reason, null);
        return otp;
    }
}
