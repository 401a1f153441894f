package org.siarchive.reporting;

import jakarta.servlet.http.HttpServletResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.siarchive.shared.Access;
import org.siarchive.shared.FormErrors;
import org.siarchive.shared.InvalidInputException;
import org.siarchive.shared.Registers;
import org.siarchive.shared.Violation;
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
 * The console of the annual statistics report ({@code /statistics/annual-reports}, statistics:report): the reports
 * of the caller's subtree by year, computing one for a unit and year, the report with its manual figures (form
 * errors beside the fields, input kept), its Excel and PDF, and submission.
 */
@Controller
class AnnualReportsConsole {

    private static final String BASE = "/statistics/annual-reports";

    private final AnnualReports reports;
    private final AnnualLayout layout;
    private final AnnualExports exports;
    private final AnnualSubmission submission;
    private final AnnualRows rows;

    AnnualReportsConsole(
            AnnualReports reports,
            AnnualLayout layout,
            AnnualExports exports,
            AnnualSubmission submission,
            AnnualRows rows) {
        this.reports = reports;
        this.layout = layout;
        this.exports = exports;
        this.submission = submission;
        this.rows = rows;
    }

    @GetMapping(BASE)
    String list(@RequestParam(required = false) @Nullable String year, Access access, Model model) {
        String shown = year == null ? "" : year;
        model.addAttribute("formErrors", FormErrors.none());
        try {
            model.addAttribute("reports", reports.list(year, access));
        } catch (InvalidInputException e) {
            model.addAttribute("reports", List.of());
            model.addAttribute("formErrors", FormErrors.of(e));
        }
        return listPage(model, access, shown, "", null);
    }

    @PostMapping(BASE)
    String compute(
            @RequestParam(required = false) @Nullable String orgId,
            @RequestParam(required = false) @Nullable String year,
            Access access,
            Model model,
            HttpServletResponse response) {
        try {
            long org = orgId == null || !orgId.strip().matches("\\d{1,18}") ? -1 : Long.parseLong(orgId.strip());
            if (org < 0) {
                throw new InvalidInputException(Violation.of("orgId", "required"));
            }
            var report = reports.compute(org, year, access);
            return "redirect:" + BASE + "/" + report.id();
        } catch (InvalidInputException e) {
            response.setStatus(422);
            model.addAttribute("reports", reports.list(null, access));
            model.addAttribute("formErrors", FormErrors.of(e));
            return listPage(model, access, "", year == null ? "" : year, orgId);
        }
    }

    private String listPage(Model model, Access access, String filterYear, String computeYear, @Nullable String orgId) {
        model.addAttribute("nav", "annualReport");
        model.addAttribute("year", filterYear);
        model.addAttribute("computeYear", computeYear);
        model.addAttribute("orgId", orgId == null ? "" : orgId);
        model.addAttribute("units", reports.units(access));
        return "reporting/annual-reports";
    }

    @GetMapping(BASE + "/{id}")
    String report(@PathVariable long id, Access access, Locale locale, Model model) {
        var report = reports.report(id, access);
        var own = reports.manualFigures(reports.unit(report.orgId(), access), report.year());
        var input = new LinkedHashMap<String, String>();
        for (var row : rows.manualRows()) {
            var v = own.get(row.code());
            input.put(row.code(), v == null ? "" : AnnualLayout.text(v, row.scale()));
        }
        model.addAttribute("formErrors", FormErrors.none());
        return reportPage(model, report, input, locale);
    }

    @PostMapping(BASE + "/{id}/manual")
    String manual(
            @PathVariable long id,
            @RequestParam Map<String, String> form,
            Access access,
            Locale locale,
            Model model,
            HttpServletResponse response) {
        var report = reports.report(id, access);
        var values = new LinkedHashMap<String, String>();
        for (var row : rows.manualRows()) {
            values.put(row.code(), form.getOrDefault(row.code(), ""));
        }
        try {
            reports.saveManual(report.orgId(), Integer.toString(report.year()), values, access);
            reports.compute(report.orgId(), Integer.toString(report.year()), access);
            return "redirect:" + BASE + "/" + id;
        } catch (InvalidInputException e) {
            response.setStatus(422);
            model.addAttribute("formErrors", FormErrors.of(e));
            return reportPage(model, report, values, locale);
        }
    }

    @PostMapping(BASE + "/{id}/submit")
    String submit(@PathVariable long id, Access access) {
        submission.submit(id, access);
        return "redirect:" + BASE + "/" + id;
    }

    @GetMapping(BASE + "/{id}/xlsx")
    ResponseEntity<byte[]> xlsx(@PathVariable long id, Access access, Locale locale) {
        var report = reports.report(id, access);
        return download(exports.xlsx(id, access, locale), exports.fileName(report, "xlsx", locale), Registers.XLSX);
    }

    @GetMapping(BASE + "/{id}/pdf")
    ResponseEntity<byte[]> pdf(@PathVariable long id, Access access, Locale locale) {
        var report = reports.report(id, access);
        return download(
                exports.pdf(id, access, locale),
                exports.fileName(report, "pdf", locale),
                MediaType.APPLICATION_PDF_VALUE);
    }

    private String reportPage(Model model, ReportRecords.Report report, Map<String, String> input, Locale locale) {
        model.addAttribute("nav", "annualReport");
        model.addAttribute("report", report);
        model.addAttribute("lines", layout.lines(reports.figures(report), locale));
        model.addAttribute(
                "manualRows",
                layout.lines(Map.of(), locale).stream()
                        .filter(AnnualLayout.Line::manual)
                        .toList());
        model.addAttribute("input", input);
        return "reporting/annual-report";
    }

    private static ResponseEntity<byte[]> download(byte[] body, String name, String type) {
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(type))
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        "attachment; filename*=UTF-8''"
                                + URLEncoder.encode(name, StandardCharsets.UTF_8)
                                        .replace("+", "%20"))
                .body(body);
    }
}
