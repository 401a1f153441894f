package org.siarchive.portal;

import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import org.siarchive.shared.ForbiddenException;
import org.siarchive.shared.NotFoundException;
import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * The employer pages' refusals (another employer's id: 404; a person on an employer page: 403) as a page of
 * the portal's own layout — the console's error page belongs to the staff layout.
 */
@ControllerAdvice(assignableTypes = {EmployerPages.class, SubmissionPages.class})
@Order(Ordered.HIGHEST_PRECEDENCE)
class EmployerProblems {

    private final MessageSource messages;

    EmployerProblems(MessageSource messages) {
        this.messages = messages;
    }

    /** A missing id, another employer's id and a malformed one read alike. */
    @ExceptionHandler({NotFoundException.class, MethodArgumentTypeMismatchException.class})
    String notFound(Exception e, HttpServletResponse response, Model model, Locale locale) {
        response.setStatus(404);
        model.addAttribute("problemTitle", messages.getMessage("portal.problem.notFound", null, locale));
        model.addAttribute("problemDetail", messages.getMessage("portal.problem.notFound.detail", null, locale));
        return "portal/employer-problem";
    }

    @ExceptionHandler(ForbiddenException.class)
    String forbidden(ForbiddenException e, HttpServletResponse response, Model model, Locale locale) {
        response.setStatus(403);
        model.addAttribute("problemTitle", messages.getMessage("portal.problem.forbidden", null, locale));
        model.addAttribute(
                "problemDetail", messages.getMessage(e.messageKey(), e.args().toArray(), e.messageKey(), locale));
        return "portal/employer-problem";
    }
}
