package org.siarchive.security;

import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.siarchive.audit.AuditedObject;
import org.siarchive.shared.Access;
import org.siarchive.shared.FormErrors;
import org.siarchive.shared.InvalidInputException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The security policy page of the security administrator. A refused change comes back (422) with the
 * error beside each value and every typed value kept; nothing is saved unless every value passes.
 */
@Controller
@org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication
class PolicyConsole {

    private final SecurityPolicy policy;
    private final ConsoleReads reads;

    PolicyConsole(SecurityPolicy policy, ConsoleReads reads) {
        this.policy = policy;
        this.reads = reads;
    }

    /** The input of a setting: its key with dots as dashes ({@code password-min-length}). */
    static String input(String key) {
        return key.replace('.', '-');
    }

    @GetMapping("/admin/policy")
    String policy(Access access, Model model) {
        reads.read(access, AuditedObject.POLICY, "*");
        return render(model, policy.current());
    }

    @PostMapping("/admin/policy")
    String setPolicy(
            @RequestParam MultiValueMap<String, String> values,
            Access access,
            Model model,
            HttpServletResponse response) {
        var current = policy.current();
        var submitted = new LinkedHashMap<String, String>();
        for (String key : current.keySet()) {
            var given = values.get(key);
            if (given == null) {
                continue;
            }
            submitted.put(
                    key,
                    key.equals(SecurityPolicy.TOTP_ROLES)
                            ? given.stream()
                                    .map(String::strip)
                                    .filter(s -> !s.isEmpty())
                                    .collect(Collectors.joining(","))
                            : given.get(0).strip());
        }
        var changes = new LinkedHashMap<String, String>();
        submitted.forEach((k, v) -> {
            if (!v.equals(current.get(k))) {
                changes.put(k, v);
            }
        });
        try {
            policy.setAll(changes, access.actor());
        } catch (InvalidInputException e) {
            response.setStatus(422);
            var names = new LinkedHashMap<String, String>();
            current.keySet().forEach(k -> names.put(k, input(k)));
            model.addAttribute("formErrors", FormErrors.of(e).renamed(names));
            var shown = new LinkedHashMap<>(current);
            shown.putAll(submitted);
            return render(model, shown);
        }
        return "redirect:/admin/policy?saved";
    }

    private String render(Model model, Map<String, String> values) {
        model.addAttribute("nav", "policy");
        var numbers = new LinkedHashMap<>(values);
        String totp = numbers.remove(SecurityPolicy.TOTP_ROLES);
        model.addAttribute("policy", numbers);
        model.addAttribute("totpRoles", totp == null ? java.util.List.of() : AdminConsole.split(totp));
        model.addAttribute("businessRoles", Role.business().stream().sorted().toList());
        model.addAttribute("totpKey", SecurityPolicy.TOTP_ROLES);
        return "security/policy";
    }
}
