package org.siarchive.security;

import static org.siarchive.security.AccountChecks.notSelf;

import org.siarchive.audit.AuditDetail;
import org.siarchive.audit.AuditOperation;
import org.siarchive.audit.AuditTrail;
import org.siarchive.audit.AuditedObject;
import org.siarchive.shared.Actor;
import org.siarchive.shared.ConflictException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The security administrator's part under 三员分立: approving accounts someone else created, and granting
 * roles so that nobody holds two administrator roles, or an administrator role beside a business role.
 */
@Component
class AccountGrants {

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final AccountRows rows;

    AccountGrants(JdbcClient jdbc, AuditTrail audit, AccountRows rows) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.rows = rows;
    }

    @Transactional
    void approve(long id, Actor actor) {
        var a = rows.require(id);
        notSelf(a, actor);
        if (!"PENDING".equals(a.status())) {
            throw new ConflictException("conflict.accountNotPending", a.username());
        }
        if (a.createdBy().equals(actor.name())) {
            throw new ConflictException("conflict.approveOwnCreation", a.username());
        }
        jdbc.sql("update account set status = 'ACTIVE', approved_by = :by where id = :id")
                .param("by", actor.name())
                .param("id", id)
                .update();
        audit.record(actor, AuditedObject.ACCOUNT, a.username(), AuditOperation.APPROVE, null, null);
    }

    @Transactional
    void grant(long id, Role role, Actor actor) {
        var a = rows.require(id);
        notSelf(a, actor);
        if (a.roles().contains(role)) {
            return;
        }
        separated(a, role);
        jdbc.sql("insert into account_role (account_id, role, granted_by) values (:id, :r, :by)")
                .param("id", id)
                .param("r", role.name())
                .param("by", actor.name())
                .update();
        audit.record(
                actor,
                AuditedObject.ACCOUNT,
                a.username(),
                AuditOperation.GRANT_ROLE,
                null,
                AuditDetail.of("audit.detail.role", AuditDetail.label("role." + role.name()))
                        .encoded());
    }

    /** 三员分立: one administrator role at most, never together with a business role. */
    private static void separated(Account a, Role role) {
        for (Role held : a.roles()) {
            if (held.administrator() && role.administrator()) {
                throw new ConflictException("conflict.twoAdministratorRoles", a.username(), held.name(), role.name());
            }
            if (held.administrator() != role.administrator()) {
                throw new ConflictException("conflict.adminAndBusinessRole", a.username(), held.name(), role.name());
            }
        }
    }

    @Transactional
    void revoke(long id, Role role, Actor actor) {
        var a = rows.require(id);
        notSelf(a, actor);
        int n = jdbc.sql("delete from account_role where account_id = :id and role = :r")
                .param("id", id)
                .param("r", role.name())
                .update();
        if (n > 0) {
            audit.record(
                    actor,
                    AuditedObject.ACCOUNT,
                    a.username(),
                    AuditOperation.REVOKE_ROLE,
                    null,
                    AuditDetail.of("audit.detail.role", AuditDetail.label("role." + role.name()))
                            .encoded());
        }
    }
}
