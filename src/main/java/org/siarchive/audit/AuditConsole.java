package org.siarchive.audit;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.jspecify.annotations.Nullable;
import org.siarchive.shared.Access;
import org.siarchive.shared.InvalidInputException;
import org.siarchive.shared.ReadableTime;
import org.siarchive.shared.Violation;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The auditor's console: every entry (the administrators' included), filtered by time, user,
 * operation and object; statistics; CSV and Excel export; chain verification. Exports and
 * verifications are themselves audited. Nothing here changes or removes an entry.
 */
@Controller
class AuditConsole {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS");

    private final AuditTrail trail;
    private final AuditChain chain;
    private final TransactionTemplate tx;
    private final ReadableTime time;

    AuditConsole(AuditTrail trail, AuditChain chain, TransactionTemplate tx, ReadableTime time) {
        this.trail = trail;
        this.chain = chain;
        this.tx = tx;
        this.time = time;
    }

    @GetMapping("/audit")
    String page(
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to,
            @RequestParam(required = false) @Nullable String actor,
            @RequestParam(required = false) @Nullable String operation,
            @RequestParam(required = false) @Nullable String objectType,
            @RequestParam(required = false) @Nullable String objectId,
            @RequestParam(required = false) @Nullable String result,
            @RequestParam(defaultValue = "0") int page,
            Model model) {
        var q = query(from, to, actor, operation, objectType, objectId, result);
        model.addAttribute("nav", "audit");
        model.addAttribute("q", q);
        model.addAttribute("operations", AuditOperation.values());
        model.addAttribute("objectTypes", AuditedObject.values());
        var window = org.siarchive.shared.Bounds.page(page, 50);
        model.addAttribute("result", trail.search(q, window.page(), window.size()));
        model.addAttribute("byOperation", trail.countBy(q, "operation"));
        model.addAttribute("byActor", trail.countBy(q, "actor"));
        model.addAttribute("byResult", trail.countBy(q, "result"));
        return "audit/page";
    }

    @PostMapping("/audit/verify")
    String verify(Access access, Model model) {
        var report = chain.verify();
        tx.executeWithoutResult(s -> trail.record(
                access.actor(),
                AuditedObject.AUDIT_TRAIL,
                "-",
                AuditOperation.VERIFY,
                report.intact() ? AuditTrail.SUCCESS : AuditTrail.FAILURE,
                null,
                report.entries() + " entries, " + report.findings().size() + " findings"));
        model.addAttribute("nav", "audit");
        model.addAttribute("report", report);
        return "audit/verify";
    }

    @GetMapping("/audit/export")
    void export(
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to,
            @RequestParam(required = false) @Nullable String actor,
            @RequestParam(required = false) @Nullable String operation,
            @RequestParam(required = false) @Nullable String objectType,
            @RequestParam(required = false) @Nullable String objectId,
            @RequestParam(required = false) @Nullable String result,
            @RequestParam(defaultValue = "csv") String format,
            Access access,
            HttpServletResponse response)
            throws IOException {
        if (!format.equals("csv") && !format.equals("xlsx")) {
            throw new InvalidInputException(Violation.of("format", "codeTable", format));
        }
        var q = query(from, to, actor, operation, objectType, objectId, result);
        tx.executeWithoutResult(s -> trail.record(
                access.actor(), AuditedObject.AUDIT_TRAIL, "-", AuditOperation.EXPORT, null, format + " " + q));
        String name = "audit-" + time.today() + "." + format;
        response.setHeader(
                "Content-Disposition",
                ContentDisposition.attachment()
                        .filename(name, StandardCharsets.UTF_8)
                        .build()
                        .toString());
        if (format.equals("csv")) {
            response.setContentType("text/csv; charset=UTF-8");
            Writer w = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
            w.write('\uFEFF'); // Excel reads UTF-8 CSV with a byte-order mark
            w.write(String.join(",", HEADERS) + "\r\n");
            trail.each(q, e -> {
                try {
                    w.write(String.join(
                                    ",", row(e).stream().map(AuditConsole::csv).toList()) + "\r\n");
                } catch (IOException ex) {
                    throw new java.io.UncheckedIOException(ex);
                }
            });
            w.flush();
            return;
        }
        response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        try (var wb = new SXSSFWorkbook(500)) {
            var sheet = wb.createSheet("审计日志");
            var header = sheet.createRow(0);
            for (int i = 0; i < HEADERS.size(); i++) {
                header.createCell(i).setCellValue(HEADERS.get(i));
            }
            int[] n = {1};
            trail.each(q, e -> {
                var r = sheet.createRow(n[0]++);
                var values = row(e);
                for (int i = 0; i < values.size(); i++) {
                    r.createCell(i).setCellValue(values.get(i));
                }
            });
            wb.write(response.getOutputStream());
        }
    }

    static final java.util.List<String> HEADERS = java.util.List.of(
            "序号 seq",
            "时间 time",
            "用户 user",
            "机构 org",
            "地址 IP",
            "客户端 client",
            "对象类型 object type",
            "对象 object",
            "操作 operation",
            "结果 result",
            "事由 reason",
            "详情 detail");

    private java.util.List<String> row(AuditTrail.Entry e) {
        return java.util.Arrays.asList(
                e.seq() == null ? "" : e.seq().toString(),
                time.format(e.at(), TIME),
                e.actor(),
                nz(e.org()),
                nz(e.ip()),
                nz(e.client()),
                e.objectType(),
                e.objectId(),
                e.operation(),
                e.result(),
                nz(e.reason()),
                nz(e.detail()));
    }

    private static String nz(@Nullable String s) {
        return s == null ? "" : s;
    }

    /** RFC 4180 quoting; a leading =, +, - or @ is neutralised so a spreadsheet never runs it as a formula. */
    static String csv(String s) {
        String v = !s.isEmpty() && "=+-@".indexOf(s.charAt(0)) >= 0 ? "'" + s : s;
        return v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r")
                ? "\"" + v.replace("\"", "\"\"") + "\""
                : v;
    }

    private static AuditQuery query(
            @Nullable LocalDate from,
            @Nullable LocalDate to,
            @Nullable String actor,
            @Nullable String operation,
            @Nullable String objectType,
            @Nullable String objectId,
            @Nullable String result) {
        return new AuditQuery(from, to, actor, operation, objectType, objectId, result);
    }
}
