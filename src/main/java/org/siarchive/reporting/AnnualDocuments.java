package org.siarchive.reporting;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.siarchive.shared.Register;
import org.siarchive.shared.Registers;
import org.springframework.stereotype.Component;

/**
 * The annual report in the official layout (docs/adr/0090): an Excel workbook — title, 填报单位 and 年度, a two-row
 * header with merged cells (项目: 类别 / 指标, 计量单位, 数量), a section cell merged over its rows, the figures as
 * numbers, then the 单位负责人 / 填表人 / 填报日期 line and who exported it when (Beijing time) — and the same
 * table as a PDF through the platform's register door (CJK font).
 */
@Component
class AnnualDocuments {

    /** The sheet's first data row (0-based): title, unit/year, two header rows above it. */
    static final int FIRST_ROW = 4;

    /** The column (0-based) holding the figures. */
    static final int VALUE_COLUMN = 3;

    private static final List<Register.Column> COLUMNS = List.of(
            Register.Column.of("annual.col.section", 14),
            Register.Column.of("annual.col.item", 30),
            Register.Column.of("annual.col.unit", 10),
            Register.Column.of("annual.col.value", 14));

    /** What is printed around the table, already in the reader's language. */
    record Frame(String unitLine, String yearLine, String signatures, String exported) {}

    private final Registers registers;
    private final AnnualLayout layout;

    AnnualDocuments(Registers registers, AnnualLayout layout) {
        this.registers = registers;
        this.layout = layout;
    }

    byte[] xlsx(List<AnnualLayout.Line> lines, Frame frame, Locale locale) {
        try (var wb = new SXSSFWorkbook(200);
                var out = new ByteArrayOutputStream()) {
            Sheet sheet = wb.createSheet(layout.msg("annual.sheet", locale));
            var title = style(wb, true, 14, false);
            var head = style(wb, true, 11, true);
            var cell = style(wb, false, 11, true);
            var text = style(wb, false, 11, false);
            text.setQuotePrefixed(true);
            text.setAlignment(HorizontalAlignment.LEFT);
            int[] widths = {16, 34, 12, 16};
            for (int c = 0; c < widths.length; c++) {
                sheet.setColumnWidth(c, widths[c] * 256);
            }
            put(sheet, 0, 0, layout.msg("annual.title", locale), title);
            sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, 3));
            put(sheet, 1, 0, frame.unitLine(), text);
            sheet.addMergedRegion(new CellRangeAddress(1, 1, 0, 2));
            put(sheet, 1, 3, frame.yearLine(), text);
            put(sheet, 2, 0, layout.msg("annual.col.project", locale), head);
            put(sheet, 2, 1, "", head);
            put(sheet, 2, 2, layout.msg("annual.col.unit", locale), head);
            put(sheet, 2, 3, layout.msg("annual.col.value", locale), head);
            put(sheet, 3, 0, layout.msg("annual.col.section", locale), head);
            put(sheet, 3, 1, layout.msg("annual.col.item", locale), head);
            put(sheet, 3, 2, "", head);
            put(sheet, 3, 3, "", head);
            sheet.addMergedRegion(new CellRangeAddress(2, 2, 0, 1));
            sheet.addMergedRegion(new CellRangeAddress(2, 3, 2, 2));
            sheet.addMergedRegion(new CellRangeAddress(2, 3, 3, 3));
            int r = FIRST_ROW;
            for (var l : lines) {
                put(sheet, r, 0, l.section(), cell);
                put(sheet, r, 1, l.label(), cell);
                put(sheet, r, 2, l.unit(), cell);
                var v = sheet.getRow(r).createCell(VALUE_COLUMN);
                v.setCellStyle(cell);
                if (l.value() != null) {
                    v.setCellValue(l.value().doubleValue());
                }
                if (l.firstOfSection() && l.sectionSize() > 1) {
                    sheet.addMergedRegion(new CellRangeAddress(r, r + l.sectionSize() - 1, 0, 0));
                }
                r++;
            }
            put(sheet, r + 1, 0, frame.signatures(), text);
            sheet.addMergedRegion(new CellRangeAddress(r + 1, r + 1, 0, 3));
            put(sheet, r + 2, 0, frame.exported(), text);
            sheet.addMergedRegion(new CellRangeAddress(r + 2, r + 2, 0, 3));
            wb.write(out);
            wb.dispose();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    byte[] pdf(List<AnnualLayout.Line> lines, String unitName, Frame frame, Locale locale) {
        var rows = new ArrayList<List<?>>();
        for (var l : lines) {
            rows.add(List.of(l.firstOfSection() ? l.section() : "", l.label(), l.unit(), l.text()));
        }
        return registers.pdf(
                new Register("annual.title", COLUMNS, rows),
                unitName,
                List.of(frame.unitLine(), frame.yearLine()),
                List.of(frame.signatures(), frame.exported()),
                locale);
    }

    private static void put(Sheet sheet, int row, int col, String value, CellStyle style) {
        var r = sheet.getRow(row) == null ? sheet.createRow(row) : sheet.getRow(row);
        var c = r.createCell(col);
        c.setCellValue(value);
        c.setCellStyle(style);
    }

    private static CellStyle style(Workbook wb, boolean bold, int size, boolean bordered) {
        var font = wb.createFont();
        font.setBold(bold);
        font.setFontHeightInPoints((short) size);
        var s = wb.createCellStyle();
        s.setFont(font);
        s.setAlignment(HorizontalAlignment.CENTER);
        s.setVerticalAlignment(VerticalAlignment.CENTER);
        s.setWrapText(true);
        if (bordered) {
            s.setBorderTop(BorderStyle.THIN);
            s.setBorderBottom(BorderStyle.THIN);
            s.setBorderLeft(BorderStyle.THIN);
            s.setBorderRight(BorderStyle.THIN);
        }
        return s;
    }
}
