package org.siarchive.analytics;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * Writes a chart's table as a streamed workbook (SXSSF): the preface lines, a bold header row (the category and the
 * series), one row per category. Text that a spreadsheet would read as a formula is quoted.
 */
final class ChartSheet {

    private ChartSheet() {}

    static byte[] write(DashboardView.ChartView c, List<String> preface) {
        try (var wb = new SXSSFWorkbook(200);
                var out = new ByteArrayOutputStream()) {
            var sheet = wb.createSheet(sheetName(c.title()));
            var quoted = wb.createCellStyle();
            quoted.setQuotePrefixed(true);
            var bold = wb.createCellStyle();
            var font = wb.createFont();
            font.setBold(true);
            bold.setFont(font);
            int r = 0;
            for (String line : preface) {
                text(sheet.createRow(r++), 0, line, quoted);
            }
            Row header = sheet.createRow(r++);
            text(header, 0, c.categoryLabel(), quoted).setCellStyle(bold);
            for (int s = 0; s < c.series().size(); s++) {
                text(header, s + 1, c.series().get(s).label(), quoted).setCellStyle(bold);
            }
            sheet.setColumnWidth(0, 24 * 256);
            for (var row : ChartWorkbook.rows(c)) {
                Row line = sheet.createRow(r++);
                for (int i = 0; i < row.size(); i++) {
                    Object v = row.get(i);
                    if (v instanceof Number n) {
                        line.createCell(i).setCellValue(n.doubleValue());
                    } else if (v != null) {
                        text(line, i, v.toString(), quoted);
                    }
                }
            }
            wb.write(out);
            wb.dispose();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static org.apache.poi.ss.usermodel.Cell text(Row row, int column, String value, CellStyle quoted) {
        var cell = row.createCell(column);
        cell.setCellValue(value);
        if (!value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0) {
            cell.setCellStyle(quoted);
        }
        return cell;
    }

    private static String sheetName(String title) {
        String clean = title.replaceAll("[\\\\/?*\\[\\]:]", " ");
        return clean.length() > 31 ? clean.substring(0, 31) : clean;
    }
}
