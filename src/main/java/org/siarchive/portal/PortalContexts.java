package org.siarchive.portal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.function.Supplier;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpRequestResponseHolder;
import org.springframework.security.web.context.SecurityContextRepository;

/**
 * The portal chain's security context: read from the portal cookie's session on each request, never from
 * a servlet session. Saving does nothing — a session begins only where a login succeeded
 * ({@link PortalSessions#open}), so nothing a filter puts in the context outlives the request.
 */
final class PortalContexts implements SecurityContextRepository {

    private final PortalSessions sessions;

    PortalContexts(PortalSessions sessions) {
        this.sessions = sessions;
    }

    @Override
    @SuppressWarnings("deprecation")
    public SecurityContext loadContext(HttpRequestResponseHolder holder) {
        return load(holder.getRequest());
    }

    @Override
    public org.springframework.security.core.context.DeferredSecurityContext loadDeferredContext(
            HttpServletRequest request) {
        Supplier<SecurityContext> context = () -> load(request);
        return new org.springframework.security.core.context.DeferredSecurityContext() {
            private SecurityContext loaded;

            @Override
            public SecurityContext get() {
                if (loaded == null) {
                    loaded = context.get();
                }
                return loaded;
            }

            @Override
            public boolean isGenerated() {
                return PortalSessions.token(request) == null;
            }
        };
    }

    private SecurityContext load(HttpServletRequest request) {
        var context = SecurityContextHolder.createEmptyContext();
        sessions.current(request).ifPresent(u -> context.setAuthentication(new PortalAuthentication(u)));
        return context;
    }

    @Override
    public void saveContext(SecurityContext context, HttpServletRequest request, HttpServletResponse response) {
        // sessions are opened by a successful login only
    }

    @Override
    public boolean containsContext(HttpServletRequest request) {
        return PortalSessions.token(request) != null;
    }
}
