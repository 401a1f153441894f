package org.siarchive.shared;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * The one door through which a {@link Register} leaves the platform: as an Excel workbook (streamed,
 * formula-injection safe) or as an A4 PDF headed with the organisation's name, the register's title and the
 * Beijing time it was printed. Titles and headers come from the message bundles (docs/adr/0049).
 */
@Component
public class Registers {

    public static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private final MessageSource messages;
    private final ReadableTime time;
    private final ObjectProvider<OrganisationNames> organisations;
    private volatile TrueTypeFont font;

    Registers(MessageSource messages, ReadableTime time, ObjectProvider<OrganisationNames> organisations) {
        this.messages = messages;
        this.time = time;
        this.organisations = organisations;
    }

    /** The register as an attachment: {@code format} is {@code xlsx} or {@code pdf}. */
    public ResponseEntity<byte[]> download(Register r, String format, Access access, Locale locale) {
        boolean pdf =
                switch (format) {
                    case "xlsx" -> false;
                    case "pdf" -> true;
                    default -> throw new InvalidInputException(Violation.of("format", "code"));
                };
        byte[] body = pdf ? pdf(r, access, locale) : xlsx(r, access, locale);
        String name =
                label(r.titleKey(), locale) + "-" + time.today().toString().replace("-", "") + "." + format;
        return ResponseEntity.ok()
                .contentType(pdf ? MediaType.APPLICATION_PDF : MediaType.parseMediaType(XLSX))
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        "attachment; filename*=UTF-8''"
                                + URLEncoder.encode(name, StandardCharsets.UTF_8)
                                        .replace("+", "%20"))
                .body(body);
    }

    public byte[] xlsx(Register r, Access access, Locale locale) {
        return xlsx(r, List.of(), List.of(), locale);
    }

    /** The register as a workbook with {@code preface} rows above its header and {@code closing} rows below. */
    public byte[] xlsx(Register r, List<String> preface, List<String> closing, Locale locale) {
        try (var wb = new SXSSFWorkbook(200);
                var out = new ByteArrayOutputStream()) {
            var sheet = wb.createSheet(sheetName(label(r.titleKey(), locale)));
            var header = headerStyle(wb);
            var quoted = wb.createCellStyle();
            quoted.setQuotePrefixed(true);
            int at = preface.size();
            for (int p = 0; p < at; p++) {
                writeRow(sheet.createRow(p), List.of(preface.get(p)), quoted);
            }
            Row top = sheet.createRow(at);
            for (int c = 0; c < r.columns().size(); c++) {
                var col = r.columns().get(c);
                var cell = top.createCell(c);
                cell.setCellValue(label(col.labelKey(), locale));
                cell.setCellStyle(header);
                sheet.setColumnWidth(c, Math.min(255, Math.max(4, col.width() * 2 + 2)) * 256);
            }
            sheet.createFreezePane(0, at + 1);
            int n = Math.min(r.rows().size(), Register.MAX_ROWS);
            for (int i = 0; i < n; i++) {
                writeRow(sheet.createRow(at + i + 1), r.rows().get(i), quoted);
            }
            int next = at + n + 1;
            if (r.rows().size() > n) {
                sheet.createRow(next++)
                        .createCell(0)
                        .setCellValue(truncated(n, r.rows().size(), locale));
            }
            for (String line : closing) {
                writeRow(sheet.createRow(next++), List.of(line), quoted);
            }
            wb.write(out);
            wb.dispose();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public byte[] pdf(Register r, Access access, Locale locale) {
        return pdf(r, organisationName(access), List.of(), List.of(), locale);
    }

    /**
     * A register printed as a form of its own (e.g. the 销毁清册): the organisation named by the caller,
     * {@code preface} lines under the title (list number, the time it was made …) in place of the printing
     * time, so the same form prints the same text, and {@code closing} lines after the table (totals,
     * signature lines), all already in the reader's language.
     */
    public byte[] pdf(Register r, String organisation, List<String> preface, List<String> closing, Locale locale) {
        String printed = messages.getMessage(
                "register.printedAt", new Object[] {time.format(Instant.now(), ReadableTime.MINUTES)}, locale);
        var heading = new RegisterPdf.Heading(
                organisation,
                label(r.titleKey(), locale),
                preface.isEmpty() ? printed : String.join("　", preface),
                r.columns().stream().map(c -> label(c.labelKey(), locale)).toList(),
                messages.getMessage("register.pageOf", null, locale));
        int n = Math.min(r.rows().size(), Register.MAX_PDF_ROWS);
        List<List<String>> rows = r.rows().subList(0, n).stream()
                .map(row -> row.stream().map(this::text).toList())
                .toList();
        var lines = new java.util.ArrayList<String>();
        if (r.rows().size() > n) {
            lines.add(truncated(n, r.rows().size(), locale));
        }
        lines.addAll(closing);
        return new RegisterPdf(font(), heading, r.columns()).write(rows, lines);
    }

    /** What a cell prints: times in the people's zone, dates as YYYY-MM-DD, nothing for null. */
    public String text(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof OffsetDateTime t) {
            return time.format(t, ReadableTime.MINUTES);
        }
        if (value instanceof Instant t) {
            return time.format(t, ReadableTime.MINUTES);
        }
        return value.toString();
    }

    private void writeRow(Row row, List<?> cells, CellStyle quoted) {
        for (int c = 0; c < cells.size(); c++) {
            Object v = cells.get(c);
            var cell = row.createCell(c);
            if (v instanceof Number num && !(v instanceof java.math.BigInteger)) {
                cell.setCellValue(num.doubleValue());
            } else if (v instanceof LocalDate || v instanceof OffsetDateTime || v instanceof Instant) {
                cell.setCellValue(text(v));
            } else if (v != null) {
                String s = v.toString();
                s = s.length() > 32_000 ? s.substring(0, 32_000) : s;
                cell.setCellValue(s);
                if (!s.isEmpty() && "=+-@\t\r".indexOf(s.charAt(0)) >= 0) {
                    cell.setCellStyle(quoted);
                }
            }
        }
    }

    private static CellStyle headerStyle(SXSSFWorkbook wb) {
        var style = wb.createCellStyle();
        var bold = wb.createFont();
        bold.setBold(true);
        style.setFont(bold);
        style.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
        style.setFillPattern(FillPatternType.SOLID_FOREGROUND);
        return style;
    }

    private String organisationName(Access access) {
        String code = access.actor().org();
        var names = organisations.getIfAvailable();
        if (code == null || names == null) {
            return "";
        }
        return names.nameOfCode(code).orElse("");
    }

    private String truncated(int shown, int total, Locale locale) {
        return messages.getMessage("register.truncated", new Object[] {shown, total}, locale);
    }

    private String label(String key, Locale locale) {
        return messages.getMessage(key, null, locale);
    }

    /** Excel forbids some characters and more than 31 characters in a sheet name. */
    private static String sheetName(String title) {
        String clean = title.replaceAll("[\\\\/?*\\[\\]:]", " ");
        return clean.length() > 31 ? clean.substring(0, 31) : clean;
    }

    private TrueTypeFont font() {
        if (font == null) {
            font = CjkFont.load();
        }
        return font;
    }
}
