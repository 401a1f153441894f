package org.siarchive.portal;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.siarchive.shared.Actor;
import org.siarchive.shared.ForbiddenException;
import org.springframework.security.core.Authentication;

/** The employer's agent behind a portal request, and the actor its audit entries name. */
final class EmployerRequests {

    private EmployerRequests() {}

    /** The signed-in employer's agent; a person is refused (403): these pages are the employers'. */
    static PortalUser employer(@Nullable Authentication authentication) {
        if (!(authentication instanceof PortalAuthentication p)
                || p.getPrincipal().person()) {
            throw new ForbiddenException("portal.employerOnly");
        }
        return p.getPrincipal();
    }

    static Actor actor(PortalUser user, HttpServletRequest request) {
        return PortalActors.of(user, request);
    }
}
