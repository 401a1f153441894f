package org.siarchive.portal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.siarchive.audit.AuditDetail;
import org.siarchive.audit.AuditOperation;
import org.siarchive.audit.AuditTrail;
import org.siarchive.audit.AuditedObject;
import org.siarchive.shared.Actor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The end of every portal sign-in, whichever way the identity was proved: the account's login recorded, its
 * failure count cleared, the session opened (ending the account's earlier ones) and the login audited — in one
 * transaction. Refusals are audited in a transaction of their own.
 */
@Component
class PortalSignIn {

    /** How the identity was proved, as the audit's login step ({@code audit.loginStep.*}). */
    enum Step {
        oidc,
        password,
        totp
    }

    private final JdbcClient jdbc;
    private final PortalSessions sessions;
    private final AuditTrail audit;

    PortalSignIn(JdbcClient jdbc, PortalSessions sessions, AuditTrail audit) {
        this.jdbc = jdbc;
        this.sessions = sessions;
        this.audit = audit;
    }

    /** Who acts in a portal request: the account ({@code portal:<id>}) or, before sign-in, {@code anonymous}. */
    static Actor actor(HttpServletRequest request, @Nullable Long accountId) {
        String agent = request.getHeader("User-Agent");
        String client = agent == null ? "unknown" : agent.length() > 200 ? agent.substring(0, 200) : agent;
        return new Actor(accountId == null ? "anonymous" : "portal:" + accountId, request.getRemoteAddr(), client);
    }

    @Transactional
    public void succeeded(long accountId, Step step, HttpServletRequest request, HttpServletResponse response) {
        jdbc.sql(
                        """
                update portal_account set last_login_at = now(), failed_logins = 0, locked_until = null
                where id = :a""")
                .param("a", accountId)
                .update();
        audit.record(
                actor(request, accountId),
                AuditedObject.PORTAL_ACCOUNT,
                Long.toString(accountId),
                AuditOperation.LOGIN,
                AuditTrail.SUCCESS,
                null,
                AuditDetail.of("audit.detail.loginStep", AuditDetail.label("audit.loginStep." + step.name()))
                        .encoded());
        sessions.open(accountId, request, response);
    }

    /** A refused sign-in: {@code objectId} names the account when one is known, else how it was tried. */
    void refused(String objectId, String reason, @Nullable Long accountId, HttpServletRequest request) {
        audit.recordAlone(
                actor(request, accountId),
                AuditedObject.PORTAL_ACCOUNT,
                objectId,
                AuditOperation.LOGIN,
                AuditTrail.FAILURE,
                reason,
                null);
    }

    /** A sign-out, audited before its session ends. */
    void loggedOut(long accountId, HttpServletRequest request) {
        audit.recordAlone(
                actor(request, accountId),
                AuditedObject.PORTAL_ACCOUNT,
                Long.toString(accountId),
                AuditOperation.LOGOUT,
                AuditTrail.SUCCESS,
                null,
                null);
    }
}
