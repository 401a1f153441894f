package org.siarchive.integrity;

import jakarta.servlet.http.HttpServletResponse;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.siarchive.catalog.Catalog;
import org.siarchive.organisation.Organisations;
import org.siarchive.preservation.Preservation;
import org.siarchive.shared.Access;
import org.siarchive.shared.ForbiddenException;
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
 * Preservation monitoring console: open alerts to acknowledge, storage capacity and growth (the preserved
 * items beside every item of the catalogue, so the count reconciles with the home page's), the sweep
 * schedule and the replica, fixity sweeps (start one with a read-rate limit and watch it live:
 * {@link SweepConsole}), and each item's preservation events.
 */
@Controller
class IntegrityConsole {

    private final FixitySweeps sweeps;
    private final SweepSchedule schedule;
    private final PreservationMonitor monitor;
    private final PreservationEvents events;
    private final Preservation preservation;
    private final Catalog catalog;
    private final Organisations organisations;
    private final org.siarchive.catalog.Tombstones tombstones;
    private final OfdCopyRuns ofdCopies;

    IntegrityConsole(
            FixitySweeps sweeps,
            SweepSchedule schedule,
            PreservationMonitor monitor,
            PreservationEvents events,
            Preservation preservation,
            Catalog catalog,
            Organisations organisations,
            org.siarchive.catalog.Tombstones tombstones,
            OfdCopyRuns ofdCopies) {
        this.tombstones = tombstones;
        this.ofdCopies = ofdCopies;
        this.organisations = organisations;
        this.sweeps = sweeps;
        this.schedule = schedule;
        this.monitor = monitor;
        this.events = events;
        this.preservation = preservation;
        this.catalog = catalog;
    }

    @GetMapping("/integrity")
    String list(Model model, Access access) {
        requireWholeStore(access);
        model.addAttribute("rateMbS", "50");
        return overview(model, access);
    }

    private String overview(Model model, Access access) {
        model.addAttribute("nav", "integrity");
        model.addAttribute("sweeps", sweeps.recent());
        model.addAttribute("current", sweeps.current().orElse(null));
        model.addAttribute("preserved", sweeps.preservedCount());
        model.addAttribute("counts", catalog.counts(access.scope()));
        model.addAttribute("alerts", monitor.open());
        model.addAttribute("capacity", monitor.capacity());
        model.addAttribute(
                "nextSweep",
                schedule.next(Instant.now())
                        .map(i -> i.atOffset(catalog.now().getOffset()))
                        .orElse(null));
        model.addAttribute(
                "replica", preservation.replica().map(r -> r.description()).orElse(null));
        model.addAttribute("unverified", sweeps.notVerifiedWithin(java.time.Duration.ofDays(30)));
        ofdCopies(model);
        return "integrity/sweeps";
    }

    /** How OFD preservation copies are made and how many wait (docs/adr/0122). */
    private void ofdCopies(Model model) {
        var status = ofdCopies.status();
        model.addAttribute("ofdMode", status.mode().name());
        model.addAttribute("ofdWindow", status.window());
        model.addAttribute("ofdPending", status.backlog().pending());
        model.addAttribute("ofdOldest", status.backlog().oldest());
        model.addAttribute("ofdFailed", status.backlog().failed());
    }

    /** Starts a sweep and shows it; a refused rate is shown beside its field with the input kept. */
    @PostMapping("/integrity/sweeps")
    String start(
            @RequestParam(defaultValue = "50") String rateMbS,
            Model model,
            Access access,
            HttpServletResponse response) {
        requireWholeStore(access);
        int rate;
        try {
            rate = Integer.parseInt(rateMbS.strip());
        } catch (NumberFormatException e) {
            rate = -1;
        }
        if (rate < 0 || rate > 10_000) {
            response.setStatus(422);
            model.addAttribute("formErrors", FormErrors.of(List.of(Violation.of("rateMbS", "range", 0, 10_000))));
            model.addAttribute("rateMbS", rateMbS);
            return overview(model, access);
        }
        long id = sweeps.start(rate, access.actor());
        return "redirect:/integrity/sweeps/" + id;
    }

    @PostMapping("/integrity/alerts/{id}/acknowledge")
    String acknowledge(
            @PathVariable long id,
            @RequestParam(defaultValue = "") String note,
            Model model,
            Access access,
            HttpServletResponse response) {
        requireWholeStore(access);
        String n = note.strip();
        Violation refused = n.isEmpty()
                ? Violation.of("note", "required")
                : n.length() > 500 ? Violation.of("note", "maxLength", 500) : null;
        if (refused != null) {
            response.setStatus(422);
            model.addAttribute("formErrors", FormErrors.of(List.of(refused)));
            model.addAttribute("ackAlert", id);
            model.addAttribute("ackNote", note);
            model.addAttribute("rateMbS", "50");
            return overview(model, access);
        }
        monitor.acknowledge(id, n, access.actor());
        return "redirect:/integrity";
    }

    @GetMapping("/integrity/items/{id}")
    String item(@PathVariable String id, Model model, Access access) {
        UUID itemId = org.siarchive.catalog.Ids.uuid("ITEM", id);
        List<PreservationEvents.Event> list = events.forItem(itemId, access);
        model.addAttribute("nav", "integrity");
        model.addAttribute("item", catalog.requireItem(itemId, access.scope()));
        model.addAttribute("events", list);
        model.addAttribute("replica", preservation.replica().isPresent());
        return "integrity/item";
    }

    @PostMapping("/integrity/items/{id}/repair")
    String repair(@PathVariable String id, Access access) {
        UUID itemId = org.siarchive.catalog.Ids.uuid("ITEM", id);
        tombstones.refuseIfDestroyed(catalog.requireItem(itemId, access.scope())); // 410, nothing to repair
        if (preservation.replica().isEmpty()) {
            throw new InvalidInputException(Violation.of("replica", "replicaConfigured"));
        }
        sweeps.repairFromReplica(itemId, access.actor());
        return "redirect:/integrity/items/" + itemId;
    }

    /**
     * Sweeps, their findings, alerts and capacity concern the whole store, every county's archives: they
     * are seen and started only from a whole-tree scope (docs/adr/0031). A county keeps its items' own
     * preservation pages, which are scoped like the items.
     */
    private void requireWholeStore(Access access) {
        if (!organisations.coversWholeTree(access.scope())) {
            throw new ForbiddenException("integrity.wholeStore");
        }
    }
}
