package org.siarchive.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.siarchive.audit.AuditOperation;
import org.siarchive.audit.AuditTrail;
import org.siarchive.audit.AuditedObject;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.logout.LogoutHandler;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/** Where a login goes after each step, what a failure says, and the audit entry of a logout. */
@Component
class LoginHandlers implements AuthenticationSuccessHandler, AuthenticationFailureHandler, LogoutHandler {

    private final SecurityPolicy policy;
    private final AuditTrail audit;
    private final TransactionTemplate tx;
    private final HttpSessionRequestCache saved = new HttpSessionRequestCache();

    LoginHandlers(SecurityPolicy policy, AuditTrail audit, TransactionTemplate tx) {
        this.policy = policy;
        this.audit = audit;
        this.tx = tx;
    }

    @Override
    public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response, Authentication auth)
            throws IOException {
        request.getSession().setMaxInactiveInterval(policy.get(SecurityPolicy.Key.SESSION_IDLE_MINUTES) * 60);
        response.sendRedirect(next(request, auth));
    }

    /** The page for the stage the authentication is in. */
    String next(HttpServletRequest request, Authentication auth) {
        var authorities =
                auth.getAuthorities().stream().map(a -> a.getAuthority()).toList();
        if (authorities.contains(Stage.TOTP.authority())) {
            return "/login/totp";
        }
        if (authorities.contains(Stage.ENROL.authority())) {
            return "/login/enrol";
        }
        if (authorities.contains(Stage.PASSWORD_CHANGE.authority())) {
            return "/account/password";
        }
        var request0 = saved.getRequest(request, null);
        if (request0 != null && request0.getMethod().equals("GET")) {
            String url = request0.getRedirectUrl();
            saved.removeRequest(request, null);
            try {
                var uri = java.net.URI.create(url);
                // only same-site paths, never another host
                return uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
            } catch (IllegalArgumentException e) {
                return "/";
            }
        }
        return "/";
    }

    @Override
    public void onAuthenticationFailure(
            HttpServletRequest request, HttpServletResponse response, AuthenticationException e) throws IOException {
        String code = e instanceof LockedException
                ? "locked"
                : e instanceof PasswordStep.PendingException
                        ? "pending"
                        : e instanceof DisabledException
                                ? "disabled"
                                : e instanceof PasswordStep.NetworkRefusedException ? "network" : "bad";
        response.sendRedirect("/login?error=" + code);
    }

    @Override
    public void logout(HttpServletRequest request, HttpServletResponse response, Authentication auth) {
        if (auth != null && auth.getPrincipal() instanceof Principal p) {
            tx.executeWithoutResult(s -> audit.record(
                    Requests.actor(p, p.name(), request),
                    AuditedObject.ACCOUNT,
                    p.name(),
                    AuditOperation.LOGOUT,
                    null,
                    null));
        }
    }
}
