package org.siarchive.comparison;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.siarchive.comparison.Datasets.Kind;
import org.siarchive.shared.Access;
import org.siarchive.shared.NotFoundException;
import org.siarchive.shared.Register;
import org.siarchive.shared.Registers;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * The downloads of reference data: a dataset's per-row error report (row, column, the rule in the reader's
 * language, the masked value; formula-safe through {@link Registers}) and each kind's empty Excel template.
 */
@Component
class ReferenceErrorReport {

    private final DatasetRows rows;
    private final Registers registers;
    private final MessageSource messages;

    ReferenceErrorReport(DatasetRows rows, Registers registers, MessageSource messages) {
        this.rows = rows;
        this.registers = registers;
        this.messages = messages;
    }

    ResponseEntity<byte[]> download(DatasetRows.Dataset d, Access access) {
        Locale locale = LocaleContextHolder.getLocale();
        var lines = new ArrayList<List<?>>();
        for (var e : rows.errors(d.id(), Register.MAX_ROWS)) {
            lines.add(List.of(
                    e.rowNo(), e.column(), rule(e.rule(), locale), e.valueMasked() == null ? "" : e.valueMasked()));
        }
        var register = new Register(
                "reference.errors.title",
                List.of(
                        Register.Column.of("reference.errors.row", 8),
                                Register.Column.of("reference.errors.column", 16),
                        Register.Column.of("reference.errors.rule", 30),
                                Register.Column.of("reference.errors.value", 24)),
                lines);
        return registers.download(register, "xlsx", access, locale);
    }

    String rule(String rule, Locale locale) {
        return messages.getMessage("reference.rule." + rule, null, rule, locale);
    }

    ResponseEntity<byte[]> template(String kindName) {
        Kind kind;
        try {
            kind = Kind.valueOf(kindName);
        } catch (IllegalArgumentException e) {
            throw new NotFoundException("REFERENCE_TEMPLATE", kindName);
        }
        try (var wb = new XSSFWorkbook();
                var out = new ByteArrayOutputStream()) {
            var sheet = wb.createSheet(messages.getMessage(
                    "reference.kind." + kind.name(), null, kind.name(), LocaleContextHolder.getLocale()));
            var header = sheet.createRow(0);
            var columns = ReferenceLayout.columns(kind);
            for (int i = 0; i < columns.size(); i++) {
                header.createCell(i).setCellValue(ReferenceLayout.header(kind, columns.get(i)));
                sheet.setColumnWidth(i, 18 * 256);
            }
            wb.write(out);
            String name = URLEncoder.encode("比对数据模板-" + kind.name() + ".xlsx", StandardCharsets.UTF_8);
            return ResponseEntity.ok()
                    .contentType(MediaType.parseMediaType(Registers.XLSX))
                    .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename*=UTF-8''" + name)
                    .body(out.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
