package org.siarchive.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.siarchive.shared.Bounds;
import org.siarchive.shared.InvalidInputException;
import org.siarchive.shared.Violation;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The door every request parameter passes before any filter, login step or controller reads it
 * (docs/adr/0036): percent-encoding must decode, and every name and value must keep within
 * {@link Bounds#text}. A refusal is answered by {@link ErrorPages} as the same 4xx problem a controller
 * would give, so nothing behind the door (the login form, the audit trail, PostgreSQL) ever sees a NUL.
 * Multipart bodies are read later by Spring; their fields are checked by {@link MultipartDoor}.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 100)
class InputDoor extends OncePerRequestFilter {

    /** The request attribute carrying the refusal to the error page. */
    static final String REFUSED = InputDoor.class.getName() + ".refused";

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        List<Violation> violations;
        try {
            violations =
                    multipart(request) ? queryViolations(request.getQueryString()) : check(request.getParameterMap());
        } catch (IllegalArgumentException | IllegalStateException e) {
            // malformed percent-encoding (Tomcat refuses to decode it): a bad request, not a server error
            response.sendError(HttpServletResponse.SC_BAD_REQUEST);
            return;
        }
        if (!violations.isEmpty()) {
            request.setAttribute(REFUSED, new InvalidInputException(violations));
            response.sendError(422);
            return;
        }
        try {
            chain.doFilter(request, response);
        } finally {
            // a body whose reading failed half-way leaves no collection behind on this pooled thread
            TextFields.stopCollecting();
        }
    }

    static boolean multipart(HttpServletRequest request) {
        String type = request.getContentType();
        return type != null && type.toLowerCase(java.util.Locale.ROOT).startsWith("multipart/");
    }

    /** The violations of every parameter name and value. */
    static List<Violation> check(Map<String, String[]> parameters) {
        var out = new ArrayList<Violation>();
        parameters.forEach((name, values) -> {
            Bounds.text("parameter", name, Bounds.MAX_SEARCH_TEXT).ifPresent(out::add);
            for (String value : values) {
                Bounds.text(name, value, limit(name)).ifPresent(out::add);
            }
        });
        return out;
    }

    /** The capture metadata and the batch manifest are JSON documents whose fields the JSON reader bounds one by one. */
    private static int limit(String name) {
        return switch (name) {
            case "metadata" -> Bounds.MAX_METADATA;
            case "manifest" -> Bounds.MAX_MANIFEST;
            default -> Bounds.MAX_TEXT;
        };
    }

    /** The query string decoded strictly (UTF-8, well-formed escapes), each parameter checked. */
    private static List<Violation> queryViolations(String query) {
        if (query == null || query.isEmpty()) {
            return List.of();
        }
        var parameters = new java.util.LinkedHashMap<String, String[]>();
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            parameters.merge(name, new String[] {value}, (a, b) -> java.util.stream.Stream.concat(
                            java.util.Arrays.stream(a), java.util.Arrays.stream(b))
                    .toArray(String[]::new));
        }
        return check(parameters);
    }

    private static String decode(String s) {
        var decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(java.nio.charset.CodingErrorAction.REPORT);
        String text = URLDecoder.decode(s, StandardCharsets.ISO_8859_1);
        try {
            return decoder.decode(java.nio.ByteBuffer.wrap(text.getBytes(StandardCharsets.ISO_8859_1)))
                    .toString();
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new IllegalArgumentException("not UTF-8", e);
        }
    }
}
