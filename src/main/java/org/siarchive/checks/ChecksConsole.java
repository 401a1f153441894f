package org.siarchive.checks;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.siarchive.catalog.Catalog;
import org.siarchive.organisation.Organisations;
import org.siarchive.shared.Access;
import org.siarchive.shared.ForbiddenException;
import org.siarchive.shared.InvalidInputException;
import org.siarchive.shared.Violation;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Console of four-property checks: the reports of every stage, a preservation check started over the
 * whole store or chosen 档号, a report's items and failed records, its PDF and Excel exports, and the
 * item sets (switch an item off or on, audited).
 */
@Controller
class ChecksConsole {

    private final FourPropertyChecks checks;
    private final PreservationCheck preservation;
    private final ReportDocuments documents;
    private final Catalog catalog;
    private final Organisations organisations;

    ChecksConsole(
            FourPropertyChecks checks,
            PreservationCheck preservation,
            ReportDocuments documents,
            Catalog catalog,
            Organisations organisations) {
        this.organisations = organisations;
        this.checks = checks;
        this.preservation = preservation;
        this.documents = documents;
        this.catalog = catalog;
    }

    @GetMapping("/checks")
    String list(@RequestParam(required = false) @Nullable String stage, Model model, Access access) {
        Stage s = null;
        if (stage != null && !stage.isBlank()) {
            try {
                s = Stage.valueOf(stage);
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException(Violation.of("stage", "codeTable", stage));
            }
        }
        model.addAttribute("nav", "checks");
        model.addAttribute("runs", checks.recent(s, access));
        model.addAttribute("stage", s == null ? "" : s.name());
        model.addAttribute("definitions", CheckCatalog.ALL);
        model.addAttribute("disabled", checks.disabledCodes());
        return "checks/runs";
    }

    @PostMapping("/checks/runs")
    String start(@RequestParam(defaultValue = "") String archiveCodes, Access access) {
        if (archiveCodes.isBlank() && !organisations.coversWholeTree(access.scope())) {
            // the whole store holds every county's archives: only a whole-tree scope checks all of it
            throw new ForbiddenException("checks.wholeStore");
        }
        List<UUID> chosen = archiveCodes.isBlank()
                ? null
                : catalog.itemIdsByArchiveCodes(
                        org.siarchive.catalog.ArchiveCodeList.parse(archiveCodes), access.scope(), "archiveCodes");
        long id = preservation.start(chosen, access.actor());
        return "redirect:/checks/runs/" + id;
    }

    @GetMapping("/checks/runs/{id}")
    String run(@PathVariable long id, Model model, Access access) {
        model.addAttribute("nav", "checks");
        model.addAttribute("report", checks.report(id, access));
        return "checks/run";
    }

    @GetMapping("/checks/runs/{id}/export")
    ResponseEntity<byte[]> export(
            @PathVariable long id, @RequestParam(defaultValue = "pdf") String format, Locale locale, Access access) {
        var report = checks.report(id, access);
        boolean en = locale.getLanguage().equals("en");
        byte[] body;
        MediaType type;
        if (format.equals("pdf")) {
            body = documents.pdf(report, en);
            type = MediaType.APPLICATION_PDF;
        } else if (format.equals("xlsx")) {
            body = documents.xlsx(report, en);
            type = MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        } else {
            throw new InvalidInputException(Violation.of("format", "codeTable", format));
        }
        String name = (en ? "check-report-" : "四性检测报告-") + id + "." + format;
        return ResponseEntity.ok()
                .contentType(type)
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(name, StandardCharsets.UTF_8)
                                .build()
                                .toString())
                .body(body);
    }

    @PostMapping("/checks/items/{code}")
    String toggle(@PathVariable String code, @RequestParam boolean enabled, Access access) {
        checks.setEnabled(code, enabled, access);
        return "redirect:/checks";
    }
}
