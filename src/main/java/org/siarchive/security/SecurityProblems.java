package org.siarchive.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.LocaleResolver;
import tools.jackson.databind.json.JsonMapper;

/** 401 and 403 answers of the API as RFC 9457 problems in the caller's language. */
@Component
class SecurityProblems implements AuthenticationEntryPoint, AccessDeniedHandler {

    private final MessageSource messages;
    private final LocaleResolver locales;
    private final JsonMapper json;

    SecurityProblems(MessageSource messages, LocaleResolver locales, JsonMapper json) {
        this.messages = messages;
        this.locales = locales;
        this.json = json;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        write(request, response, HttpStatus.UNAUTHORIZED, "unauthenticated");
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
            throws IOException {
        write(request, response, HttpStatus.FORBIDDEN, "forbidden");
    }

    /** 429 with Retry-After: a rate limit refused the request (docs/adr/0032). */
    void tooManyRequests(HttpServletRequest request, HttpServletResponse response, long retryAfterSeconds)
            throws IOException {
        response.setHeader("Retry-After", Long.toString(retryAfterSeconds));
        write(request, response, HttpStatus.TOO_MANY_REQUESTS, "too-many-requests", retryAfterSeconds);
    }

    void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String type)
            throws IOException {
        write(request, response, status, type, new Object[0]);
    }

    private void write(
            HttpServletRequest request, HttpServletResponse response, HttpStatus status, String type, Object... args)
            throws IOException {
        Locale locale = locales.resolveLocale(request);
        var p = ProblemDetail.forStatus(status);
        p.setType(URI.create("https://siarchive.org/problems/" + type));
        p.setTitle(messages.getMessage("problem." + type + ".title", null, type, locale));
        p.setDetail(messages.getMessage("problem." + type + ".detail", args, type, locale));
        p.setInstance(URI.create(request.getRequestURI()));
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        if (status == HttpStatus.UNAUTHORIZED) {
            response.setHeader("WWW-Authenticate", "Bearer realm=\"siarchive\"");
        }
        json.writeValue(response.getOutputStream(), p);
    }
}
