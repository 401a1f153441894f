package org.siarchive.digitisation;

import java.io.IOException;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.siarchive.shared.InvalidInputException;
import org.siarchive.shared.Violation;
import org.siarchive.shared.xml.Workbooks;

/** A manifest kept in Excel: the first sheet's rows, read as the CSV manifest's columns (through the XML door). */
final class ExcelManifest {

    private ExcelManifest() {}

    static String toCsv(byte[] xlsx) {
        var fmt = new DataFormatter();
        var sb = new StringBuilder();
        try (var wb = Workbooks.open(xlsx)) {
            var sheet = wb.getSheetAt(0);
            for (var row : sheet) {
                var cells = new java.util.ArrayList<String>();
                for (int c = 0; c < 6; c++) {
                    var cell = row.getCell(c);
                    cells.add(
                            cell == null
                                    ? ""
                                    : fmt.formatCellValue(cell)
                                            .replace(",", " ")
                                            .strip());
                }
                if (cells.get(5).isEmpty()) {
                    cells.remove(5); // the optional 业务受理号 column
                }
                sb.append(String.join(",", cells)).append('\n');
            }
        } catch (IOException | RuntimeException e) {
            throw new InvalidInputException(Violation.of("manifest", "xlsx"));
        }
        return sb.toString();
    }
}
