package org.siarchive.supervision;

import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.siarchive.shared.Access;
import org.siarchive.shared.FormErrors;
import org.siarchive.shared.InvalidInputException;
import org.siarchive.shared.NotFoundException;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The console's 监督考核 pages: the list of plans with the form to make one (title, period, units of the
 * inspector's subtree), and a plan's page — its targets (changeable while 草稿), the KPIs and checklist of
 * each unit with the scoring forms, the ranking, its rectification items and the exports. A refused form
 * comes back (422) on the same page with each error beside its field and everything typed kept.
 */
@Controller
class PlansConsole {

    private final InspectionPlans plans;
    private final PlanEvaluation evaluation;
    private final PlanPage pages;
    private final Rectifications rectifications;
    private final SupervisionExports exports;

    PlansConsole(
            InspectionPlans plans,
            PlanEvaluation evaluation,
            PlanPage pages,
            Rectifications rectifications,
            SupervisionExports exports) {
        this.plans = plans;
        this.evaluation = evaluation;
        this.pages = pages;
        this.rectifications = rectifications;
        this.exports = exports;
    }

    @GetMapping("/supervision/plans")
    String list(Access access, Model model) {
        var blank = new PlanRequest("", "YEAR", "", "", List.of());
        return listView(blank, FormErrors.none(), access, model);
    }

    @PostMapping("/supervision/plans")
    String create(
            @RequestParam(defaultValue = "") String title,
            @RequestParam(defaultValue = "") String periodKind,
            @RequestParam(defaultValue = "") String periodYear,
            @RequestParam(defaultValue = "") String periodNo,
            @RequestParam(required = false) @Nullable List<String> orgIds,
            Access access,
            Model model,
            HttpServletResponse response) {
        var form = new PlanRequest(title, periodKind, periodYear, periodNo, orgIds);
        try {
            return "redirect:/supervision/plans/" + plans.create(form, access).id();
        } catch (InvalidInputException e) {
            response.setStatus(422);
            return listView(form, FormErrors.of(e), access, model);
        }
    }

    @GetMapping("/supervision/plans/{id}")
    String plan(@PathVariable String id, Access access, Model model) {
        var plan = plans.get(uuid(id), access);
        return planView(plan, FormErrors.none(), Map.of(), access, model);
    }

    @PostMapping("/supervision/plans/{id}/update")
    String update(
            @PathVariable String id,
            @RequestParam Map<String, String> typed,
            Access access,
            Model model,
            HttpServletResponse response) {
        UUID plan = uuid(id);
        try {
            plans.update(plan, typed.getOrDefault("title", ""), typed, access);
            return "redirect:/supervision/plans/" + plan;
        } catch (InvalidInputException e) {
            response.setStatus(422);
            return planView(plans.get(plan, access), FormErrors.of(e), typed, access, model);
        }
    }

    @PostMapping("/supervision/plans/{id}/{step:start|compute|evaluate|close}")
    String step(@PathVariable String id, @PathVariable String step, Access access) {
        UUID plan = uuid(id);
        switch (step) {
            case "start" -> plans.start(plan, access);
            case "compute" -> evaluation.compute(plan, access);
            case "evaluate" -> evaluation.evaluate(plan, access);
            default -> plans.close(plan, access);
        }
        return "redirect:/supervision/plans/" + plan;
    }

    @PostMapping("/supervision/plans/{id}/score")
    String score(
            @PathVariable String id,
            @RequestParam Map<String, String> typed,
            Access access,
            Model model,
            HttpServletResponse response) {
        UUID plan = uuid(id);
        String org = typed.getOrDefault("orgId", "");
        String code = typed.getOrDefault("code", "");
        try {
            evaluation.score(plan, org, code, typed.getOrDefault("score", ""), typed.get("note"), access);
            return "redirect:/supervision/plans/" + plan + "#unit-" + org;
        } catch (InvalidInputException e) {
            response.setStatus(422);
            return planView(plans.get(plan, access), FormErrors.of(e), typed, access, model);
        }
    }

    @PostMapping("/supervision/plans/{id}/rectifications")
    String raise(
            @PathVariable String id,
            @RequestParam Map<String, String> typed,
            Access access,
            Model model,
            HttpServletResponse response) {
        UUID plan = uuid(id);
        var form = new RaiseRequest(
                typed.get("orgId"),
                typed.get("owner"),
                typed.get("title"),
                typed.get("detail"),
                typed.get("deadline"),
                typed.get("workingDays"));
        try {
            return "redirect:/supervision/rectifications/"
                    + rectifications.raise(plan, form, access).id();
        } catch (InvalidInputException e) {
            response.setStatus(422);
            return planView(plans.get(plan, access), FormErrors.of(e), typed, access, model);
        }
    }

    @GetMapping("/supervision/plans/{id}/export")
    ResponseEntity<byte[]> export(
            @PathVariable String id,
            @RequestParam(defaultValue = "results") String what,
            @RequestParam(defaultValue = "xlsx") String format,
            Access access,
            Locale locale) {
        return exports.plan(plans.get(uuid(id), access), what, format, access, locale);
    }

    private String listView(PlanRequest form, FormErrors errors, Access access, Model model) {
        model.addAttribute("plans", plans.list(access));
        model.addAttribute("form", form);
        model.addAttribute("units", plans.selectable(access));
        model.addAttribute("kinds", InspectionPeriod.values());
        model.addAttribute("formErrors", errors);
        model.addAttribute("nav", "supervision");
        return "supervision/plans";
    }

    private String planView(
            InspectionPlan plan, FormErrors errors, Map<String, String> typed, Access access, Model model) {
        model.addAttribute("view", pages.of(plan));
        model.addAttribute("rectifications", rectifications.list(access, plan.id()));
        model.addAttribute("typed", typed);
        model.addAttribute("formErrors", errors);
        model.addAttribute("nav", "supervision");
        return "supervision/plan";
    }

    static UUID uuid(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new NotFoundException("INSPECTION_PLAN", id.length() > 40 ? id.substring(0, 40) : id);
        }
    }
}
