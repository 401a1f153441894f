package org.siarchive.security;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.qrcode.QRCodeWriter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Base64;
import java.util.Map;
import javax.imageio.ImageIO;
import org.jspecify.annotations.Nullable;
import org.siarchive.audit.AuditDetail;
import org.siarchive.shared.InvalidInputException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The login pages: password form, TOTP code, authenticator enrolment, password change, own account. */
@Controller
@org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication
class LoginConsole {

    private final Accounts accounts;
    private final LoginAttempts attempts;
    private final PasswordStep passwordStep;
    private final LoginHandlers handlers;
    private final SecurityContextRepository contexts;
    private final SecurityPolicy policy;

    LoginConsole(
            Accounts accounts,
            LoginAttempts attempts,
            PasswordStep passwordStep,
            LoginHandlers handlers,
            SecurityContextRepository contexts,
            SecurityPolicy policy) {
        this.accounts = accounts;
        this.attempts = attempts;
        this.passwordStep = passwordStep;
        this.handlers = handlers;
        this.contexts = contexts;
        this.policy = policy;
    }

    @GetMapping("/login")
    String login(@RequestParam(required = false) @Nullable String error, Model model) {
        model.addAttribute("error", error);
        return "security/login";
    }

    @org.springframework.web.bind.annotation.RequestMapping("/denied")
    String denied(HttpServletResponse response) {
        response.setStatus(403);
        return "security/denied";
    }

    @GetMapping("/login/totp")
    String totp(@RequestParam(required = false) @Nullable String error, Model model) {
        model.addAttribute("error", error != null);
        return "security/totp";
    }

    @PostMapping("/login/totp")
    String verifyTotp(
            @RequestParam(defaultValue = "") String code, HttpServletRequest request, HttpServletResponse response) {
        return secondFactor(code, false, request, response);
    }

    @GetMapping("/login/enrol")
    String enrol(@RequestParam(required = false) @Nullable String error, Model model) throws Exception {
        var p = principal();
        String secret = accounts.totpSecret(p.accountId());
        if (secret == null) {
            secret = accounts.startTotpEnrolment(p.accountId());
        }
        String uri = Totp.uri("SIArchive", p.name(), secret);
        model.addAttribute("secret", secret.replaceAll("(.{4})", "$1 ").strip());
        model.addAttribute("qr", "data:image/png;base64," + qrPng(uri));
        model.addAttribute("error", error != null);
        return "security/enrol";
    }

    @PostMapping("/login/enrol")
    String confirmEnrolment(
            @RequestParam(defaultValue = "") String code, HttpServletRequest request, HttpServletResponse response) {
        return secondFactor(code, true, request, response);
    }

    private String secondFactor(
            String code, boolean enrolling, HttpServletRequest request, HttpServletResponse response) {
        var p = principal();
        var actor = Requests.actor(p, p.name(), request);
        var account = accounts.require(p.accountId());
        if (account.locked(java.time.OffsetDateTime.now()) || !"ACTIVE".equals(account.status())) {
            logout(request);
            return "redirect:/login?error=locked";
        }
        var checked = account;
        var outcome = attempts.attempt(
                account,
                AuditDetail.of(enrolling ? "audit.detail.wrongEnrolmentCode" : "audit.detail.wrongTotpCode")
                        .encoded(),
                actor,
                () -> accounts.verifyTotp(checked.id(), code.strip(), enrolling, actor));
        if (outcome == LoginAttempts.Attempt.LOCKED || outcome == LoginAttempts.Attempt.LOCKED_NOW) {
            logout(request);
            return "redirect:/login?error=locked";
        }
        if (outcome == LoginAttempts.Attempt.FAILED) {
            return "redirect:" + (enrolling ? "/login/enrol?error" : "/login/totp?error");
        }
        account = accounts.require(account.id());
        attempts.recordSuccess(account, "totp", actor);
        Stage stage = passwordStep.next(account, false);
        var fresh = Principal.of(account, accounts.permissions(account));
        replace(
                UsernamePasswordAuthenticationToken.authenticated(fresh, null, stage.authorities(fresh)),
                request,
                response);
        request.changeSessionId();
        return "redirect:"
                + handlers.next(request, SecurityContextHolder.getContext().getAuthentication());
    }

    @GetMapping("/account/password")
    String passwordForm(Model model) {
        model.addAttribute("policy", policy.current());
        model.addAttribute(
                "forced", stage(SecurityContextHolder.getContext().getAuthentication()) == Stage.PASSWORD_CHANGE);
        return "security/password";
    }

    @PostMapping("/account/password")
    String changePassword(
            @RequestParam(defaultValue = "") String currentPassword,
            @RequestParam(defaultValue = "") String newPassword,
            @RequestParam(defaultValue = "") String confirmPassword,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        var p = principal();
        try {
            if (!newPassword.equals(confirmPassword)) {
                throw new InvalidInputException(
                        org.siarchive.shared.Violation.of("confirmPassword", "passwordMismatch"));
            }
            accounts.changePassword(p.accountId(), currentPassword, newPassword, Requests.actor(p, p.name(), request));
        } catch (InvalidInputException e) {
            model.addAttribute("violations", e.violations());
            return passwordForm(model);
        }
        var account = accounts.require(p.accountId());
        var fresh = Principal.of(account, accounts.permissions(account));
        replace(
                UsernamePasswordAuthenticationToken.authenticated(fresh, null, Stage.DONE.authorities(fresh)),
                request,
                response);
        return "redirect:/account?changed";
    }

    @GetMapping("/account")
    String account(Model model) {
        var p = principal();
        model.addAttribute("nav", "account");
        model.addAttribute("account", accounts.require(p.accountId()));
        model.addAttribute("principal", p);
        model.addAttribute("permissionKeys", PermissionLabels.keys(p.permissions()));
        return "security/account";
    }

    private void replace(Authentication auth, HttpServletRequest request, HttpServletResponse response) {
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(auth);
        SecurityContextHolder.setContext(context);
        contexts.saveContext(context, request, response);
    }

    private static void logout(HttpServletRequest request) {
        SecurityContextHolder.clearContext();
        var session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
    }

    private static @Nullable Stage stage(@Nullable Authentication auth) {
        if (auth == null) {
            return null;
        }
        for (Stage s : Stage.values()) {
            if (auth.getAuthorities().stream().anyMatch(a -> a.getAuthority().equals(s.authority()))) {
                return s;
            }
        }
        return null;
    }

    static Principal principal() {
        var auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.getPrincipal() instanceof Principal p && p.accountId() != null) {
            return p;
        }
        throw new org.springframework.security.access.AccessDeniedException("no account");
    }

    static String qrPng(String text) throws Exception {
        var matrix = new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 240, 240, Map.of(EncodeHintType.MARGIN, 1));
        var image = new BufferedImage(matrix.getWidth(), matrix.getHeight(), BufferedImage.TYPE_BYTE_BINARY);
        for (int x = 0; x < matrix.getWidth(); x++) {
            for (int y = 0; y < matrix.getHeight(); y++) {
                image.setRGB(x, y, matrix.get(x, y) ? 0x000000 : 0xFFFFFF);
            }
        }
        var out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return Base64.getEncoder().encodeToString(out.toByteArray());
    }
}
