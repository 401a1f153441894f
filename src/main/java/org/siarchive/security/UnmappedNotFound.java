package org.siarchive.security;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.resource.ResourceHttpRequestHandler;
import org.springframework.web.util.ServletRequestPathUtils;

/**
 * A console request denied because no rule names its path is answered 404 when no controller answers
 * that path either: a mistyped or stale address is "not found", not "无权访问" (issue 14). The request
 * stays denied (the rules are unchanged, nothing reaches a controller); only the answer differs. A path a
 * controller does answer (for any method) keeps its 403 page.
 */
final class UnmappedNotFound implements AccessDeniedHandler {

    private final AccessDeniedHandler denied;
    private final ObjectProvider<HandlerMapping> controllers;

    UnmappedNotFound(AccessDeniedHandler denied, ObjectProvider<HandlerMapping> controllers) {
        this.denied = denied;
        this.controllers = controllers;
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
            throws IOException, ServletException {
        if (!mapped(request)) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        denied.handle(request, response, e);
    }

    /**
     * Whether a controller or an actuator endpoint answers this path (static resources, which match any
     * path, do not count); asked on a copy, so the request keeps its attributes.
     */
    boolean mapped(HttpServletRequest request) {
        var probe = new Probe(request);
        ServletRequestPathUtils.parseAndCache(probe);
        return controllers.orderedStream().anyMatch(mapping -> answers(mapping, probe));
    }

    private static boolean answers(HandlerMapping mapping, HttpServletRequest probe) {
        try {
            var chain = mapping.getHandler(probe);
            return chain != null && !(chain.getHandler() instanceof ResourceHttpRequestHandler);
        } catch (Exception wrongMethodOrMediaType) {
            return true; // the path is answered, with another method or content type
        }
    }

    /** The request with attributes of its own. */
    private static final class Probe extends HttpServletRequestWrapper {

        private final Map<String, @Nullable Object> attributes = new HashMap<>();

        Probe(HttpServletRequest request) {
            super(request);
        }

        @Override
        public @Nullable Object getAttribute(String name) {
            return attributes.containsKey(name) ? attributes.get(name) : super.getAttribute(name);
        }

        @Override
        public void setAttribute(String name, @Nullable Object o) {
            attributes.put(name, o);
        }

        @Override
        public void removeAttribute(String name) {
            attributes.put(name, null);
        }
    }
}
