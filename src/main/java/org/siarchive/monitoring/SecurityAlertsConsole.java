package org.siarchive.monitoring;

import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.siarchive.shared.Access;
import org.siarchive.shared.ConflictException;
import org.siarchive.shared.FormErrors;
import org.siarchive.shared.InvalidInputException;
import org.siarchive.shared.NotFoundException;
import org.siarchive.shared.Violation;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The console's 安全告警 pages: the list (state, rule, day; paged), an alert with the audit entries behind it and
 * the form to acknowledge it with a note (refused: 422 on the same page, the note kept), and the daily summary.
 */
@Controller
class SecurityAlertsConsole {

    private final SecurityAlerts alerts;
    private final AlertSummary summary;
    private final MessageSource messages;

    SecurityAlertsConsole(SecurityAlerts alerts, AlertSummary summary, MessageSource messages) {
        this.alerts = alerts;
        this.summary = summary;
        this.messages = messages;
    }

    @GetMapping("/monitoring/alerts")
    String list(
            @RequestParam(required = false) @Nullable String state,
            @RequestParam(required = false) @Nullable String rule,
            @RequestParam(required = false) @Nullable String day,
            @RequestParam(defaultValue = "0") int page,
            Access access,
            Model model,
            HttpServletResponse response) {
        var filter = new SecurityAlerts.Filter(state, rule, day);
        model.addAttribute("nav", "monitoring");
        model.addAttribute("filter", filter);
        model.addAttribute("rules", RuleCode.values());
        model.addAttribute("states", List.of(Alert.OPEN, Alert.ACKNOWLEDGED));
        try {
            model.addAttribute("result", alerts.list(filter, page, SecurityAlerts.PAGE_SIZE, access));
            model.addAttribute("formErrors", FormErrors.none());
        } catch (InvalidInputException e) {
            response.setStatus(422);
            model.addAttribute("result", null);
            model.addAttribute("formErrors", FormErrors.of(e));
        }
        return "monitoring/alerts";
    }

    @GetMapping("/monitoring/alerts/{id}")
    String alert(@PathVariable String id, Access access, Model model, Locale locale) {
        return view(id(id), "", access, model, locale);
    }

    @PostMapping("/monitoring/alerts/{id}/acknowledgement")
    String acknowledge(
            @PathVariable String id,
            @RequestParam(defaultValue = "") String note,
            Access access,
            Model model,
            Locale locale,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        UUID alertId = id(id);
        try {
            alerts.acknowledge(alertId, note, access);
            redirect.addFlashAttribute("flash", messages.getMessage("monitoring.acknowledged", null, locale));
            return "redirect:/monitoring/alerts/" + alertId;
        } catch (InvalidInputException e) {
            response.setStatus(422);
            model.addAttribute("formErrors", FormErrors.of(e));
        } catch (ConflictException e) {
            response.setStatus(409);
            model.addAttribute(
                    "formErrors", FormErrors.of(List.of(new Violation("note", "conflict", e.messageKey(), e.args()))));
        }
        return view(alertId, note, access, model, locale);
    }

    @GetMapping("/monitoring/summary")
    String summary(
            @RequestParam(required = false) @Nullable String day,
            Access access,
            Model model,
            HttpServletResponse response) {
        model.addAttribute("nav", "monitoring");
        model.addAttribute("day", day == null ? "" : day);
        try {
            model.addAttribute("summary", summary.of(day == null ? "" : day, access));
            model.addAttribute("formErrors", FormErrors.none());
        } catch (InvalidInputException e) {
            response.setStatus(422);
            model.addAttribute("summary", null);
            model.addAttribute("formErrors", FormErrors.of(e));
        }
        return "monitoring/summary";
    }

    private String view(UUID id, String note, Access access, Model model, Locale locale) {
        var detail = alerts.detail(id, access, locale);
        model.addAttribute("nav", "monitoring");
        model.addAttribute("a", detail.alert());
        model.addAttribute("entries", detail.entries());
        model.addAttribute("note", note);
        model.asMap().putIfAbsent("formErrors", FormErrors.none());
        return "monitoring/alert";
    }

    /** The alert id of a path; anything else is an alert that does not exist. */
    static UUID id(String typed) {
        try {
            if (typed.length() == 36) {
                return UUID.fromString(typed);
            }
        } catch (IllegalArgumentException e) {
            // not an id: answered like an unknown one
        }
        throw new NotFoundException("SECURITY_ALERT", typed.length() > 40 ? typed.substring(0, 40) : typed);
    }
}
