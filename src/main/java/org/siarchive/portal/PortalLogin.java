package org.siarchive.portal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.siarchive.quality.CitizenIdNumber;
import org.siarchive.shared.FormErrors;
import org.siarchive.shared.Violation;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The sign-in page: the identity provider's button (when one is configured), the fallback form (公民身份号码,
 * password, TOTP code when enrolled) and the way to register (when registration is enabled). Each refusal comes
 * back here with its message; the form keeps what was typed except the password.
 */
@Controller
class PortalLogin {

    /** The messages a return to the sign-in page may name ({@code ?error=}). */
    static final Set<String> ERRORS = Set.of("expired", "invalid", "denied", "identity", "unavailable");

    private final PortalOidc oidc;
    private final PortalPasswordLogin passwords;
    private final PortalSignIn signIn;
    private final boolean registration;
    private final org.siarchive.shared.ReadableTime time;

    PortalLogin(
            org.siarchive.shared.ReadableTime time,
            PortalOidc oidc,
            PortalPasswordLogin passwords,
            PortalSignIn signIn,
            @Value("${siarchive.portal.registration.enabled:true}") boolean registration) {
        this.time = time;
        this.oidc = oidc;
        this.passwords = passwords;
        this.signIn = signIn;
        this.registration = registration;
    }

    @GetMapping("/portal/login")
    String page(@RequestParam(required = false) @Nullable String error, Model model) {
        return show(
                model,
                error != null && ERRORS.contains(error) ? "portal.login.error." + error : null,
                "PERSON",
                "",
                FormErrors.none());
    }

    private String show(Model model, @Nullable String alert, String kind, String certNo, FormErrors errors) {
        model.addAttribute("oidcEnabled", oidc.enabled());
        model.addAttribute("oidcId", oidc.registrationId());
        model.addAttribute("registrationEnabled", registration);
        model.addAttribute("alert", alert);
        model.addAttribute("kind", kind);
        model.addAttribute("certNo", certNo);
        model.addAttribute("formErrors", errors);
        return "portal/login";
    }

    /** Leaves for the identity provider, unless it cannot be reached (then says so here instead of failing there). */
    @GetMapping("/portal/login/oidc")
    String provider(@RequestParam(required = false) @Nullable String kind) {
        if (!oidc.enabled() || oidc.registration() == null) {
            return "redirect:/portal/login?error=unavailable";
        }
        return "redirect:" + PortalOidc.AUTHORIZATION_BASE + "/" + oidc.registrationId() + "?kind="
                + PortalOidcLogin.kindOf(kind);
    }

    @PostMapping("/portal/login")
    String signIn(
            @RequestParam(required = false) @Nullable String kind,
            @RequestParam(required = false) @Nullable String certNo,
            @RequestParam(required = false) @Nullable String password,
            @RequestParam(required = false) @Nullable String totp,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        String k = PortalOidcLogin.kindOf(kind);
        String cert = certNo == null ? "" : certNo.strip();
        var v = new ArrayList<Violation>();
        if (cert.isEmpty()) {
            v.add(Violation.of("certNo", "required"));
        } else {
            CitizenIdNumber.problem(cert, time.today())
                    .ifPresent(p -> v.add(Violation.of("certNo", "citizenId." + p.name())));
        }
        if (password == null || password.isEmpty()) {
            v.add(Violation.of("password", "required"));
        }
        if (!v.isEmpty()) {
            response.setStatus(400);
            return show(model, null, k, cert, FormErrors.of(v));
        }
        var r = passwords.attempt(PortalUser.Kind.valueOf(k), CitizenIdNumber.normalize(cert), password, totp, request);
        if (r.outcome() == PortalPasswordLogin.Outcome.PASSED && r.accountId() != null) {
            signIn.succeeded(
                    r.accountId(),
                    r.withTotp() ? PortalSignIn.Step.totp : PortalSignIn.Step.password,
                    request,
                    response);
            return "redirect:/portal";
        }
        response.setStatus(401);
        String alert =
                r.outcome() == PortalPasswordLogin.Outcome.LOCKED ? "login.error.locked" : "portal.login.error.bad";
        return show(model, alert, k, cert, FormErrors.none());
    }
}
