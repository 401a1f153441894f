package org.siarchive.comparison;

import jakarta.servlet.http.HttpServletResponse;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.siarchive.organisation.Organisations;
import org.siarchive.shared.Access;
import org.siarchive.shared.ConflictException;
import org.siarchive.shared.ForbiddenException;
import org.siarchive.shared.FormErrors;
import org.siarchive.shared.InvalidInputException;
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
 * The console's 风险预警 pages: the worklist with its filters, counts and amounts, and a warning's page with
 * its evidence, history, instruction and the forms to take, route, confirm, exclude, close, file and unmask
 * (a refused form comes back with the error beside its field and what was typed kept: 422, or 409 for a
 * change the warning's state does not allow).
 */
@Controller
class WarningsConsole {

    private final WarningWorklist worklist;
    private final Warnings warnings;
    private final WarningActions actions;
    private final Organisations organisations;
    private final MessageSource messages;

    WarningsConsole(
            WarningWorklist worklist,
            Warnings warnings,
            WarningActions actions,
            Organisations organisations,
            MessageSource messages) {
        this.worklist = worklist;
        this.warnings = warnings;
        this.actions = actions;
        this.organisations = organisations;
        this.messages = messages;
    }

    /** The typed decision, kept when refused. */
    record DecisionForm(String paymentAction, String amountToRecover, String finding, String reason, String orgId) {

        DecisionForm {
            paymentAction = nz(paymentAction);
            amountToRecover = nz(amountToRecover);
            finding = nz(finding);
            reason = nz(reason);
            orgId = nz(orgId);
        }

        private static String nz(@Nullable String s) {
            return s == null ? "" : s;
        }

        static DecisionForm blank() {
            return new DecisionForm("STOP", "", "", "", "");
        }
    }

    @GetMapping("/comparison/warnings")
    String list(
            @RequestParam(required = false) @Nullable String rule,
            @RequestParam(required = false) @Nullable String state,
            @RequestParam(required = false) @Nullable Long unit,
            @RequestParam(required = false) @Nullable String month,
            @RequestParam(defaultValue = "false") boolean overdue,
            @RequestParam(required = false) @Nullable Long run,
            @RequestParam(defaultValue = "false") boolean mine,
            @RequestParam(defaultValue = "0") int page,
            Access access,
            Model model,
            HttpServletResponse response) {
        var filter = new WarningWorklist.Filter(rule, state, unit, month, overdue, run, mine);
        model.addAttribute("nav", "warnings");
        model.addAttribute("filter", filter);
        model.addAttribute("states", WarningState.values());
        model.addAttribute("units", organisations.subtree(access.scope().orgPath()));
        try {
            var r = worklist.search(filter, page, WarningWorklist.DEFAULT_SIZE, access);
            model.addAttribute("result", r);
            model.addAttribute("warnings", warnings.views(r.warnings()));
            model.addAttribute("formErrors", FormErrors.none());
        } catch (InvalidInputException e) {
            response.setStatus(422);
            model.addAttribute("result", null);
            model.addAttribute("warnings", List.of());
            model.addAttribute("formErrors", FormErrors.of(e));
        }
        return "comparison/warnings";
    }

    @GetMapping("/comparison/warnings/{warningNo}")
    String warning(@PathVariable String warningNo, Access access, Model model) {
        return view(warningNo, DecisionForm.blank(), null, access, model);
    }

    @PostMapping("/comparison/warnings/{warningNo}/{action:take|assign|confirm|exclude|close|file}")
    String act(
            @PathVariable String warningNo,
            @PathVariable String action,
            DecisionForm form,
            Access access,
            Model model,
            Locale locale,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        try {
            switch (action) {
                case "take" -> actions.take(warningNo, access);
                case "assign" -> actions.assign(warningNo, number(form.orgId()), access);
                case "confirm" ->
                    actions.confirm(
                            warningNo, form.paymentAction(), amount(form.amountToRecover()), form.finding(), access);
                case "exclude" -> actions.exclude(warningNo, form.reason(), access);
                case "close" -> actions.close(warningNo, access);
                default -> actions.file(warningNo, access);
            }
            redirect.addFlashAttribute(
                    "flash", messages.getMessage("warning.done." + action, new Object[] {warningNo}, locale));
            return "redirect:/comparison/warnings/" + warningNo;
        } catch (InvalidInputException e) {
            response.setStatus(422);
            model.addAttribute("formErrors", FormErrors.of(e));
        } catch (ConflictException e) {
            response.setStatus(409);
            model.addAttribute("formErrors", beside(action, e.messageKey(), e.args()));
        }
        return view(warningNo, form, null, access, model);
    }

    @PostMapping("/comparison/warnings/{warningNo}/unmask")
    String unmask(
            @PathVariable String warningNo,
            @RequestParam(defaultValue = "") String reason,
            Access access,
            Model model,
            HttpServletResponse response) {
        String clear = null;
        try {
            clear = warnings.unmask(warningNo, reason, access);
        } catch (InvalidInputException e) {
            response.setStatus(422);
            model.addAttribute("formErrors", FormErrors.of(e));
        } catch (ForbiddenException e) {
            response.setStatus(403);
            model.addAttribute("formErrors", beside("unmask", e.messageKey(), e.args()));
        }
        return view(warningNo, DecisionForm.blank(), clear, access, model);
    }

    private String view(String warningNo, DecisionForm form, @Nullable String clear, Access access, Model model) {
        var detail = warnings.detail(warningNo, access);
        model.addAttribute("nav", "warnings");
        model.addAttribute("detail", detail);
        model.addAttribute("w", detail.warning());
        model.addAttribute("form", form);
        model.addAttribute("clearId", clear);
        model.addAttribute("actions", PaymentAction.values());
        model.addAttribute("units", organisations.subtree(access.scope().orgPath()));
        model.addAttribute("canHandle", access.can(WarningAccessRules.HANDLE));
        model.addAttribute("canClose", access.can(WarningAccessRules.CLOSE));
        model.addAttribute("canUnmask", access.can(Warnings.UNMASK));
        model.asMap().putIfAbsent("formErrors", FormErrors.none());
        return "comparison/warning";
    }

    private static FormErrors beside(String action, String key, List<String> args) {
        String field = "exclude".equals(action) ? "reason" : "confirm".equals(action) ? "finding" : action;
        return FormErrors.of(List.of(new Violation(field, "conflict", key, args)));
    }

    private static @Nullable Long number(String s) {
        if (s == null || s.isBlank()) {
            return null;
        }
        try {
            return Long.valueOf(s.strip());
        } catch (NumberFormatException e) {
            throw new InvalidInputException(Violation.of("orgId", "integer"));
        }
    }

    private static @Nullable BigDecimal amount(String s) {
        if (s == null || s.isBlank()) {
            return null;
        }
        try {
            return new BigDecimal(s.strip());
        } catch (NumberFormatException e) {
            throw new InvalidInputException(
                    new Violation("amountToRecover", "decimal", "warning.rule.amount", List.of()));
        }
    }
}
