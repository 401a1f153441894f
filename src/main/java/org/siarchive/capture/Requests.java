package org.siarchive.capture;

import jakarta.servlet.http.HttpServletRequest;
import org.siarchive.shared.Actor;

/** Until authentication lands, every request is made by the local operator; address and client are kept. */
final class Requests {

    private Requests() {}

    static Actor actor(HttpServletRequest request) {
        String agent = request.getHeader("User-Agent");
        return new Actor("local-operator", request.getRemoteAddr(), agent == null ? "unknown" : agent);
    }
}
