package org.siarchive.security;

import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.siarchive.audit.AuditedObject;
import org.siarchive.organisation.Organisations;
import org.siarchive.shared.Access;
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
 * API tokens of the security administrator: the list, the issue form and revocation. A refused token
 * comes back (422) with each error beside its field and everything typed or ticked kept.
 */
@Controller
@org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication
class TokensConsole {

    /** The issue form as posted; numbers as typed, so a wrong one is an error beside its field. */
    record TokenForm(
            @Nullable String client,
            @Nullable String orgId,
            @Nullable List<String> scopes,
            @Nullable String clearance,
            @Nullable String allowedNetworks,
            @Nullable String validDays) {

        static TokenForm blank() {
            return new TokenForm("", null, List.of(), "1", "", "90");
        }

        public List<String> scopesOrEmpty() {
            return scopes == null ? List.of() : scopes;
        }
    }

    private final ApiTokens tokens;
    private final Organisations organisations;
    private final ConsoleReads reads;

    TokensConsole(ApiTokens tokens, Organisations organisations, ConsoleReads reads) {
        this.tokens = tokens;
        this.organisations = organisations;
        this.reads = reads;
    }

    @GetMapping("/admin/tokens")
    String tokens(Access access, Model model) {
        reads.read(access, AuditedObject.API_TOKEN, "*");
        model.addAttribute("form", TokenForm.blank());
        return render(model);
    }

    @PostMapping("/admin/tokens")
    String issue(
            @ModelAttribute("form") TokenForm form,
            Access access,
            Model model,
            RedirectAttributes flash,
            HttpServletResponse response) {
        var v = new ArrayList<Violation>();
        int clearance = FormNumbers.parseInt(form.clearance(), "clearance", v);
        int validDays = FormNumbers.parseInt(form.validDays(), "validDays", v);
        long orgId = FormNumbers.parse(form.orgId(), "orgId", v);
        try {
            if (!v.isEmpty()) {
                v.addAll(tokens.problems(
                        form.client() == null ? "" : form.client(),
                        new LinkedHashSet<>(form.scopesOrEmpty()),
                        v.stream().anyMatch(x -> x.field().equals("clearance")) ? 1 : clearance,
                        form.allowedNetworks(),
                        v.stream().anyMatch(x -> x.field().equals("validDays")) ? 1 : validDays));
                throw new InvalidInputException(v);
            }
            var issued = tokens.issue(
                    form.client() == null ? "" : form.client(),
                    orgId,
                    new LinkedHashSet<>(form.scopesOrEmpty()),
                    clearance,
                    form.allowedNetworks(),
                    validDays,
                    access.actor());
            flash.addFlashAttribute("issuedToken", issued.token());
            flash.addFlashAttribute("issuedClient", issued.info().client());
            return "redirect:/admin/tokens";
        } catch (InvalidInputException e) {
            response.setStatus(422);
            model.addAttribute("formErrors", FormErrors.of(e));
            return render(model);
        }
    }

    @PostMapping("/admin/tokens/{id}/revoke")
    String revoke(@PathVariable long id, @RequestParam(defaultValue = "") String reason, Access access) {
        tokens.revoke(id, reason, access.actor());
        return "redirect:/admin/tokens";
    }

    private String render(Model model) {
        model.addAttribute("nav", "tokens");
        model.addAttribute("tokens", tokens.list());
        model.addAttribute("orgs", organisations.all());
        model.addAttribute(
                "scopes",
                PermissionLabels.all().stream()
                        .filter(Role.tokenScopes()::contains)
                        .toList());
        var keys = new java.util.LinkedHashMap<String, String>();
        PermissionLabels.all().forEach(p -> keys.put(p, PermissionLabels.key(p)));
        model.addAttribute("permissionKeys", keys);
        var names = new java.util.HashMap<String, String>();
        organisations.all().forEach(o -> names.put(o.code(), o.name()));
        model.addAttribute("orgNames", names);
        model.addAttribute("now", java.time.OffsetDateTime.now());
        return "security/tokens";
    }
}
