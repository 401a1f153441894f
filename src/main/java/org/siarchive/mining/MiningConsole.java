package org.siarchive.mining;

import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Locale;
import org.siarchive.organisation.Organisations;
import org.siarchive.shared.Access;
import org.siarchive.shared.ConflictException;
import org.siarchive.shared.FormErrors;
import org.siarchive.shared.Violation;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The console's 数据挖掘 page: the latest finished run of the caller's unit (or a chosen run of its subtree) as
 * charts with explanations and tables, each table downloadable as Excel; the run history; and 重新计算, which starts a
 * run over the caller's data scope in the background (a second while one runs is a 409 on the same page).
 */
@Controller
class MiningConsole {

    private final MiningRuns runs;
    private final MiningRunStore store;
    private final MiningPage page;
    private final MiningSettings settings;
    private final Organisations organisations;

    MiningConsole(
            MiningRuns runs,
            MiningRunStore store,
            MiningPage page,
            MiningSettings settings,
            Organisations organisations) {
        this.runs = runs;
        this.store = store;
        this.page = page;
        this.settings = settings;
        this.organisations = organisations;
    }

    @GetMapping("/statistics/mining")
    String latest(@RequestParam(defaultValue = "0") int page, Access access, Locale locale, Model model) {
        var run = store.latestFinished(access.scope().orgPath()).orElse(null);
        return view(run, page, access, locale, model);
    }

    @GetMapping("/statistics/mining/runs/{id}")
    String run(@PathVariable long id, Access access, Locale locale, Model model) {
        return view(store.get(id, access), 0, access, locale, model);
    }

    @PostMapping("/statistics/mining/runs")
    String start(Access access, Locale locale, Model model, HttpServletResponse response) {
        try {
            runs.launch(access);
            return "redirect:/statistics/mining?started";
        } catch (ConflictException e) {
            response.setStatus(409);
            model.addAttribute(
                    "formErrors", FormErrors.of(List.of(new Violation("run", "conflict", e.messageKey(), e.args()))));
            return latest(0, access, locale, model);
        }
    }

    @GetMapping("/statistics/mining/runs/{id}/export")
    ResponseEntity<byte[]> export(
            @PathVariable long id, @RequestParam(defaultValue = "") String table, Access access, Locale locale) {
        return page.export(id, table, access, locale);
    }

    private String view(MiningRun run, int historyPage, Access access, Locale locale, Model model) {
        model.addAttribute("nav", "mining");
        model.addAttribute("shown", run == null ? null : page.shown(run, locale));
        model.addAttribute("history", store.recent(access, historyPage));
        model.addAttribute("page", Math.max(0, historyPage));
        model.addAttribute("pageSize", MiningRunStore.PAGE);
        model.addAttribute(
                "unit",
                organisations
                        .byPath(access.scope().orgPath())
                        .orElseGet(organisations::root)
                        .name());
        model.addAttribute("cap", settings.cap());
        var units = new java.util.HashMap<Long, String>();
        String scope = access.scope().orgPath();
        ("/".equals(scope) ? organisations.all() : organisations.subtree(scope))
                .stream().limit(2_000).forEach(u -> units.put(u.id(), u.name()));
        model.addAttribute("units", units);
        model.asMap().putIfAbsent("formErrors", FormErrors.none());
        return "mining/mining";
    }
}
