package org.siarchive.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Limits the public doors before any work is done behind them: password logins per account and per
 * address (the online service's fallback login and registration too), certificate verification per
 * address. Runs ahead of the security filters, so a refused login costs no password hash and leaves no
 * failed attempt. API tokens are limited where they are checked ({@link ApiTokenFilter}).
 */
@Component
@org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication
@Order(SecurityFilterProperties.DEFAULT_FILTER_ORDER - 1)
class RateLimitFilter extends OncePerRequestFilter {

    private final RateLimits limits;
    private final SecurityProblems problems;

    RateLimitFilter(RateLimits limits, SecurityProblems problems) {
        this.limits = limits;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var refused = decide(request);
        if (refused != null) {
            problems.tooManyRequests(request, response, refused.retryAfterSeconds());
            return;
        }
        chain.doFilter(request, response);
    }

    /** The refusal that applies, or null when the request may pass. */
    private RateLimits.@org.jspecify.annotations.Nullable Decision decide(HttpServletRequest request) {
        String path = request.getRequestURI();
        String address = request.getRemoteAddr();
        if (path.equals("/login") && "POST".equals(request.getMethod())) {
            return first(
                    limits.take(RateLimits.Kind.LOGIN_ADDRESS, address),
                    limits.take(RateLimits.Kind.LOGIN_ACCOUNT, account(request)));
        }
        if (path.equals("/portal/login") && "POST".equals(request.getMethod())) {
            // the online service's fallback login: the same allowances, its account named by the ID number
            return first(
                    limits.take(RateLimits.Kind.LOGIN_ADDRESS, address),
                    limits.take(RateLimits.Kind.LOGIN_ACCOUNT, "portal:" + parameter(request, "certNo")));
        }
        if (path.startsWith("/portal/register") && "POST".equals(request.getMethod())) {
            return first(limits.take(RateLimits.Kind.LOGIN_ADDRESS, address));
        }
        if (path.equals("/verify") || path.startsWith("/verify/")) {
            return first(limits.take(RateLimits.Kind.VERIFY_ADDRESS, address));
        }
        return null;
    }

    private static String account(HttpServletRequest request) {
        return parameter(request, "username");
    }

    private static String parameter(HttpServletRequest request, String name) {
        String value = request.getParameter(name);
        return value == null ? "" : value.strip().toLowerCase(Locale.ROOT);
    }

    private static RateLimits.@org.jspecify.annotations.Nullable Decision first(RateLimits.Decision... decisions) {
        for (var d : decisions) {
            if (!d.allowed()) {
                return d;
            }
        }
        return null;
    }
}
