package org.siarchive.digitisation;

import java.io.IOException;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.siarchive.shared.InvalidInputException;
import org.siarchive.shared.Violation;
import org.siarchive.shared.xml.Workbooks;

/** A manifest kept in Excel: the first sheet's rows, read as the CSV manifest's columns (through the XML door). */
final class ExcelManifest {

    /** Columns read per row: the manifest's seven and room for a header-named 档号 column further right. */
    static final int MAX_COLUMNS = 20;

    private ExcelManifest() {}

    static String toCsv(byte[] xlsx) {
        var fmt = new DataFormatter();
        var sb = new StringBuilder();
        try (var wb = Workbooks.open(xlsx)) {
            var sheet = wb.getSheetAt(0);
            for (var row : sheet) {
                var cells = new java.util.ArrayList<String>();
                int width = Math.min(Math.max(row.getLastCellNum(), 5), MAX_COLUMNS);
                for (int c = 0; c < width; c++) {
                    var cell = row.getCell(c);
                    cells.add(
                            cell == null
                                    ? ""
                                    : fmt.formatCellValue(cell)
                                            .replace(",", " ")
                                            .strip());
                }
                while (cells.size() > 5 && cells.get(cells.size() - 1).isEmpty()) {
                    cells.remove(cells.size() - 1); // the optional 业务受理号 and 档号 columns
                }
                sb.append(String.join(",", cells)).append('\n');
            }
        } catch (IOException | RuntimeException e) {
            throw new InvalidInputException(Violation.of("manifest", "xlsx"));
        }
        return sb.toString();
    }
}
