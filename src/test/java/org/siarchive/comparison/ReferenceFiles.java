package org.siarchive.comparison;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** Reference files made two ways: with POI's XSSFWorkbook, and as a minimal XLSX zip written by hand. */
final class ReferenceFiles {

    private ReferenceFiles() {}

    /** A workbook made by POI; a cell that parses as a date in {@code dateColumns} is a real Excel date cell. */
    static byte[] poiXlsx(List<List<String>> rows, int dateColumn) throws IOException {
        try (var wb = new XSSFWorkbook();
                var out = new ByteArrayOutputStream()) {
            var sheet = wb.createSheet("数据");
            var dateStyle = wb.createCellStyle();
            dateStyle.setDataFormat(wb.getCreationHelper().createDataFormat().getFormat("yyyy/m/d"));
            for (int r = 0; r < rows.size(); r++) {
                var row = sheet.createRow(r);
                for (int c = 0; c < rows.get(r).size(); c++) {
                    String v = rows.get(r).get(c);
                    if (r > 0 && c == dateColumn && v.matches("\\d{4}-\\d{2}-\\d{2}")) {
                        var cell = row.createCell(c, CellType.NUMERIC);
                        cell.setCellValue(java.time.LocalDate.parse(v));
                        cell.setCellStyle(dateStyle);
                    } else {
                        row.createCell(c).setCellValue(v);
                    }
                }
            }
            wb.write(out);
            return out.toByteArray();
        }
    }

    /** The smallest XLSX Excel opens: inline strings, no styles, no shared strings. */
    static byte[] handXlsx(List<List<String>> rows) throws IOException {
        var sheet = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                + "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>");
        for (int r = 0; r < rows.size(); r++) {
            sheet.append("<row r=\"").append(r + 1).append("\">");
            for (int c = 0; c < rows.get(r).size(); c++) {
                sheet.append("<c r=\"")
                        .append((char) ('A' + c))
                        .append(r + 1)
                        .append("\" t=\"inlineStr\"><is><t>")
                        .append(rows.get(r).get(c).replace("&", "&amp;").replace("<", "&lt;"))
                        .append("</t></is></c>");
            }
            sheet.append("</row>");
        }
        sheet.append("</sheetData></worksheet>");
        return zip(
                List.of(
                        new String[] {"[Content_Types].xml", CONTENT_TYPES},
                        new String[] {"_rels/.rels", ROOT_RELS},
                        new String[] {"xl/workbook.xml", WORKBOOK},
                        new String[] {"xl/_rels/workbook.xml.rels", WORKBOOK_RELS},
                        new String[] {"xl/worksheets/sheet1.xml", sheet.toString()}),
                0);
    }

    /** A hand-written XLSX with one more part that inflates to {@code bombBytes} zero bytes. */
    static byte[] bombXlsx(int bombBytes) throws IOException {
        return zip(
                List.of(
                        new String[] {"[Content_Types].xml", CONTENT_TYPES},
                        new String[] {"_rels/.rels", ROOT_RELS},
                        new String[] {"xl/workbook.xml", WORKBOOK},
                        new String[] {"xl/_rels/workbook.xml.rels", WORKBOOK_RELS},
                        new String[] {
                            "xl/worksheets/sheet1.xml",
                            "<?xml version=\"1.0\"?><worksheet xmlns=\"http://schemas"
                                    + ".openxmlformats.org/spreadsheetml/2006/main\"><sheetData/></worksheet>"
                        }),
                bombBytes);
    }

    private static byte[] zip(List<String[]> parts, int bombBytes) throws IOException {
        var out = new ByteArrayOutputStream();
        try (var zip = new ZipOutputStream(out)) {
            for (var p : parts) {
                zip.putNextEntry(new ZipEntry(p[0]));
                zip.write(p[1].getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
            if (bombBytes > 0) {
                zip.putNextEntry(new ZipEntry("xl/media/padding.bin"));
                byte[] zeros = new byte[1 << 20];
                for (int n = 0; n < bombBytes; n += zeros.length) {
                    zip.write(zeros);
                }
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }

    private static final String CONTENT_TYPES = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
            + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
            + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
            + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
            + "<Default Extension=\"bin\" ContentType=\"application/octet-stream\"/>"
            + "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument"
            + ".spreadsheetml.sheet.main+xml\"/>"
            + "<Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\"application/vnd.openxmlformats"
            + "-officedocument.spreadsheetml.worksheet+xml\"/></Types>";
    private static final String ROOT_RELS = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
            + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
            + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships"
            + "/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>";
    private static final String WORKBOOK = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
            + "<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" xmlns:r=\"http://schemas"
            + ".openxmlformats.org/officeDocument/2006/relationships\"><sheets><sheet name=\"S\" sheetId=\"1\" "
            + "r:id=\"rId1\"/></sheets></workbook>";
    private static final String WORKBOOK_RELS = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
            + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
            + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships"
            + "/worksheet\" Target=\"worksheets/sheet1.xml\"/></Relationships>";
}
