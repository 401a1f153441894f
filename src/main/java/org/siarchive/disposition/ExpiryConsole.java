package org.siarchive.disposition;

import java.time.LocalDate;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.siarchive.catalog.Catalog;
import org.siarchive.catalog.RetentionWorklist;
import org.siarchive.disposition.ExpiryWorklist.Kind;
import org.siarchive.disposition.ExpiryWorklist.Preset;
import org.siarchive.shared.Access;
import org.siarchive.shared.Registers;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The console's 到期鉴定 page (docs/adr/0064): the counts per fonds × category, then a page of due items
 * (or volumes, or boxes), each item with a box to select it for a new appraisal batch; the form posts to
 * {@code /disposition/batches} (the appraisal part) with {@code title} and {@code itemId}s, or with
 * {@code by}, {@code fonds}, {@code category} for every item matching the filter.
 */
@Controller
class ExpiryConsole {

    static final int PAGE_SIZE = 50;

    private final ExpiryWorklist worklist;
    private final Catalog catalog;
    private final Registers registers;

    ExpiryConsole(ExpiryWorklist worklist, Catalog catalog, Registers registers) {
        this.worklist = worklist;
        this.catalog = catalog;
        this.registers = registers;
    }

    @GetMapping("/disposition/expiring")
    String page(
            @RequestParam(required = false) @Nullable Preset preset,
            @RequestParam(required = false) @Nullable LocalDate by,
            @RequestParam(required = false) @Nullable String fonds,
            @RequestParam(required = false) @Nullable String category,
            @RequestParam(defaultValue = "ITEMS") Kind kind,
            @RequestParam(defaultValue = "0") int page,
            Model model,
            Access access) {
        var filter = worklist.filter(preset, by, fonds, category);
        model.addAttribute("nav", "expiring");
        model.addAttribute("preset", preset == null ? (by == null ? Preset.THIS_YEAR : Preset.DATE) : preset);
        model.addAttribute("filter", filter);
        model.addAttribute("kind", kind);
        model.addAttribute("presets", Preset.values());
        model.addAttribute("kinds", Kind.values());
        model.addAttribute("fondsCodes", catalog.fondsCodesInScope(access.scope()));
        model.addAttribute("classification", catalog.classification());
        model.addAttribute("counts", worklist.counts(filter, access));
        if (kind == Kind.ITEMS) {
            model.addAttribute("items", worklist.items(filter, access, page, PAGE_SIZE));
        } else {
            model.addAttribute("containers", worklist.containers(kind, filter, access, page, PAGE_SIZE));
        }
        model.addAttribute("maxSelection", RetentionWorklist.MAX_SELECTION);
        model.addAttribute("canPropose", access.can(org.siarchive.security.Permission.DISPOSITION_PROPOSE));
        return "disposition/expiring";
    }

    @GetMapping("/disposition/expiring/export")
    ResponseEntity<byte[]> export(
            @RequestParam(required = false) @Nullable Preset preset,
            @RequestParam(required = false) @Nullable LocalDate by,
            @RequestParam(required = false) @Nullable String fonds,
            @RequestParam(required = false) @Nullable String category,
            Access access,
            Locale locale) {
        var filter = worklist.filter(preset, by, fonds, category);
        return registers.download(worklist.register(filter, access), "xlsx", access, locale);
    }
}
