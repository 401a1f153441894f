package org.siarchive.checks;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.siarchive.shared.Access;
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
import org.springframework.web.bind.annotation.RequestParam;

/**
 * One 四性检测 report on the console: while the run is going its progress (records checked of how many, the
 * last record, failures so far), polled every second; when it is done, its result per check item, its
 * failed records and its PDF and Excel.
 */
@Controller
class RunConsole {

    private final FourPropertyChecks checks;
    private final RunProgress progress;
    private final ReportDocuments documents;
    private final RunList runs;

    RunConsole(FourPropertyChecks checks, RunProgress progress, ReportDocuments documents, RunList runs) {
        this.runs = runs;
        this.checks = checks;
        this.progress = progress;
        this.documents = documents;
    }

    @GetMapping("/checks/runs/{id}")
    String run(@PathVariable long id, Model model, Locale locale, Access access) {
        model.addAttribute("nav", "checks");
        report(id, model, locale, access);
        return "checks/run";
    }

    /** The report block alone: the run page polls it every second while the run is going. */
    @GetMapping("/checks/runs/{id}/progress")
    String progress(@PathVariable long id, Model model, Locale locale, Access access) {
        report(id, model, locale, access);
        return "checks/run :: report";
    }

    private void report(long id, Model model, Locale locale, Access access) {
        var report = checks.report(id, access);
        model.addAttribute("report", report);
        model.addAttribute("startedBy", runs.person(report.run().startedBy(), locale));
        model.addAttribute("progress", progress.of(id));
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
}
