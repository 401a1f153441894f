package org.siarchive.analytics;

import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Locale;
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
import org.springframework.web.bind.annotation.RequestParam;
import tools.jackson.databind.json.JsonMapper;

/**
 * The statistics console (统计分析): {@code /statistics} shows the first dashboard, {@code /statistics/{id}} any
 * registered one — tabs to all of them, the breadcrumb and child units of the drill-down, the totals, each chart
 * drawn by ECharts from the figures in its {@code data-chart} attribute, its table and its Excel download.
 */
@Controller
class StatisticsConsole {

    private final Dashboards dashboards;
    private final ChartWorkbook workbook;
    private final ChartLabels labels;
    private final JsonMapper json;
    private final HoldingsRebuild rebuild;
    private final FilingDays filingDays;

    StatisticsConsole(
            Dashboards dashboards,
            ChartWorkbook workbook,
            ChartLabels labels,
            JsonMapper json,
            HoldingsRebuild rebuild,
            FilingDays filingDays) {
        this.dashboards = dashboards;
        this.workbook = workbook;
        this.labels = labels;
        this.json = json;
        this.rebuild = rebuild;
        this.filingDays = filingDays;
    }

    /** One tab: the dashboard's id and name. */
    record Tab(String id, String label) {}

    @GetMapping("/statistics")
    String first(
            @RequestParam(required = false) @Nullable String org,
            @RequestParam(required = false) @Nullable String from,
            @RequestParam(required = false) @Nullable String to,
            Access access,
            Locale locale,
            Model model,
            HttpServletResponse response) {
        if (dashboards.all().isEmpty()) {
            throw new NotFoundException("DASHBOARD", "-");
        }
        return show(dashboards.all().get(0).id(), org, from, to, access, locale, model, response);
    }

    @GetMapping("/statistics/{dashboard}")
    String show(
            @PathVariable String dashboard,
            @RequestParam(required = false) @Nullable String org,
            @RequestParam(required = false) @Nullable String from,
            @RequestParam(required = false) @Nullable String to,
            Access access,
            Locale locale,
            Model model,
            HttpServletResponse response) {
        var d = dashboards.find(dashboard);
        model.addAttribute("nav", "statistics");
        model.addAttribute("tabs", tabs(locale));
        model.addAttribute("current", d.id());
        model.addAttribute("currentLabel", labels.text(d.labelKey(), locale));
        model.addAttribute("org", org == null ? "" : org);
        model.addAttribute("from", from == null ? "" : from);
        model.addAttribute("to", to == null ? "" : to);
        model.addAttribute("days", days(d));
        boolean holdings = d.id().equals(HoldingsDashboard.ID);
        model.addAttribute("build", holdings ? rebuild.last().orElse(null) : null);
        model.addAttribute("canRebuild", holdings && access.can(StatisticsAccessRules.REPORT));
        try {
            var view = dashboards.view(d.id(), org, from, to, access, locale);
            model.addAttribute("view", view);
            model.addAttribute(
                    "chartJson",
                    view.charts().stream().map(json::writeValueAsString).toList());
            model.addAttribute("formErrors", FormErrors.none());
        } catch (InvalidInputException e) {
            response.setStatus(422);
            model.addAttribute("view", null);
            model.addAttribute("chartJson", List.of());
            model.addAttribute("formErrors", FormErrors.of(e));
        }
        return "analytics/dashboard";
    }

    @GetMapping("/statistics/{dashboard}/{chart}.xlsx")
    ResponseEntity<byte[]> export(
            @PathVariable String dashboard,
            @PathVariable String chart,
            @RequestParam(required = false) @Nullable String org,
            @RequestParam(required = false) @Nullable String from,
            @RequestParam(required = false) @Nullable String to,
            Access access,
            Locale locale) {
        var view = dashboards.view(dashboard, org, from, to, access, locale);
        return workbook.download(view, chart, access, locale);
    }

    /**
     * The N of the efficiency dashboard the reader asked for, as typed (kept in the input on a 422), for the input
     * and the Excel links — Thymeleaf may not read request parameters in link expressions; null on the other
     * dashboards or when the default applies.
     */
    private @Nullable String days(Dashboard d) {
        if (!d.id().equals("efficiency")) {
            return null;
        }
        String typed = filingDays.typed();
        return typed == null || typed.isBlank() ? null : typed.strip();
    }

    private List<Tab> tabs(Locale locale) {
        return dashboards.all().stream()
                .map(d -> new Tab(d.id(), labels.text(d.labelKey(), locale)))
                .toList();
    }
}
