package org.siarchive.digitisation;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.file.Files;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.siarchive.audit.AuditDetail;
import org.siarchive.audit.AuditOperation;
import org.siarchive.audit.AuditTrail;
import org.siarchive.audit.AuditedObject;
import org.siarchive.catalog.Catalog;
import org.siarchive.shared.Access;
import org.siarchive.shared.FormErrors;
import org.siarchive.shared.InvalidInputException;
import org.siarchive.shared.NotFoundException;
import org.siarchive.shared.Violation;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/** Console of digitisation: upload a batch, watch it, review the QC sample, confirm items, decide the batch. */
@Controller
class DigitisationConsole {

    private final ScanBatches batches;
    private final ScanItems items;
    private final Catalog catalog;
    private final AuditTrail audit;
    private final TransactionTemplate tx;
    private final ScanFilingMetadata metadata;
    private final DestroyedScans destroyed;

    DigitisationConsole(
            ScanBatches batches,
            ScanItems items,
            Catalog catalog,
            AuditTrail audit,
            TransactionTemplate tx,
            ScanFilingMetadata metadata,
            DestroyedScans destroyed) {
        this.metadata = metadata;
        this.destroyed = destroyed;
        this.batches = batches;
        this.items = items;
        this.catalog = catalog;
        this.audit = audit;
        this.tx = tx;
    }

    @GetMapping("/scan-batches")
    String list(Access access, Model model) {
        model.addAttribute("nav", "scan");
        model.addAttribute("batches", batches.list(access));
        model.addAttribute("fonds", catalog.classification().fonds());
        model.addAttribute("canImport", access.can(DigitisationAccessRules.SCAN));
        return "digitisation/batches";
    }

    @PostMapping("/scan-batches")
    String upload(
            @RequestParam(required = false) @Nullable MultipartFile file,
            @RequestParam(defaultValue = "") String name,
            @RequestParam(defaultValue = "") String fondsCode,
            @RequestParam(defaultValue = "false") boolean ocr,
            @RequestParam(defaultValue = "5") int samplePercent,
            Access access)
            throws IOException {
        if (file == null || file.isEmpty()) {
            throw new InvalidInputException(Violation.of("file", "required"));
        }
        try (var in = file.getInputStream()) {
            UUID id = batches.create(name, fondsCode, ocr, samplePercent, in, access);
            return "redirect:/scan-batches/" + id;
        }
    }

    @PostMapping("/scan-batches/from-folder")
    String fromFolder(
            @RequestParam(defaultValue = "") String folder,
            @RequestParam(defaultValue = "") String name,
            @RequestParam(defaultValue = "") String fondsCode,
            @RequestParam(defaultValue = "false") boolean ocr,
            @RequestParam(defaultValue = "5") int samplePercent,
            Access access) {
        UUID id =
                batches.createFromFolder(name.isBlank() ? folder : name, fondsCode, ocr, samplePercent, folder, access);
        return "redirect:/scan-batches/" + id;
    }

    @GetMapping("/scan-batches/{id}")
    String batch(@PathVariable UUID id, Access access, Model model) {
        model.addAttribute("nav", "scan");
        model.addAttribute("batch", batches.progress(id, access));
        // a vendor's scanning station sees its batch's progress, not the items' contents (docs/adr/0061)
        boolean canSeeItems = access.can(DigitisationAccessRules.SCAN);
        model.addAttribute("canSeeItems", canSeeItems);
        model.addAttribute("items", canSeeItems ? items.items(id, access) : java.util.List.of());
        model.addAttribute("steps", steps());
        model.addAttribute("canReview", access.can("digitisation:qc"));
        return "digitisation/batch";
    }

    @GetMapping("/scan-batches/{id}/progress")
    String progress(@PathVariable UUID id, Access access, Model model) {
        model.addAttribute("batch", batches.progress(id, access));
        return "digitisation/batch :: progress";
    }

    @GetMapping("/scan-batches/{id}/items/{item}")
    String item(@PathVariable UUID id, @PathVariable UUID item, Access access, Model model) {
        return item(id, item, null, access, model);
    }

    /** The item page; {@code typed} is a refused confirmation, shown again as it was typed. */
    String item(UUID id, UUID item, ItemFiling.@Nullable Confirmation typed, Access access, Model model) {
        model.addAttribute("nav", "scan");
        model.addAttribute("batch", batches.progress(id, access));
        var scanned = items.item(id, item, access);
        model.addAttribute("item", scanned);
        model.addAttribute(
                "confirmation",
                typed != null
                        ? typed
                        : new ItemFiling.Confirmation(
                                java.util.Objects.requireNonNullElse(
                                        scanned.businessStep(),
                                        java.util.Objects.requireNonNullElse(scanned.suggestedStep(), "")),
                                scanned.certNoMasked(),
                                scanned.personName(),
                                metadata.suggestedTitle(scanned),
                                ""));
        model.addAttribute("steps", steps());
        model.addAttribute("canReview", access.can("digitisation:qc"));
        return "digitisation/item";
    }

    @GetMapping("/scan-batches/{id}/pages/{seq}")
    void page(@PathVariable UUID id, @PathVariable int seq, Access access, HttpServletResponse response)
            throws IOException {
        batches.progress(id, access);
        String path = batches.pagePath(id, seq).orElseThrow(() -> new NotFoundException("SCAN_PAGE", id + "/" + seq));
        destroyed.refuseIfDestroyed(id, seq); // 410: the page's item was destroyed, its image with it
        if (!Files.isRegularFile(batches.dir(id).resolve(path))) {
            throw new NotFoundException("SCAN_PAGE", id + "/" + seq);
        }
        tx.executeWithoutResult(s -> audit.record(
                access.actor(),
                AuditedObject.SCAN_BATCH,
                id.toString(),
                AuditOperation.READ_PAGE,
                null,
                AuditDetail.of("audit.detail.page", seq).encoded()));
        String ext = path.substring(path.lastIndexOf('.') + 1);
        response.setContentType(
                switch (ext) {
                    case "png" -> "image/png";
                    case "jpg" -> "image/jpeg";
                    default -> "image/tiff";
                });
        response.setHeader("Cache-Control", "private, no-store");
        Files.copy(batches.dir(id).resolve(path), response.getOutputStream());
    }

    @PostMapping("/scan-batches/{id}/items/{item}/review")
    String review(
            @PathVariable UUID id,
            @PathVariable UUID item,
            @RequestParam(defaultValue = "pass") String result,
            @RequestParam(required = false) @Nullable String note,
            Access access) {
        items.review(id, item, result.equals("pass"), note, access);
        return "redirect:/scan-batches/" + id + "/items/" + item;
    }

    @PostMapping("/scan-batches/{id}/items/{item}/confirm")
    String confirm(
            @PathVariable UUID id,
            @PathVariable UUID item,
            @RequestParam(defaultValue = "") String businessStep,
            @RequestParam(required = false) @Nullable String certNo,
            @RequestParam(required = false) @Nullable String personName,
            @RequestParam(defaultValue = "") String title,
            @RequestParam(defaultValue = "") String docDate,
            Access access,
            HttpServletResponse response,
            Model model) {
        try {
            UUID captured = items.confirm(id, item, businessStep, certNo, personName, title, docDate, access);
            return "redirect:/items/" + captured;
        } catch (InvalidInputException e) {
            response.setStatus(422);
            model.addAttribute(
                    "formErrors",
                    FormErrors.of(e).renamed(Map.of("person.certNo", "certNo", "person.name", "personName")));
            return item(
                    id,
                    item,
                    new ItemFiling.Confirmation(businessStep, certNo, personName, title, docDate),
                    access,
                    model);
        }
    }

    @PostMapping("/scan-batches/{id}/items/{item}/duplicate")
    String duplicate(
            @PathVariable UUID id,
            @PathVariable UUID item,
            @RequestParam(defaultValue = "") String decision,
            @RequestParam(required = false) @Nullable String reason,
            Access access) {
        if (!decision.equals("file") && !decision.equals("discard")) {
            throw new org.siarchive.shared.InvalidInputException(
                    org.siarchive.shared.Violation.of("decision", "codeTable", decision));
        }
        items.decideDuplicate(id, item, decision.equals("file"), reason, access);
        return "redirect:/scan-batches/" + id + "/items/" + item;
    }

    @PostMapping("/scan-batches/{id}/decision")
    String decide(@PathVariable UUID id, Access access) {
        items.decide(id, access);
        return "redirect:/scan-batches/" + id;
    }

    private java.util.Map<String, String> steps() {
        var out = new java.util.LinkedHashMap<String, String>();
        catalog.classification().steps().forEach(s -> out.put(s.code(), s.name()));
        return out;
    }
}
