package org.siarchive.comparison;

import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.siarchive.shared.Access;
import org.siarchive.shared.FormErrors;
import org.siarchive.shared.InvalidInputException;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The console's 比对规则 page: every rule with its sources, condition, parameters and versions, and a change
 * form per rule (enabled, deadline, parameter values as JSON values — numbers, true/false, or the bounds
 * object); a refused change comes back with the error beside the parameters.
 */
@Controller
class RulesConsole {

    private final RuleCatalogue catalogue;
    private final RuleChanges changes;
    private final MessageSource messages;

    RulesConsole(RuleCatalogue catalogue, RuleChanges changes, MessageSource messages) {
        this.catalogue = catalogue;
        this.changes = changes;
        this.messages = messages;
    }

    @GetMapping("/comparison/rules")
    String rules(Model model) {
        model.addAttribute("nav", "comparisonRuns");
        model.addAttribute("rules", catalogue.current());
        model.addAttribute("history", history());
        model.asMap().putIfAbsent("formErrors", FormErrors.none());
        return "comparison/rules";
    }

    private Map<String, List<RuleCatalogue.Version>> history() {
        var out = new LinkedHashMap<String, List<RuleCatalogue.Version>>();
        catalogue
                .current()
                .forEach(v -> out.put(
                        v.code(), catalogue.history(v.code()).stream().limit(10).toList()));
        return out;
    }

    @PostMapping("/comparison/rules/{code}")
    String change(
            @PathVariable String code,
            @RequestParam Map<String, String> form,
            Access access,
            Model model,
            Locale locale,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        try {
            var params = new ArrayList<Map<String, Object>>();
            form.forEach((k, v) -> {
                if (k.startsWith("p.") && k.indexOf('.', 2) > 0) {
                    int i = RuleForms.index(k.substring(2, k.indexOf('.', 2)));
                    while (params.size() <= Math.min(i, 3)) {
                        params.add(new LinkedHashMap<>());
                    }
                    params.get(Math.min(i, 3)).put(k.substring(k.indexOf('.', 2) + 1), RuleForms.value(v));
                }
            });
            Integer deadline = RuleForms.integer(form.getOrDefault("deadlineDays", ""));
            var v = changes.change(
                    code,
                    new RuleChanges.Change(RuleForms.flag(form.get("enabled")), deadline, params, form.get("note")),
                    access);
            redirect.addFlashAttribute(
                    "flash", messages.getMessage("comparison.rule.changed", new Object[] {v.version()}, locale));
            return "redirect:/comparison/rules#rule-" + code;
        } catch (InvalidInputException e) {
            response.setStatus(422);
            model.addAttribute("formErrors", FormErrors.of(e));
            model.addAttribute("failedRule", code);
            return rules(model);
        }
    }
}
