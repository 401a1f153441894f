package org.siarchive.comparison;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.siarchive.shared.Access;
import org.siarchive.shared.ConflictException;
import org.siarchive.shared.FormErrors;
import org.siarchive.shared.InvalidInputException;
import org.siarchive.shared.Violation;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * The console's 比对数据 pages: the list of datasets in scope (filtered by kind, source and state, paged) with
 * the upload form (refused uploads come back with each error beside its field, the form kept), and a
 * dataset's page with its counts, digest, progress (refreshing while it loads), first errors, the error
 * report and the withdraw form.
 */
@Controller
class ReferenceDatasetsConsole {

    static final int PAGE_SIZE = 20;

    private final ReferenceImports imports;
    private final ReferenceDatasets datasets;
    private final ReferenceErrorReport report;

    ReferenceDatasetsConsole(ReferenceImports imports, ReferenceDatasets datasets, ReferenceErrorReport report) {
        this.imports = imports;
        this.datasets = datasets;
        this.report = report;
    }

    @GetMapping("/comparison/datasets")
    String list(
            @RequestParam(defaultValue = "") String kind,
            @RequestParam(defaultValue = "") String source,
            @RequestParam(defaultValue = "") String state,
            @RequestParam(defaultValue = "0") int page,
            Access access,
            Model model) {
        return listView(kind, source, state, page, new ReferenceImports.Upload("", "", "", null), "", access, model);
    }

    @PostMapping("/comparison/datasets")
    String upload(
            @RequestParam(defaultValue = "") String kind,
            @RequestParam(defaultValue = "") String source,
            @RequestParam(defaultValue = "") String title,
            @RequestParam(defaultValue = "") String asOf,
            @RequestParam(name = "file", required = false) @Nullable MultipartFile file,
            Access access,
            Model model,
            HttpServletResponse response) {
        var form = new ReferenceImports.Upload(kind, source, title, null);
        try {
            form = new ReferenceImports.Upload(kind, source, title, date(asOf));
            if (file == null || file.isEmpty()) {
                throw new InvalidInputException(new Violation("file", "empty", "reference.rule.empty", List.of()));
            }
            try (var in = file.getInputStream()) {
                var received = imports.upload(form, file.getOriginalFilename(), in, access);
                return "redirect:/comparison/datasets/" + received.datasetId();
            }
        } catch (InvalidInputException e) {
            response.setStatus(422);
            model.addAttribute("formErrors", FormErrors.of(e));
            return listView("", "", "", 0, form, asOf, access, model);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @GetMapping("/comparison/datasets/{id}")
    String dataset(@PathVariable long id, Access access, Model model) {
        return datasetView(datasets.find(id, access), "", access, model);
    }

    @PostMapping("/comparison/datasets/{id}/withdraw")
    String withdraw(
            @PathVariable long id,
            @RequestParam(defaultValue = "") String reason,
            Access access,
            Model model,
            HttpServletResponse response) {
        try {
            datasets.withdraw(id, reason, access);
            return "redirect:/comparison/datasets/" + id;
        } catch (InvalidInputException e) {
            response.setStatus(422);
            model.addAttribute("formErrors", FormErrors.of(e));
            return datasetView(datasets.find(id, access), reason, access, model);
        } catch (ConflictException e) {
            response.setStatus(409);
            return datasetView(datasets.find(id, access), reason, access, model);
        }
    }

    @GetMapping("/comparison/datasets/{id}/errors.xlsx")
    ResponseEntity<byte[]> errors(@PathVariable long id, Access access) {
        return report.download(datasets.find(id, access), access);
    }

    @GetMapping("/comparison/datasets/templates/{kind}.xlsx")
    ResponseEntity<byte[]> template(@PathVariable String kind) {
        return report.template(kind);
    }

    private String listView(
            String kind,
            String source,
            String state,
            int page,
            ReferenceImports.Upload form,
            String asOf,
            Access access,
            Model model) {
        model.addAttribute("nav", "datasets");
        model.addAttribute(
                "datasets",
                datasets.page(known(kind), source, known(state), Math.max(0, Math.min(page, 400)), PAGE_SIZE, access));
        model.addAttribute("kinds", Arrays.asList(Datasets.Kind.values()));
        model.addAttribute("sources", imports.sources());
        model.addAttribute("states", List.of("RECEIVING", "LOADED", "FAILED", "WITHDRAWN"));
        model.addAttribute("filter", new String[] {kind, source, state});
        model.addAttribute("form", form);
        model.addAttribute("asOf", asOf);
        return "comparison/datasets";
    }

    private String datasetView(DatasetRows.Dataset d, String reason, Access access, Model model) {
        model.addAttribute("nav", "datasets");
        model.addAttribute("dataset", d);
        model.addAttribute("sources", imports.sources());
        model.addAttribute("errors", datasets.errors(d.id(), ReferenceDatasets.ERROR_PREVIEW, access));
        model.addAttribute("reason", reason);
        return "comparison/dataset";
    }

    private static @Nullable LocalDate date(String v) {
        if (v.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(v.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(Violation.of("asOf", "dateFormat"));
        }
    }

    private static String known(String v) {
        return v.matches("[A-Z_]{1,32}") ? v : "";
    }
}
