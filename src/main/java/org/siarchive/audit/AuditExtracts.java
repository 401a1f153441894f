package org.siarchive.audit;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.siarchive.shared.Access;
import org.siarchive.shared.ReadableTime;
import org.siarchive.shared.Register;
import org.siarchive.shared.Registers;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Audit extracts: the filtered log as the register people keep (Excel, A4 PDF, through the shared
 * {@link Registers}), with the rows exactly as the screen shows them; and the CSV of the stored codes,
 * oldest first, for machines that check entries against the chain. Every extract is itself audited.
 */
@Controller
class AuditExtracts {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS");

    /** Entries converted to display rows at a time (one name lookup per module per batch). */
    private static final int BATCH = 500;

    private final AuditLog log;
    private final AuditRows rows;
    private final AuditTrail trail;
    private final Registers registers;
    private final TransactionTemplate tx;
    private final ReadableTime time;

    AuditExtracts(
            AuditLog log,
            AuditRows rows,
            AuditTrail trail,
            Registers registers,
            TransactionTemplate tx,
            ReadableTime time) {
        this.log = log;
        this.rows = rows;
        this.trail = trail;
        this.registers = registers;
        this.tx = tx;
        this.time = time;
    }

    @GetMapping("/audit/export")
    @Nullable
    ResponseEntity<byte[]> export(
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to,
            @RequestParam(required = false) @Nullable String actor,
            @RequestParam(required = false) @Nullable String operation,
            @RequestParam(required = false) @Nullable String objectType,
            @RequestParam(required = false) @Nullable String objectId,
            @RequestParam(required = false) @Nullable String result,
            @RequestParam(defaultValue = "xlsx") String format,
            Access access,
            Locale locale,
            HttpServletResponse response)
            throws IOException {
        var q = rows.resolved(new AuditQuery(from, to, actor, operation, objectType, objectId, result));
        if (format.equals("csv")) {
            audited(access, format, q);
            csv(q, response);
            return null;
        }
        if (!format.equals("xlsx") && !format.equals("pdf")) { // the door refuses it: 422 on format
            return registers.download(new Register("audit.extract", COLUMNS, List.of()), format, access, locale);
        }
        var register = register(q, format.equals("pdf") ? Register.MAX_PDF_ROWS : Register.MAX_ROWS, locale);
        audited(access, format, q);
        return registers.download(register, format, access, locale);
    }

    private void audited(Access access, String format, AuditQuery q) {
        tx.executeWithoutResult(s -> trail.record(
                access.actor(),
                AuditedObject.AUDIT_TRAIL,
                "-",
                AuditOperation.EXPORT,
                null,
                AuditDetail.of("audit.detail.exported", AuditDetail.label("audit.format." + format), q.describe())
                        .encoded()));
    }

    static final List<Register.Column> COLUMNS = List.of(
            Register.Column.of("audit.time", 19),
            Register.Column.of("audit.operator", 16),
            Register.Column.of("audit.org", 14),
            Register.Column.of("audit.operation", 10),
            Register.Column.of("audit.objectId", 24),
            Register.Column.of("audit.result", 6),
            Register.Column.of("audit.detail", 36),
            Register.Column.of("audit.ip", 14));

    /** The audit extract: at most {@code max} entries of the filter, newest first, as the screen shows them. */
    Register register(AuditQuery q, int max, Locale locale) {
        var out = new ArrayList<List<?>>();
        var batch = new ArrayList<AuditTrail.Entry>(BATCH);
        log.each(q, max, true, e -> {
            batch.add(e);
            if (batch.size() == BATCH) {
                rows.rows(batch, locale).forEach(r -> out.add(cells(r)));
                batch.clear();
            }
        });
        rows.rows(batch, locale).forEach(r -> out.add(cells(r)));
        return new Register("audit.extract", COLUMNS, out);
    }

    /** A register row from a screen row: the object with its type, the reason with the detail. */
    static List<String> cells(AuditRows.Row r) {
        String object = (r.objectType() + " " + r.object()).strip();
        String detail =
                r.reason().isEmpty() || r.detail().isEmpty() ? r.reason() + r.detail() : r.reason() + "；" + r.detail();
        return List.of(r.time(), r.actor(), r.org(), r.operation(), object, r.result(), detail, r.ip());
    }

    private void csv(AuditQuery q, HttpServletResponse response) throws IOException {
        response.setHeader(
                "Content-Disposition",
                ContentDisposition.attachment()
                        .filename("audit-" + time.today() + ".csv", StandardCharsets.UTF_8)
                        .build()
                        .toString());
        response.setContentType("text/csv; charset=UTF-8");
        Writer w = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
        w.write('\uFEFF'); // Excel reads UTF-8 CSV with a byte-order mark
        w.write(String.join(",", HEADERS) + "\r\n");
        log.each(q, Integer.MAX_VALUE, false, e -> {
            try {
                w.write(String.join(",", row(e).stream().map(AuditExtracts::csv).toList()) + "\r\n");
            } catch (IOException ex) {
                throw new UncheckedIOException(ex);
            }
        });
        w.flush();
    }

    /** The CSV's columns: the stored fields the chain signs (docs/adr/0048). */
    static final List<String> HEADERS = List.of(
            "seq",
            "time",
            "actor",
            "org",
            "ip",
            "client",
            "object_type",
            "object_id",
            "operation",
            "result",
            "reason",
            "detail");

    private List<String> row(AuditTrail.Entry e) {
        return Arrays.asList(
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
}
