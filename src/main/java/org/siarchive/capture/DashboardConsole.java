package org.siarchive.capture;

import org.siarchive.catalog.Catalog;
import org.siarchive.shared.Access;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The dashboard: what the archive holds, the latest captures and what the last start-up reconciliation did. */
@Controller
class DashboardConsole {

    private final Catalog catalog;
    private final ReconciliationLog reconciliations;

    DashboardConsole(Catalog catalog, ReconciliationLog reconciliations) {
        this.catalog = catalog;
        this.reconciliations = reconciliations;
    }

    @GetMapping("/")
    String dashboard(Access access, Model model) {
        if (!access.can("catalog:item:read")) {
            return "redirect:/account"; // administrators and accounts without business roles
        }
        model.addAttribute("nav", "dashboard");
        model.addAttribute("counts", catalog.counts(access.scope()));
        model.addAttribute("latest", catalog.latestItems(10, access));
        model.addAttribute("canReconcile", access.can("capture:reconcile"));
        model.addAttribute("reconciliation", reconciliations.latest().orElse(null));
        return "capture/dashboard";
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
