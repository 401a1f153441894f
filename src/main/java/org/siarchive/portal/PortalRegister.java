package org.siarchive.portal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.siarchive.quality.CitizenIdNumber;
import org.siarchive.shared.FormErrors;
import org.siarchive.shared.Violation;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * Registration without an identity provider: the identity form, then the code page (the code sent by SMS, the
 * new password twice). The code page carries the registration's token in a form field, never in an address.
 * Off ({@code siarchive.portal.registration.enabled=false}) → these pages do not exist.
 */
@Controller
class PortalRegister {

    private final PortalRegistrations registrations;
    private final PortalSignIn signIn;
    private final boolean enabled;

    private final org.siarchive.shared.ReadableTime time;

    PortalRegister(
            org.siarchive.shared.ReadableTime time,
            PortalRegistrations registrations,
            PortalSignIn signIn,
            @Value("${siarchive.portal.registration.enabled:true}") boolean enabled) {
        this.time = time;
        this.registrations = registrations;
        this.signIn = signIn;
        this.enabled = enabled;
    }

    private void requireEnabled() {
        if (!enabled) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
    }

    @GetMapping("/portal/register")
    String form(Model model) {
        requireEnabled();
        return identity(model, "PERSON", "", "", "", FormErrors.none());
    }

    private static String identity(Model model, String kind, String name, String certNo, String phone, FormErrors e) {
        model.addAttribute("kind", kind);
        model.addAttribute("name", name);
        model.addAttribute("certNo", certNo);
        model.addAttribute("phone", phone);
        model.addAttribute("formErrors", e);
        return "portal/register";
    }

    @PostMapping("/portal/register")
    String start(
            @RequestParam(required = false) @Nullable String kind,
            @RequestParam(required = false) @Nullable String name,
            @RequestParam(required = false) @Nullable String certNo,
            @RequestParam(required = false) @Nullable String phone,
            HttpServletRequest request,
            HttpServletResponse response,
            Locale locale,
            Model model) {
        requireEnabled();
        String k = PortalOidcLogin.kindOf(kind);
        String n = name == null ? "" : name.strip();
        String c = certNo == null ? "" : certNo.strip();
        String p = phone == null ? "" : phone.strip();
        var v = new ArrayList<Violation>();
        if (n.isEmpty()) {
            v.add(Violation.of("name", "required"));
        } else if (n.length() > 100) {
            v.add(Violation.of("name", "maxLength", 100));
        }
        if (c.isEmpty()) {
            v.add(Violation.of("certNo", "required"));
        } else {
            CitizenIdNumber.problem(c, time.today())
                    .ifPresent(x -> v.add(Violation.of("certNo", "citizenId." + x.name())));
        }
        if (p.isEmpty()) {
            v.add(Violation.of("phone", "required"));
        } else if (!p.matches("1[3-9]\\d{9}")) {
            v.add(Violation.of("phone", "mobile"));
        }
        if (!v.isEmpty()) {
            response.setStatus(400);
            return identity(model, k, n, c, p, FormErrors.of(v));
        }
        var started =
                registrations.start(PortalUser.Kind.valueOf(k), n, CitizenIdNumber.normalize(c), p, locale, request);
        return code(model, started.token(), FormErrors.none());
    }

    private static String code(Model model, String token, FormErrors e) {
        model.addAttribute("token", token);
        model.addAttribute("formErrors", e);
        return "portal/register-code";
    }

    @PostMapping("/portal/register/code")
    String confirm(
            @RequestParam(name = "r", required = false) @Nullable String token,
            @RequestParam(required = false) @Nullable String code,
            @RequestParam(required = false) @Nullable String password,
            @RequestParam(required = false) @Nullable String confirm,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        requireEnabled();
        if (token == null || token.length() != 43) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST);
        }
        long id;
        try {
            id = registrations.confirm(token, code, password, confirm, request);
        } catch (PortalRegistrations.RegistrationRefused e) {
            response.setStatus(400);
            return code(model, token, FormErrors.of(e.violations()));
        }
        signIn.succeeded(id, PortalSignIn.Step.password, request, response);
        return "redirect:/portal/account?registered";
    }
}
