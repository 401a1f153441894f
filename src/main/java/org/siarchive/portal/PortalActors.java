package org.siarchive.portal;

import jakarta.servlet.http.HttpServletRequest;
import org.siarchive.shared.Actor;

/**
 * The portal user as the audit trail names them: {@code portal:<account>}, their address and browser — the one
 * place every portal page takes its actor from.
 */
final class PortalActors {

    private PortalActors() {}

    static Actor of(PortalUser user, HttpServletRequest request) {
        String agent = request.getHeader("User-Agent");
        return new Actor(
                user.getName(),
                request.getRemoteAddr(),
                agent == null ? "-" : agent.length() > 200 ? agent.substring(0, 200) : agent);
    }
}
