package org.siarchive.portal;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import org.siarchive.shared.Actor;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * 消息: the signed-in user's portal messages, newest first, {@value PortalNotices#SIZE} a page; one line or all of
 * them marked read (POST, with the portal's CSRF token). Another account's line is 404, as one that does not exist.
 */
@Controller
class PortalNoticesPage {

    private final PortalNotices notices;

    PortalNoticesPage(PortalNotices notices) {
        this.notices = notices;
    }

    @GetMapping("/portal/notifications")
    String list(
            @RequestParam(defaultValue = "0") int page,
            @AuthenticationPrincipal PortalUser user,
            Locale locale,
            Model model) {
        model.addAttribute("result", notices.page(user.accountId(), page, locale));
        model.addAttribute("portalNav", "notifications");
        return "portal/notifications";
    }

    @PostMapping("/portal/notifications/{id}/read")
    String read(
            @PathVariable long id,
            @RequestParam(defaultValue = "0") int page,
            @AuthenticationPrincipal PortalUser user,
            HttpServletRequest request) {
        notices.read(user.accountId(), id, actor(user, request));
        return "redirect:/portal/notifications?page=" + Math.max(0, Math.min(page, PortalNotices.MAX_PAGES - 1));
    }

    @PostMapping("/portal/notifications/read-all")
    String readAll(@AuthenticationPrincipal PortalUser user, HttpServletRequest request) {
        notices.readAll(user.accountId(), actor(user, request));
        return "redirect:/portal/notifications";
    }

    static Actor actor(PortalUser user, HttpServletRequest request) {
        return PortalActors.of(user, request);
    }
}
