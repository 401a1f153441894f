package org.siarchive.checks;

import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.siarchive.catalog.ArchiveCodeList;
import org.siarchive.catalog.ArchiveCodeLookup;
import org.siarchive.organisation.Organisations;
import org.siarchive.shared.Access;
import org.siarchive.shared.ForbiddenException;
import org.siarchive.shared.FormErrors;
import org.siarchive.shared.InvalidInputException;
import org.siarchive.shared.Register;
import org.siarchive.shared.Registers;
import org.siarchive.shared.Violation;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Console of four-property checks: the reports of every stage, a page at a time, printed as a register; a
 * preservation check started over the whole store or chosen 档号 typed as people type them (a refused
 * start is shown beside the field with the input kept); and the item sets (switch an item off or on,
 * audited). One report is {@link RunConsole}'s.
 */
@Controller
class ChecksConsole {

    private final FourPropertyChecks checks;
    private final PreservationCheck preservation;
    private final RunList runs;
    private final RunRegister register;
    private final Registers registers;
    private final ArchiveCodeLookup typedCodes;
    private final Organisations organisations;

    ChecksConsole(
            FourPropertyChecks checks,
            PreservationCheck preservation,
            RunList runs,
            RunRegister register,
            Registers registers,
            ArchiveCodeLookup typedCodes,
            Organisations organisations) {
        this.checks = checks;
        this.preservation = preservation;
        this.runs = runs;
        this.register = register;
        this.registers = registers;
        this.typedCodes = typedCodes;
        this.organisations = organisations;
    }

    /** What the start form was given, kept when it is refused. */
    record StartForm(String archiveCodes) {}

    @GetMapping("/checks")
    String list(
            @RequestParam(required = false) @Nullable String stage,
            @RequestParam(defaultValue = "0") int page,
            Model model,
            Locale locale,
            Access access) {
        model.addAttribute("form", new StartForm(""));
        return page(stage(stage), page, model, locale, access);
    }

    private String page(@Nullable Stage s, int page, Model model, Locale locale, Access access) {
        model.addAttribute("nav", "checks");
        var listed = runs.page(s, page, access, locale);
        model.addAttribute("runs", listed);
        model.addAttribute("anyRunning", listed.content().stream().anyMatch(RunList.Row::running));
        int last = (int) Math.max(0, listed.totalPages() - 1);
        model.addAttribute(
                "pageNumbers",
                java.util.stream.IntStream.rangeClosed(Math.max(0, page - 4), Math.min(last, Math.max(0, page) + 4))
                        .boxed()
                        .toList());
        model.addAttribute("stage", s == null ? "" : s.name());
        model.addAttribute("definitions", CheckCatalog.ALL);
        model.addAttribute("disabled", checks.disabledCodes());
        return "checks/runs";
    }

    /** The register of the reports listed under the same filter (检测报告登记), as Excel or an A4 PDF. */
    @GetMapping("/checks/export")
    ResponseEntity<byte[]> export(
            @RequestParam(required = false) @Nullable String stage,
            @RequestParam(defaultValue = "xlsx") String format,
            Locale locale,
            Access access) {
        Register r = register.of(runs.all(stage(stage), Register.MAX_ROWS + 1, access, locale));
        return registers.download(r, format, access, locale);
    }

    @PostMapping("/checks/runs")
    String start(
            @RequestParam(defaultValue = "") String archiveCodes,
            Model model,
            Locale locale,
            Access access,
            HttpServletResponse response) {
        if (archiveCodes.isBlank() && !organisations.coversWholeTree(access.scope())) {
            // the whole store holds every county's archives: only a whole-tree scope checks all of it
            throw new ForbiddenException("checks.wholeStore");
        }
        List<UUID> chosen;
        try {
            chosen = archiveCodes.isBlank()
                    ? null
                    : typedCodes.resolveAll(ArchiveCodeList.parse(archiveCodes), access.scope(), "archiveCodes");
        } catch (InvalidInputException e) {
            response.setStatus(422);
            model.addAttribute("formErrors", FormErrors.of(e));
            model.addAttribute("form", new StartForm(archiveCodes));
            return page(null, 0, model, locale, access);
        }
        long id = preservation.start(chosen, access.actor());
        return "redirect:/checks/runs/" + id;
    }

    @PostMapping("/checks/items/{code}")
    String toggle(@PathVariable String code, @RequestParam boolean enabled, Access access) {
        checks.setEnabled(code, enabled, access);
        return "redirect:/checks";
    }

    private static @Nullable Stage stage(@Nullable String stage) {
        if (stage == null || stage.isBlank()) {
            return null;
        }
        try {
            return Stage.valueOf(stage);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(Violation.of("stage", "codeTable", stage));
        }
    }
}
