package org.siarchive.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.siarchive.audit.AuditDetail;
import org.siarchive.audit.AuditOperation;
import org.siarchive.audit.AuditTrail;
import org.siarchive.audit.AuditedObject;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Records every refused access (403) of a signed-in account or API client as {@code DENIED}: the URL
 * rules refusing a role (Spring Security's access-denied handlers) and a module refusing an object
 * ({@code ForbiddenException}, answered by the web module) alike. It sits inside both security chains,
 * before the exception translation, so the principal is still known when the answer is seen; the entry
 * has a transaction of its own, as the refused work (if any) rolled back.
 */
class DeniedAccessAudit extends OncePerRequestFilter {

    private final AuditTrail audit;

    DeniedAccessAudit(AuditTrail audit) {
        this.audit = audit;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } finally {
            if (response.getStatus() == HttpStatus.FORBIDDEN.value()) {
                recordDenied(request);
            }
        }
    }

    private void recordDenied(HttpServletRequest request) {
        var auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !(auth.getPrincipal() instanceof Principal p)) {
            return; // nobody signed in: the login page, not a refusal, answers them
        }
        String target = request.getMethod() + " " + request.getRequestURI();
        audit.recordAlone(
                Requests.actor(p, p.name(), request),
                AuditedObject.REQUEST,
                target.length() > 200 ? target.substring(0, 200) : target,
                AuditOperation.ACCESS,
                AuditTrail.DENIED,
                null,
                AuditDetail.of("audit.detail.forbidden", target).encoded());
    }
}
