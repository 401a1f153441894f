package org.siarchive.shared.xml;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The only way to open an uploaded Excel workbook (XLSX) for reading. POI hardens its own XML parsing;
 * the pre-scan makes that not the only lock, and refuses the file before POI sees it.
 */
public final class Workbooks {

    private Workbooks() {}

    public static XSSFWorkbook open(byte[] xlsx) throws IOException {
        XmlContainers.inspect(xlsx);
        return new XSSFWorkbook(new ByteArrayInputStream(xlsx));
    }
}
