package org.siarchive.portal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.siarchive.shared.FormErrors;
import org.siarchive.shared.InvalidInputException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * {@code /portal/account}: the signed-in user's name, masked 公民身份号码 and phone, and — for accounts of the
 * fallback login — the password change and the TOTP second factor. Changing the password ends every other session
 * of the account and opens a new one here.
 */
@Controller
class PortalAccountPage {

    private final PortalAccountChanges changes;
    private final PortalSessions sessions;

    PortalAccountPage(PortalAccountChanges changes, PortalSessions sessions) {
        this.changes = changes;
        this.sessions = sessions;
    }

    @GetMapping("/portal/account")
    String page(@AuthenticationPrincipal PortalUser user, Model model) {
        return show(user, model, null, null, FormErrors.none(), null);
    }

    private String show(
            PortalUser user,
            Model model,
            @Nullable String done,
            @Nullable String form,
            FormErrors errors,
            @Nullable String secret) {
        model.addAttribute("portalNav", "account");
        model.addAttribute("account", changes.view(user.accountId()));
        model.addAttribute("done", done);
        model.addAttribute("form", form);
        model.addAttribute("formErrors", errors);
        model.addAttribute("secret", secret);
        model.addAttribute("totpUri", secret == null ? null : changes.totpUri(user.accountId(), secret));
        return "portal/account";
    }

    @PostMapping("/portal/account/password")
    String password(
            @AuthenticationPrincipal PortalUser user,
            @RequestParam(required = false) @Nullable String currentPassword,
            @RequestParam(required = false) @Nullable String newPassword,
            @RequestParam(required = false) @Nullable String confirmPassword,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        try {
            changes.changePassword(user.accountId(), currentPassword, newPassword, confirmPassword, request);
        } catch (InvalidInputException e) {
            response.setStatus(400);
            return show(user, model, null, "password", FormErrors.of(e), null);
        }
        sessions.open(user.accountId(), request, response);
        return show(user, model, "portal.account.passwordChanged", null, FormErrors.none(), null);
    }

    @PostMapping("/portal/account/totp/start")
    String startTotp(@AuthenticationPrincipal PortalUser user, Model model) {
        return show(user, model, null, "totp", FormErrors.none(), changes.newSecret());
    }

    @PostMapping("/portal/account/totp")
    String enrolTotp(
            @AuthenticationPrincipal PortalUser user,
            @RequestParam(required = false) @Nullable String secret,
            @RequestParam(required = false) @Nullable String code,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        try {
            changes.enrolTotp(user.accountId(), secret, code, request);
        } catch (InvalidInputException e) {
            response.setStatus(400);
            String keep = secret != null && secret.matches("[A-Z2-7]{32}") ? secret : changes.newSecret();
            return show(user, model, null, "totp", FormErrors.of(e), keep);
        }
        return show(user, model, "portal.account.totpEnrolled", null, FormErrors.none(), null);
    }

    @PostMapping("/portal/account/totp/remove")
    String removeTotp(
            @AuthenticationPrincipal PortalUser user,
            @RequestParam(required = false) @Nullable String currentPassword,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        try {
            changes.removeTotp(user.accountId(), currentPassword, request);
        } catch (InvalidInputException e) {
            response.setStatus(400);
            return show(user, model, null, "totpRemove", FormErrors.of(e), null);
        }
        return show(user, model, "portal.account.totpRemoved", null, FormErrors.none(), null);
    }
}
