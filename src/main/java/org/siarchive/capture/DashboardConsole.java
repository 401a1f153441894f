package org.siarchive.capture;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.siarchive.catalog.Catalog;
import org.siarchive.shared.Access;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import tools.jackson.databind.json.JsonMapper;

/**
 * The dashboard: what the archive holds (with a small chart by category and a link to the statistics console), the
 * latest captures and what the last start-up reconciliation did.
 */
@Controller
class DashboardConsole {

    private final Catalog catalog;
    private final ReconciliationLog reconciliations;
    private final MessageSource messages;
    private final JsonMapper json;

    DashboardConsole(Catalog catalog, ReconciliationLog reconciliations, MessageSource messages, JsonMapper json) {
        this.catalog = catalog;
        this.reconciliations = reconciliations;
        this.messages = messages;
        this.json = json;
    }

    @GetMapping("/")
    String dashboard(Access access, Locale locale, Model model) {
        if (!access.can("catalog:item:read")) {
            return "redirect:/account"; // administrators and accounts without business roles
        }
        model.addAttribute("nav", "dashboard");
        var counts = catalog.counts(access.scope());
        model.addAttribute("counts", counts);
        model.addAttribute("categoryChart", counts.byCategory().isEmpty() ? null : chart(counts.byCategory(), locale));
        model.addAttribute("canStatistics", access.can("statistics:view"));
        model.addAttribute("latest", catalog.latestItems(10, access));
        model.addAttribute("canReconcile", access.can("capture:reconcile"));
        model.addAttribute("reconciliation", reconciliations.latest().orElse(null));
        return "capture/dashboard";
    }

    /** The items by category as a pie for the statistics console's chart script (the same JSON shape). */
    private String chart(Map<String, Long> byCategory, Locale locale) {
        var categories = new ArrayList<Map<String, Object>>();
        byCategory.keySet().forEach(name -> categories.add(Map.of("label", name, "entered", true)));
        String items = messages.getMessage("statistics.series.items", null, locale);
        return json.writeValueAsString(Map.of(
                "id", "home-by-category",
                "title", messages.getMessage("label.byCategory", null, locale),
                "kind", "PIE",
                "categoryLabel", messages.getMessage("statistics.dim.category", null, locale),
                "unit", messages.getMessage("statistics.unit.items", null, locale),
                "categories", categories,
                "series",
                        List.of(Map.of("label", items, "role", "PLAIN", "values", List.copyOf(byCategory.values())))));
    }

    /** What the last start-up reconciliation found, item by item, for the archivist to follow up. */
    @GetMapping("/reconciliation")
    String reconciliation(Model model) {
        var latest = reconciliations.latest().orElse(null);
        model.addAttribute("nav", "dashboard");
        model.addAttribute("run", latest);
        model.addAttribute("findings", latest == null ? java.util.List.of() : reconciliations.findings(latest.id()));
        return "capture/reconciliation";
    }
}
