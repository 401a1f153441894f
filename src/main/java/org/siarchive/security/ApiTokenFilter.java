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
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates {@code Authorization: Bearer sia_…} on {@code /api/}: a valid token becomes the
 * request's principal (nothing is kept in a session); a refused one answers 401 and is audited; a
 * token past its rate limit answers 429.
 */
class ApiTokenFilter extends OncePerRequestFilter {

    private final TokenCheck tokens;
    private final AuditTrail audit;
    private final SecurityProblems problems;
    private final RateLimits limits;

    ApiTokenFilter(TokenCheck tokens, AuditTrail audit, SecurityProblems problems, RateLimits limits) {
        this.tokens = tokens;
        this.audit = audit;
        this.problems = problems;
        this.limits = limits;
    }

    static boolean bearer(HttpServletRequest request) {
        String h = request.getHeader("Authorization");
        return h != null && h.regionMatches(true, 0, "Bearer ", 0, 7);
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith("/api/") || !bearer(request);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String token = request.getHeader("Authorization").substring(7).strip();
        var checked = tokens.check(token, request.getRemoteAddr());
        if (checked.principal() == null) {
            var actor = Requests.actor(null, checked.client() == null ? "-" : "client:" + checked.client(), request);
            audit.recordAlone(
                    actor,
                    AuditedObject.API_TOKEN,
                    token.length() >= 10 ? token.substring(0, 10) : "-",
                    AuditOperation.AUTHENTICATE,
                    AuditTrail.DENIED,
                    AuditDetail.of(
                                    "audit.detail.tokenRefused",
                                    AuditDetail.label("audit.tokenRefusal." + checked.refusal()))
                            .encoded(),
                    request.getMethod() + " " + request.getRequestURI());
            problems.write(request, response, HttpStatus.UNAUTHORIZED, "unauthenticated");
            return;
        }
        // the limit is per client system (its tokens share it); the token itself is never kept in memory
        var allowance = limits.take(RateLimits.Kind.TOKEN, String.valueOf(checked.client()));
        if (!allowance.allowed()) {
            problems.tooManyRequests(request, response, allowance.retryAfterSeconds());
            return;
        }
        var p = checked.principal();
        var authorities = new java.util.ArrayList<SimpleGrantedAuthority>();
        authorities.add(new SimpleGrantedAuthority(Stage.DONE.authority()));
        p.permissions().forEach(s -> authorities.add(new SimpleGrantedAuthority(s)));
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(p, null, authorities));
        SecurityContextHolder.setContext(context);
        try {
            chain.doFilter(request, response);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }
}
