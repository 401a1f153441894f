package org.siarchive.support;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * A register's rows two ways, to compare them: the cells of an Excel register (POI), and the cells a console
 * table marks as register cells ({@code <td class="reg …">}) in the rows carrying a given attribute.
 */
public final class RegisterScreenRows {

    private static final Pattern CELL = Pattern.compile("<td class=\"reg[^\"]*\"[^>]*>(.*?)</td>", Pattern.DOTALL);

    private RegisterScreenRows() {}

    /** The data rows of the first sheet (the header row skipped), every cell as text; integers without ".0". */
    public static List<List<String>> xlsx(byte[] bytes) {
        try (var wb = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
            var sheet = wb.getSheetAt(0);
            var rows = new ArrayList<List<String>>();
            for (int r = 1; r <= sheet.getLastRowNum(); r++) {
                var row = sheet.getRow(r);
                var cells = new ArrayList<String>();
                for (int c = 0; c < row.getLastCellNum(); c++) {
                    var cell = row.getCell(c);
                    if (cell == null) {
                        cells.add("");
                    } else if (cell.getCellType() == CellType.NUMERIC) {
                        double d = cell.getNumericCellValue();
                        cells.add(d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d));
                    } else {
                        cells.add(cell.getStringCellValue());
                    }
                }
                rows.add(cells);
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The header row of the first sheet. */
    public static List<String> xlsxHeader(byte[] bytes) {
        try (var wb = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
            var row = wb.getSheetAt(0).getRow(0);
            var cells = new ArrayList<String>();
            for (int c = 0; c < row.getLastCellNum(); c++) {
                cells.add(row.getCell(c).getStringCellValue());
            }
            return cells;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The register cells of each {@code <tr …rowAttribute=…>} of the page, in order, as the reader sees them. */
    public static List<List<String>> html(String page, String rowAttribute) {
        var rows = new ArrayList<List<String>>();
        var tr = Pattern.compile(
                        "<tr [^>]*" + Pattern.quote(rowAttribute) + "=\"[^\"]*\"[^>]*>(.*?)</tr>", Pattern.DOTALL)
                .matcher(page);
        while (tr.find()) {
            var cells = new ArrayList<String>();
            var td = CELL.matcher(tr.group(1));
            while (td.find()) {
                cells.add(text(td.group(1)));
            }
            rows.add(cells);
        }
        return rows;
    }

    private static String text(String html) {
        return html.replaceAll("<[^>]+>", "")
                .replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&quot;", "\"")
                .replace("&#39;", "'")
                .replace("&amp;", "&")
                .replaceAll("\\s+", " ")
                .strip();
    }
}
