package org.siarchive.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.siarchive.shared.InvalidInputException;
import org.springframework.web.multipart.MultipartHttpServletRequest;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * {@link InputDoor}'s rules for the text fields of multipart forms, which exist only once Spring has read
 * the body (just before the controller).
 */
class MultipartDoor implements HandlerInterceptor {

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (request instanceof MultipartHttpServletRequest multipart) {
            var violations = InputDoor.check(multipart.getParameterMap());
            if (!violations.isEmpty()) {
                throw new InvalidInputException(violations);
            }
        }
        return true;
    }
}
