package org.siarchive.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.siarchive.shared.FormErrors;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.view.RedirectView;

/**
 * Every rendered console view has its form errors, none unless the controller put the real ones in the model, so
 * every template may ask {@code formErrors.has(..)} (docs/adr/0049). Set after the handler and only when a view is
 * rendered: an API answer has no model, and pays nothing for this. (A {@code @ModelAttribute} advice did this before
 * every handler, API or not: Spring matched and invoked it on each request, about 5 % of a person file's request
 * CPU, issue 20.)
 */
class FormErrorsDefault implements HandlerInterceptor {

    static final String NAME = "formErrors";

    @Override
    public void postHandle(
            HttpServletRequest request, HttpServletResponse response, Object handler, @Nullable ModelAndView mav) {
        if (mav == null || redirect(mav)) {
            return;
        }
        mav.getModelMap().putIfAbsent(NAME, FormErrors.none());
    }

    private static boolean redirect(ModelAndView mav) {
        String name = mav.getViewName();
        return (name != null && name.startsWith("redirect:")) || mav.getView() instanceof RedirectView;
    }
}
