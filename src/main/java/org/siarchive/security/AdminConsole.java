package org.siarchive.security;

import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.siarchive.audit.AuditedObject;
import org.siarchive.catalog.FondsDirectory;
import org.siarchive.organisation.Organisations;
import org.siarchive.shared.Access;
import org.siarchive.shared.ConflictException;
import org.siarchive.shared.FormErrors;
import org.siarchive.shared.InvalidInputException;
import org.siarchive.shared.Violation;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Console of the administrators' accounts pages: accounts created by the system administrator, approved
 * and granted by the security administrator (the organisation tree, the security policy and API tokens
 * have their own consoles). A refused form comes back (422, 409 for a conflict) with the error beside
 * its field and the input kept. Which
 * button works for whom is decided by the HTTP rules; the page shows each role only its own buttons.
 */
@Controller
@org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication
class AdminConsole {

    private final Accounts accounts;
    private final Organisations organisations;
    private final FondsDirectory fonds;
    private final ConsoleReads reads;

    AdminConsole(Accounts accounts, Organisations organisations, FondsDirectory fonds, ConsoleReads reads) {
        this.accounts = accounts;
        this.organisations = organisations;
        this.fonds = fonds;
        this.reads = reads;
    }

    private void read(Access access, AuditedObject type, String id) {
        reads.read(access, type, id);
    }

    @GetMapping("/admin/accounts")
    String list(Access access, Model model) {
        read(access, AuditedObject.ACCOUNT, "*");
        model.addAttribute("newAccount", new NewAccount("", "", null));
        return listPage(model);
    }

    /** The new-account form as posted. */
    record NewAccount(@Nullable String username, @Nullable String displayName, @Nullable String orgId) {}

    private String listPage(Model model) {
        model.addAttribute("nav", "accounts");
        model.addAttribute("accounts", accounts.list());
        model.addAttribute("orgs", organisations.all());
        return "security/accounts";
    }

    @GetMapping("/admin/accounts/{id}")
    String account(@PathVariable long id, Access access, Model model) {
        read(access, AuditedObject.ACCOUNT, accounts.require(id).username());
        return detailPage(id, model);
    }

    private String detailPage(long id, Model model) {
        model.addAttribute("nav", "accounts");
        model.addAttribute("account", accounts.require(id));
        model.addAttribute("orgs", organisations.all());
        model.addAttribute("fonds", fonds.all());
        model.addAttribute("roles", Role.values());
        return "security/account-detail";
    }

    @PostMapping("/admin/accounts")
    String create(
            @ModelAttribute("newAccount") NewAccount form,
            Access access,
            Model model,
            RedirectAttributes flash,
            HttpServletResponse response) {
        var v = new ArrayList<Violation>();
        long orgId = FormNumbers.parse(form.orgId(), "orgId", v);
        try {
            if (!v.isEmpty()) {
                throw new InvalidInputException(v);
            }
            var created = accounts.create(
                    form.username() == null ? "" : form.username(),
                    form.displayName() == null ? "" : form.displayName(),
                    orgId,
                    access.actor());
            flash.addFlashAttribute("oneTimeUser", created.account().username());
            flash.addFlashAttribute("oneTimePassword", created.oneTimePassword());
            return "redirect:/admin/accounts/" + created.account().id();
        } catch (InvalidInputException e) {
            response.setStatus(422);
            model.addAttribute("formErrors", FormErrors.of(e));
            return listPage(model);
        } catch (ConflictException e) {
            response.setStatus(409);
            model.addAttribute("formErrors", FormErrors.of(List.of(conflict("username", e))));
            return listPage(model);
        }
    }

    private static Violation conflict(String field, ConflictException e) {
        return new Violation(field, "conflict", e.messageKey(), e.args());
    }

    @PostMapping("/admin/accounts/{id}/disable")
    String disable(
            @PathVariable long id,
            @RequestParam(defaultValue = "") String reason,
            Access access,
            Model model,
            HttpServletResponse response) {
        return withReason(
                id, "statusReason", reason, model, response, () -> accounts.disable(id, reason, access.actor()));
    }

    @PostMapping("/admin/accounts/{id}/enable")
    String enable(
            @PathVariable long id,
            @RequestParam(defaultValue = "") String reason,
            Access access,
            Model model,
            HttpServletResponse response) {
        return withReason(
                id, "statusReason", reason, model, response, () -> accounts.enable(id, reason, access.actor()));
    }

    @PostMapping("/admin/accounts/{id}/reset-password")
    String reset(
            @PathVariable long id,
            @RequestParam(defaultValue = "") String reason,
            Access access,
            RedirectAttributes flash,
            Model model,
            HttpServletResponse response) {
        return withReason(id, "passwordReason", reason, model, response, () -> {
            String otp = accounts.resetPassword(id, reason, access.actor());
            flash.addFlashAttribute("oneTimeUser", accounts.require(id).username());
            flash.addFlashAttribute("oneTimePassword", otp);
        });
    }

    @PostMapping("/admin/accounts/{id}/reset-totp")
    String resetTotp(
            @PathVariable long id,
            @RequestParam(defaultValue = "") String reason,
            Access access,
            Model model,
            HttpServletResponse response) {
        return withReason(
                id, "totpReason", reason, model, response, () -> accounts.resetTotp(id, reason, access.actor()));
    }

    /**
     * A form that needs a reason (disable, enable, the resets): refused, the account page again (422) with the
     * error beside that form's reason ({@code input}) and the reason as typed (issue 14).
     */
    private String withReason(
            long id, String input, String reason, Model model, HttpServletResponse response, Runnable action) {
        try {
            action.run();
            return "redirect:/admin/accounts/" + id;
        } catch (InvalidInputException e) {
            response.setStatus(422);
            model.addAttribute("formErrors", FormErrors.of(e).renamed(java.util.Map.of("reason", input)));
            model.addAttribute("typedReasons", java.util.Map.of(input, reason));
            return detailPage(id, model);
        }
    }

    @PostMapping("/admin/accounts/{id}/approve")
    String approve(@PathVariable long id, Access access) {
        accounts.approve(id, access.actor());
        return "redirect:/admin/accounts/" + id;
    }

    @PostMapping("/admin/accounts/{id}/roles")
    String roles(
            @PathVariable long id,
            @RequestParam(defaultValue = "") String role,
            @RequestParam(defaultValue = "grant") String action,
            Access access,
            Model model,
            HttpServletResponse response) {
        try {
            Role r;
            try {
                r = Role.valueOf(role);
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException(Violation.of("role", "code"));
            }
            if (action.equals("revoke")) {
                accounts.revoke(id, r, access.actor());
            } else {
                accounts.grant(id, r, access.actor());
            }
        } catch (InvalidInputException e) {
            response.setStatus(422);
            model.addAttribute("formErrors", FormErrors.of(e));
            return detailPage(id, model);
        } catch (ConflictException e) {
            response.setStatus(409);
            model.addAttribute("formErrors", FormErrors.of(List.of(conflict("role", e))));
            return detailPage(id, model);
        }
        return "redirect:/admin/accounts/" + id;
    }

    @PostMapping("/admin/accounts/{id}/scope")
    String scope(
            @PathVariable long id,
            @RequestParam(defaultValue = "0") long orgId,
            @RequestParam(defaultValue = "false") boolean allFonds,
            @RequestParam(required = false) @Nullable List<Long> fondsIds,
            @RequestParam(defaultValue = "1") int clearance,
            @RequestParam(required = false) @Nullable String allowedNetworks,
            @RequestParam(defaultValue = "false") boolean totpRequired,
            Access access,
            Model model,
            HttpServletResponse response) {
        try {
            accounts.setScope(
                    id,
                    orgId,
                    allFonds ? null : fondsIds == null ? List.of() : fondsIds,
                    clearance,
                    allowedNetworks,
                    totpRequired,
                    access.actor());
        } catch (InvalidInputException e) {
            response.setStatus(422);
            model.addAttribute("formErrors", FormErrors.of(e));
            model.addAttribute("typedNetworks", allowedNetworks);
            return detailPage(id, model);
        }
        return "redirect:/admin/accounts/" + id;
    }

    static List<String> split(@Nullable String s) {
        return s == null
                ? List.of()
                : Arrays.stream(s.split(","))
                        .map(String::strip)
                        .filter(x -> !x.isEmpty())
                        .toList();
    }
}
