package org.siarchive.security;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.siarchive.audit.AuditOperation;
import org.siarchive.audit.AuditTrail;
import org.siarchive.audit.AuditedObject;
import org.siarchive.catalog.FondsDirectory;
import org.siarchive.organisation.Organisations;
import org.siarchive.shared.Access;
import org.siarchive.shared.InvalidInputException;
import org.siarchive.shared.Violation;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Console of the administrators: accounts (created by the system administrator, approved and granted
 * by the security administrator), the organisation tree, the security policy and API tokens. Which
 * button works for whom is decided by the HTTP rules; the page shows each role only its own buttons.
 */
@Controller
@org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication
class AdminConsole {

    private final Accounts accounts;
    private final Organisations organisations;
    private final SecurityPolicy policy;
    private final ApiTokens tokens;
    private final FondsDirectory fonds;
    private final AuditTrail audit;
    private final TransactionTemplate tx;

    AdminConsole(
            Accounts accounts,
            Organisations organisations,
            SecurityPolicy policy,
            ApiTokens tokens,
            FondsDirectory fonds,
            AuditTrail audit,
            TransactionTemplate tx) {
        this.audit = audit;
        this.tx = tx;
        this.accounts = accounts;
        this.organisations = organisations;
        this.policy = policy;
        this.tokens = tokens;
        this.fonds = fonds;
    }

    /** Reads of accounts, policy and tokens are audited like reads of business data. */
    private void read(Access access, AuditedObject type, String id) {
        tx.executeWithoutResult(s -> audit.record(access.actor(), type, id, AuditOperation.READ, null, null));
    }

    @GetMapping("/admin/accounts")
    String list(Access access, Model model) {
        read(access, AuditedObject.ACCOUNT, "*");
        model.addAttribute("nav", "accounts");
        model.addAttribute("accounts", accounts.list());
        model.addAttribute("orgs", organisations.all());
        return "security/accounts";
    }

    @GetMapping("/admin/accounts/{id}")
    String account(@PathVariable long id, Access access, Model model) {
        read(access, AuditedObject.ACCOUNT, accounts.require(id).username());
        model.addAttribute("nav", "accounts");
        model.addAttribute("account", accounts.require(id));
        model.addAttribute("orgs", organisations.all());
        model.addAttribute("fonds", fonds.all());
        model.addAttribute("roles", Role.values());
        return "security/account-detail";
    }

    @PostMapping("/admin/accounts")
    String create(
            @RequestParam(defaultValue = "") String username,
            @RequestParam(defaultValue = "") String displayName,
            @RequestParam(defaultValue = "0") long orgId,
            Access access,
            RedirectAttributes flash) {
        var created = accounts.create(username, displayName, orgId, access.actor());
        flash.addFlashAttribute("oneTimeUser", created.account().username());
        flash.addFlashAttribute("oneTimePassword", created.oneTimePassword());
        return "redirect:/admin/accounts/" + created.account().id();
    }

    @PostMapping("/admin/accounts/{id}/disable")
    String disable(@PathVariable long id, @RequestParam(defaultValue = "") String reason, Access access) {
        accounts.disable(id, reason, access.actor());
        return "redirect:/admin/accounts/" + id;
    }

    @PostMapping("/admin/accounts/{id}/enable")
    String enable(@PathVariable long id, @RequestParam(defaultValue = "") String reason, Access access) {
        accounts.enable(id, reason, access.actor());
        return "redirect:/admin/accounts/" + id;
    }

    @PostMapping("/admin/accounts/{id}/reset-password")
    String reset(
            @PathVariable long id,
            @RequestParam(defaultValue = "") String reason,
            Access access,
            RedirectAttributes flash) {
        String otp = accounts.resetPassword(id, reason, access.actor());
        flash.addFlashAttribute("oneTimeUser", accounts.require(id).username());
        flash.addFlashAttribute("oneTimePassword", otp);
        return "redirect:/admin/accounts/" + id;
    }

    @PostMapping("/admin/accounts/{id}/reset-totp")
    String resetTotp(@PathVariable long id, @RequestParam(defaultValue = "") String reason, Access access) {
        accounts.resetTotp(id, reason, access.actor());
        return "redirect:/admin/accounts/" + id;
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
            Access access) {
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
            Access access) {
        accounts.setScope(
                id,
                orgId,
                allFonds ? null : fondsIds == null ? List.of() : fondsIds,
                clearance,
                allowedNetworks,
                totpRequired,
                access.actor());
        return "redirect:/admin/accounts/" + id;
    }

    @GetMapping("/admin/organisations")
    String organisations(Model model) {
        model.addAttribute("nav", "organisations");
        model.addAttribute("orgs", organisations.all());
        return "security/organisations";
    }

    @PostMapping("/admin/organisations")
    String createOrg(
            @RequestParam(defaultValue = "0") long parentId,
            @RequestParam(defaultValue = "") String code,
            @RequestParam(defaultValue = "") String name,
            @RequestParam(defaultValue = "") String level,
            Access access) {
        organisations.create(parentId, code.strip(), name.strip(), level, access.actor());
        return "redirect:/admin/organisations";
    }

    @GetMapping("/admin/policy")
    String policy(Access access, Model model) {
        read(access, AuditedObject.POLICY, "*");
        model.addAttribute("nav", "policy");
        model.addAttribute("policy", policy.current());
        return "security/policy";
    }

    @PostMapping("/admin/policy")
    String setPolicy(@RequestParam java.util.Map<String, String> values, Access access) {
        var current = policy.current();
        for (var e : values.entrySet()) {
            if (current.containsKey(e.getKey()) && !e.getValue().strip().equals(current.get(e.getKey()))) {
                policy.set(e.getKey(), e.getValue().strip(), access.actor());
            }
        }
        return "redirect:/admin/policy?saved";
    }

    @GetMapping("/admin/tokens")
    String tokens(Access access, Model model) {
        read(access, AuditedObject.API_TOKEN, "*");
        model.addAttribute("nav", "tokens");
        model.addAttribute("tokens", tokens.list());
        model.addAttribute("orgs", organisations.all());
        model.addAttribute("scopes", Role.tokenScopes());
        model.addAttribute("now", java.time.OffsetDateTime.now());
        return "security/tokens";
    }

    @PostMapping("/admin/tokens")
    String issue(
            @RequestParam(defaultValue = "") String client,
            @RequestParam(defaultValue = "0") long orgId,
            @RequestParam(required = false) @Nullable List<String> scopes,
            @RequestParam(defaultValue = "1") int clearance,
            @RequestParam(required = false) @Nullable String allowedNetworks,
            @RequestParam(defaultValue = "90") int validDays,
            Access access,
            RedirectAttributes flash) {
        Set<String> s = scopes == null ? Set.of() : new LinkedHashSet<>(scopes);
        var issued = tokens.issue(client, orgId, s, clearance, allowedNetworks, validDays, access.actor());
        flash.addFlashAttribute("issuedToken", issued.token());
        flash.addFlashAttribute("issuedClient", issued.info().client());
        return "redirect:/admin/tokens";
    }

    @PostMapping("/admin/tokens/{id}/revoke")
    String revoke(@PathVariable long id, @RequestParam(defaultValue = "") String reason, Access access) {
        tokens.revoke(id, reason, access.actor());
        return "redirect:/admin/tokens";
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
