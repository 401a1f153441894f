package org.siarchive.comparison;

import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.siarchive.organisation.OrgUnit;
import org.siarchive.organisation.Organisations;
import org.siarchive.shared.Access;
import org.siarchive.shared.ConflictException;
import org.siarchive.shared.FormErrors;
import org.siarchive.shared.InvalidInputException;
import org.siarchive.shared.Violation;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The console's 数据比对 pages: the runs of the caller's units with the form to start one (unit, rules, as-of
 * date; refused forms come back with the error beside its field), and a run's page with its inputs and
 * digests, per-rule counts and durations, and the link to its warnings.
 */
@Controller
class RunsConsole {

    private final ComparisonRuns runs;
    private final RunViews views;
    private final RuleCatalogue catalogue;
    private final Organisations organisations;

    RunsConsole(ComparisonRuns runs, RunViews views, RuleCatalogue catalogue, Organisations organisations) {
        this.runs = runs;
        this.views = views;
        this.catalogue = catalogue;
        this.organisations = organisations;
    }

    @GetMapping("/comparison/runs")
    String list(@RequestParam(defaultValue = "0") int page, Access access, Model model) {
        return listView(page, null, List.of(), "", access, model);
    }

    @PostMapping("/comparison/runs")
    String start(
            @RequestParam(required = false) @Nullable Long orgId,
            @RequestParam(required = false) @Nullable List<String> rules,
            @RequestParam(defaultValue = "") String asOf,
            Access access,
            Model model,
            HttpServletResponse response) {
        try {
            var run = runs.launch(new ComparisonRuns.StartRequest(orgId, rules, date(asOf)), access);
            return "redirect:/comparison/runs/" + run.id();
        } catch (InvalidInputException e) {
            response.setStatus(422);
            model.addAttribute("formErrors", FormErrors.of(e));
        } catch (ConflictException e) {
            response.setStatus(409);
            model.addAttribute(
                    "formErrors", FormErrors.of(List.of(new Violation("orgId", "conflict", e.messageKey(), e.args()))));
        }
        return listView(0, orgId, rules == null ? List.of() : rules, asOf, access, model);
    }

    private static @Nullable LocalDate date(String s) {
        if (s.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(s.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(Violation.of("asOf", "dateFormat"));
        }
    }

    @GetMapping("/comparison/runs/{id}")
    String run(@PathVariable long id, Access access, Model model) {
        model.addAttribute("nav", "comparisonRuns");
        model.addAttribute("run", views.get(id, access));
        model.addAttribute("units", units(access));
        return "comparison/run";
    }

    private String listView(
            int page, @Nullable Long orgId, List<String> chosen, String asOf, Access access, Model model) {
        model.addAttribute("nav", "comparisonRuns");
        model.addAttribute("runs", views.list(page, access));
        model.addAttribute("page", Math.max(page, 0));
        model.addAttribute("pageSize", RunViews.PAGE_SIZE);
        model.addAttribute("units", units(access));
        model.addAttribute("rules", catalogue.current());
        model.addAttribute("orgId", orgId);
        model.addAttribute("chosen", chosen);
        model.addAttribute("asOf", asOf);
        model.asMap().putIfAbsent("formErrors", FormErrors.none());
        return "comparison/runs";
    }

    private Map<Long, String> units(Access access) {
        var out = new LinkedHashMap<Long, String>();
        String scope = access.scope().orgPath();
        List<OrgUnit> units = "/".equals(scope) ? organisations.all() : organisations.subtree(scope);
        units.stream().limit(500).forEach(u -> out.put(u.id(), u.name()));
        return out;
    }
}
