package org.siarchive.portal;

import jakarta.servlet.http.HttpServletResponse;
import org.siarchive.shared.ConflictException;
import org.siarchive.shared.NotFoundException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/**
 * A person's pages answer a refusal in the portal's own layout: 404 for anything not theirs (the same page for
 * another person's id, a withheld or a missing one — the id asked for is not echoed), 409 for a copy the
 * portal does not give. The console's problem pages read a staff principal and are not for portal users.
 */
@ControllerAdvice(assignableTypes = {PortalItems.class, PortalCertificates.class})
@Order(Ordered.HIGHEST_PRECEDENCE)
class PortalProblemPages {

    @ExceptionHandler(NotFoundException.class)
    String notFound(NotFoundException e, HttpServletResponse response, Model model) {
        response.setStatus(404);
        model.addAttribute("titleKey", "problem.not-found.title");
        model.addAttribute("detailKey", "portal.problem.notOwn");
        model.addAttribute("args", new Object[0]);
        return "portal/refused";
    }

    @ExceptionHandler(ConflictException.class)
    String conflict(ConflictException e, HttpServletResponse response, Model model) {
        response.setStatus(409);
        model.addAttribute("titleKey", "problem.conflict.title");
        model.addAttribute("detailKey", e.messageKey());
        model.addAttribute("args", e.args().toArray());
        return "portal/refused";
    }
}
