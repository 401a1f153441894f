package org.siarchive.web;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.siarchive.shared.ConflictException;
import org.siarchive.shared.IntegrityException;
import org.siarchive.shared.InvalidInputException;
import org.siarchive.shared.KeyedException;
import org.siarchive.shared.NotFoundException;
import org.siarchive.shared.Violation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import org.springframework.web.servlet.support.RequestContextUtils;

/**
 * Every error becomes an RFC 9457 problem (API) or an error page (console) in the caller's language:
 * the field and the rule are named, nothing internal (stack traces, SQL) is ever shown.
 */
@RestControllerAdvice
class ProblemHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);

    private final MessageSource messages;
    private final org.siarchive.shared.ReadableTime time;

    ProblemHandler(MessageSource messages, org.siarchive.shared.ReadableTime time) {
        this.messages = messages;
        this.time = time;
    }

    /** A destroyed item: 410 with its destruction record (docs/adr/0070); a page showing it on the console. */
    @ExceptionHandler(org.siarchive.shared.GoneException.class)
    Object gone(org.siarchive.shared.GoneException e, HttpServletRequest req) {
        var locale = RequestContextUtils.getLocale(req);
        var f = e.facts();
        String at = time.format(f.destroyedAt(), org.siarchive.shared.ReadableTime.MINUTES);
        var p = problem(HttpStatus.GONE, "gone", locale, List.of(f.archiveCode(), at));
        p.setProperty("archiveCode", f.archiveCode());
        p.setProperty("state", messages.getMessage("copies.gone.state", null, "", locale));
        p.setProperty("destroyedAt", at);
        p.setProperty("method", f.method());
        p.setProperty("place", f.place());
        p.setProperty("executor", f.executor());
        p.setProperty("supervisors", f.supervisors());
        p.setProperty("batchNo", f.batchNo());
        p.setProperty("listNo", f.listNo());
        p.setProperty("digests", f.digests());
        p.setProperty("backupsHolding", f.backupsHolding());
        if (requestUri(req).startsWith("/api/")) {
            return respond(p, req);
        }
        var mav = new ModelAndView("error/gone");
        mav.setStatus(HttpStatus.GONE);
        mav.addObject("problem", p);
        mav.addObject("facts", f);
        mav.addObject("destroyedAt", at);
        return mav;
    }

    @ExceptionHandler(InvalidInputException.class)
    Object invalid(InvalidInputException e, HttpServletRequest req) {
        var locale = RequestContextUtils.getLocale(req);
        var errors = e.violations().stream().map(v -> error(v, locale)).toList();
        var p = problem(HttpStatus.UNPROCESSABLE_CONTENT, "invalid-input", locale, List.of(errors.size()));
        p.setProperty("errors", errors);
        return respond(p, req);
    }

    @ExceptionHandler(NotFoundException.class)
    Object notFound(NotFoundException e, HttpServletRequest req) {
        var locale = RequestContextUtils.getLocale(req);
        var p = problem(HttpStatus.NOT_FOUND, "not-found", locale, List.of(e.objectId()));
        p.setDetail(notFoundDetail(e.objectType(), e.objectId(), locale));
        p.setProperty("objectType", e.objectType());
        return respond(p, req);
    }

    /** 未找到证明“123”: the kind of thing by its label (objectType.*), and the id the caller gave. */
    private String notFoundDetail(String objectType, String objectId, Locale locale) {
        String id = objectId.isBlank() ? "-" : objectId;
        String kind = messages.getMessage("objectType." + objectType, null, null, locale);
        return kind == null
                ? messages.getMessage("problem.not-found.detail", new Object[] {id}, "", locale)
                : messages.getMessage("problem.not-found.detailOf", new Object[] {kind, id}, "", locale);
    }

    @ExceptionHandler(ConflictException.class)
    Object conflict(ConflictException e, HttpServletRequest req) {
        var p = keyed(HttpStatus.CONFLICT, "conflict", e, req);
        if (e instanceof org.siarchive.shared.DuplicatesHeldException d) { // issue 12 (correct): ADR 0035
            p.setProperty("duplicates", d.duplicates());
        }
        return respond(p, req);
    }

    @ExceptionHandler(org.siarchive.shared.ForbiddenException.class)
    Object forbidden(org.siarchive.shared.ForbiddenException e, HttpServletRequest req) {
        return respond(keyed(HttpStatus.FORBIDDEN, "forbidden", e, req), req);
    }

    /** 503: an answer that cannot be given with its guarantees now (e.g. its access entry was not written). */
    @ExceptionHandler(org.siarchive.shared.UnavailableException.class)
    Object unavailable(org.siarchive.shared.UnavailableException e, HttpServletRequest req) {
        return respond(keyed(HttpStatus.SERVICE_UNAVAILABLE, "unavailable", e, req), req);
    }

    /** A problem whose detail is the exception's message key, worded in the caller's language. */
    private ProblemDetail keyed(HttpStatus status, String type, KeyedException e, HttpServletRequest req) {
        var locale = RequestContextUtils.getLocale(req);
        var p = problem(status, type, locale, List.of());
        p.setDetail(messages.getMessage(e.messageKey(), e.args().toArray(), e.messageKey(), locale));
        return p;
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    Object tooLarge(MaxUploadSizeExceededException e, HttpServletRequest req) {
        return respond(
                problem(HttpStatus.CONTENT_TOO_LARGE, "too-large", RequestContextUtils.getLocale(req), List.of()), req);
    }

    @ExceptionHandler({MissingServletRequestPartException.class, MissingServletRequestParameterException.class})
    Object missingPart(Exception e, HttpServletRequest req) {
        String name = e instanceof MissingServletRequestPartException m
                ? m.getRequestPartName()
                : ((MissingServletRequestParameterException) e).getParameterName();
        return invalid(new InvalidInputException(Violation.of(name, "required")), req);
    }

    @ExceptionHandler({MultipartException.class, HttpMessageNotReadableException.class})
    Object badRequest(Exception e, HttpServletRequest req) {
        var refused = InvalidInputException.within(e);
        if (refused.isPresent()) {
            // a JSON field the text door refused while the body was read (web/TextFields)
            return invalid(refused.get(), req);
        }
        return respond(
                problem(HttpStatus.BAD_REQUEST, "bad-request", RequestContextUtils.getLocale(req), List.of()), req);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    Object typeMismatch(MethodArgumentTypeMismatchException e, HttpServletRequest req) {
        return invalid(new InvalidInputException(Violation.of(e.getName(), "format")), req);
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    Object mediaType(HttpMediaTypeNotSupportedException e, HttpServletRequest req) {
        return respond(
                problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "media-type", RequestContextUtils.getLocale(req), List.of()),
                req);
    }

    @ExceptionHandler(org.springframework.web.HttpMediaTypeNotAcceptableException.class)
    Object notAcceptable(org.springframework.web.HttpMediaTypeNotAcceptableException e, HttpServletRequest req) {
        return respond(
                problem(HttpStatus.NOT_ACCEPTABLE, "media-type", RequestContextUtils.getLocale(req), List.of()), req);
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    Object method(HttpRequestMethodNotSupportedException e, HttpServletRequest req) {
        return respond(
                problem(HttpStatus.METHOD_NOT_ALLOWED, "method", RequestContextUtils.getLocale(req), List.of()), req);
    }

    @ExceptionHandler(NoResourceFoundException.class)
    Object noResource(NoResourceFoundException e, HttpServletRequest req) {
        return status(HttpStatus.NOT_FOUND, req);
    }

    /** The problem for a status the container decided (see {@link ErrorPages}); its own kind where known. */
    Object status(HttpStatus status, HttpServletRequest req) {
        String kind =
                switch (status) {
                    case NOT_FOUND -> "not-found";
                    case BAD_REQUEST -> "bad-request";
                    case METHOD_NOT_ALLOWED -> "method";
                    case CONTENT_TOO_LARGE -> "too-large";
                    case UNSUPPORTED_MEDIA_TYPE, NOT_ACCEPTABLE -> "media-type";
                    case UNAUTHORIZED -> "unauthenticated";
                    case FORBIDDEN -> "forbidden";
                    default -> status.is4xxClientError() ? "bad-request" : "internal";
                };
        var locale = RequestContextUtils.getLocale(req);
        var p = problem(status, kind, locale, List.of(requestUri(req)));
        if (status == HttpStatus.NOT_FOUND) {
            p.setDetail(notFoundDetail("PAGE", requestUri(req), locale));
        }
        return respond(p, req);
    }

    @ExceptionHandler(IntegrityException.class)
    Object integrity(IntegrityException e, HttpServletRequest req) {
        log.error("integrity failure: {}", e.subject());
        var p = problem(
                HttpStatus.INTERNAL_SERVER_ERROR,
                "integrity",
                RequestContextUtils.getLocale(req),
                List.of(e.subject()));
        return respond(p, req);
    }

    @ExceptionHandler(Exception.class)
    Object unexpected(Exception e, HttpServletRequest req) {
        if (ErrorPages.unreadable(e)) {
            return badRequest(e, req);
        }
        log.error("unexpected error on {} {}", req.getMethod(), req.getRequestURI(), e);
        return respond(
                problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal", RequestContextUtils.getLocale(req), List.of()),
                req);
    }

    private ProblemDetail problem(HttpStatus status, String kind, Locale locale, List<?> args) {
        var p = ProblemDetail.forStatus(status);
        p.setType(URI.create("urn:siarchive:problem:" + kind));
        p.setTitle(messages.getMessage("problem." + kind + ".title", null, status.getReasonPhrase(), locale));
        p.setDetail(messages.getMessage("problem." + kind + ".detail", args.toArray(), "", locale));
        return p;
    }

    private Map<String, String> error(Violation v, Locale locale) {
        String label = messages.getMessage("field." + v.field().replaceAll("\\[\\d+]", "[]"), null, v.field(), locale);
        String message = messages.getMessage(v.messageKey(), v.args().toArray(), v.rule(), locale);
        String text =
                messages.getMessage("violation.format", new Object[] {label, message}, label + ": " + message, locale);
        return Map.of("field", v.field(), "rule", v.rule(), "message", text);
    }

    /** The path the caller asked for, also while the container forwards a failure to /error. */
    private static String requestUri(HttpServletRequest req) {
        Object original = req.getAttribute(jakarta.servlet.RequestDispatcher.ERROR_REQUEST_URI);
        return original instanceof String uri ? uri : req.getRequestURI();
    }

    private static Object respond(ProblemDetail p, HttpServletRequest req) {
        if (requestUri(req).startsWith("/api/")) {
            return ResponseEntity.status(p.getStatus())
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .body(p);
        }
        // the online service's pages answer in its own layout: the console's knows no portal user
        var mav = new ModelAndView(requestUri(req).startsWith("/portal") ? "portal/problem" : "error/problem");
        mav.setStatus(HttpStatus.valueOf(p.getStatus()));
        mav.addObject("problem", p);
        return mav;
    }
}
