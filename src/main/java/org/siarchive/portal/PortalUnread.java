package org.siarchive.portal;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Puts the signed-in portal user's unread message count (or null) in every portal page, for the 消息 link. */
@ControllerAdvice(basePackageClasses = PortalUnread.class)
class PortalUnread {

    private final PortalNotices notices;

    PortalUnread(PortalNotices notices) {
        this.notices = notices;
    }

    @ModelAttribute("portalUnread")
    @Nullable
    Long portalUnread(@Nullable Authentication authentication, HttpServletRequest request) {
        if (!"GET".equals(request.getMethod()) || !(authentication instanceof PortalAuthentication p)) {
            return null; // a form's POST redirects: no page to show the count on
        }
        return notices.unread(p.getPrincipal().accountId());
    }
}
