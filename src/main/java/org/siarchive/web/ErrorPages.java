package org.siarchive.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.siarchive.shared.InvalidInputException;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * {@code /error}: what the servlet container answers when a request fails outside a controller (the
 * {@link InputDoor}, a filter, a container limit). Answered as the {@link ProblemHandler} answers
 * controllers: a problem in the caller's language, never the container's page or a status 999. Called
 * directly, {@code /error} is simply not found.
 */
@Controller
class ErrorPages implements ErrorController {

    private final ProblemHandler problems;

    ErrorPages(ProblemHandler problems) {
        this.problems = problems;
    }

    @RequestMapping("/error")
    Object error(HttpServletRequest req) {
        if (req.getAttribute(InputDoor.REFUSED) instanceof InvalidInputException refused) {
            return problems.invalid(refused, req);
        }
        if (!(req.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) instanceof Integer code)) {
            return problems.status(HttpStatus.NOT_FOUND, req);
        }
        if (unreadable(req.getAttribute(RequestDispatcher.ERROR_EXCEPTION))) {
            return problems.status(HttpStatus.BAD_REQUEST, req);
        }
        var status = HttpStatus.resolve(code);
        return problems.status(status == null ? HttpStatus.INTERNAL_SERVER_ERROR : status, req);
    }

    /**
     * Parameters or multipart parts the container could not read (bad escapes, an overlong part header)
     * when a filter first asked for them: the request is malformed, the server is fine.
     */
    static boolean unreadable(Object exception) {
        for (var t = exception instanceof Throwable e ? e : null; t != null; t = t.getCause()) {
            if (t instanceof org.apache.tomcat.util.http.InvalidParameterException
                    || t.getClass().getPackageName().startsWith("org.apache.tomcat.util.http.fileupload")) {
                return true;
            }
        }
        return false;
    }
}
