package org.siarchive.security;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.siarchive.shared.Actor;

/** The actor of a request: remote address as the server sees it (no forwarded headers are trusted). */
final class Requests {

    private Requests() {}

    static Actor actor(@Nullable Principal p, String fallbackName, HttpServletRequest request) {
        String agent = request.getHeader("User-Agent");
        String client = agent == null ? "unknown" : agent.length() > 200 ? agent.substring(0, 200) : agent;
        return new Actor(
                p == null ? fallbackName : p.name(), p == null ? null : p.orgCode(), request.getRemoteAddr(), client);
    }
}
