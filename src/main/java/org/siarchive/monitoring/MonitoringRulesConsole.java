package org.siarchive.monitoring;

import jakarta.servlet.http.HttpServletResponse;
import java.util.HashMap;
import java.util.Locale;
import org.siarchive.security.Permission;
import org.siarchive.shared.Access;
import org.siarchive.shared.FormErrors;
import org.siarchive.shared.InvalidInputException;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The 监测规则 page: every rule with its switch, severity and thresholds; the security administrator changes one
 * rule at a time with a reason (a refused form comes back with the errors beside their fields, what was typed
 * kept: 422); the auditor reads the same page without the forms.
 */
@Controller
class MonitoringRulesConsole {

    private final MonitoringRules rules;
    private final MessageSource messages;

    MonitoringRulesConsole(MonitoringRules rules, MessageSource messages) {
        this.rules = rules;
        this.messages = messages;
    }

    @GetMapping("/monitoring/rules")
    String page(Access access, Model model) {
        return view(null, null, access, model);
    }

    @PostMapping("/monitoring/rules/{code}")
    String update(
            @PathVariable String code,
            RuleSettings form,
            Access access,
            Model model,
            Locale locale,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        var current = rules.get(code);
        try {
            rules.update(current.code(), form, access);
            redirect.addFlashAttribute(
                    "flash",
                    messages.getMessage(
                            "monitoring.rules.saved",
                            new Object[] {messages.getMessage(current.rule().labelKey(), null, locale)},
                            locale));
            return "redirect:/monitoring/rules";
        } catch (InvalidInputException e) {
            response.setStatus(422);
            model.addAttribute("formErrors", FormErrors.of(e));
            return view(current.code(), form, access, model);
        }
    }

    private String view(String failedCode, RuleSettings typed, Access access, Model model) {
        var forms = new HashMap<String, RuleSettings>();
        for (var p : rules.all()) {
            forms.put(p.code(), p.code().equals(failedCode) && typed != null ? typed : RuleSettings.of(p));
        }
        model.addAttribute("nav", "monitoring");
        model.addAttribute("policies", rules.all());
        model.addAttribute("forms", forms);
        model.addAttribute("failed", failedCode == null ? "" : failedCode);
        model.addAttribute("canChange", access.can(Permission.MONITORING_POLICY));
        model.addAttribute("severities", java.util.List.of("LOW", "MEDIUM", "HIGH"));
        model.asMap().putIfAbsent("formErrors", FormErrors.none());
        return "monitoring/rules";
    }
}
