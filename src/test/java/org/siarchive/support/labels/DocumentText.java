package org.siarchive.support.labels;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.zip.ZipInputStream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** The text people read in the documents the platform generates: PDF lines, OFD text, Excel headers. */
public final class DocumentText {

    private static final Pattern OFD_TEXT = Pattern.compile("<(?:ofd:)?TextCode[^>]*>([^<]*)</(?:ofd:)?TextCode>");

    private DocumentText() {}

    /** Every line of a PDF's text. */
    public static List<String> pdf(byte[] pdf) throws IOException {
        try (var doc = Loader.loadPDF(pdf)) {
            return lines(new PDFTextStripper().getText(doc));
        }
    }

    /** Every text code of an OFD's pages (its content XML, read as text only). */
    public static List<String> ofd(byte[] ofd) throws IOException {
        var out = new ArrayList<String>();
        try (var zip = new ZipInputStream(new ByteArrayInputStream(ofd))) {
            for (var e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                if (e.getName().endsWith("Content.xml")) {
                    var m = OFD_TEXT.matcher(new String(zip.readAllBytes(), StandardCharsets.UTF_8));
                    while (m.find()) {
                        out.add(unescape(m.group(1)));
                    }
                }
            }
        }
        return out;
    }

    /**
     * The header rows of every sheet of a workbook: the rows up to and including the first row with three
     * or more cells filled (a register may have a title row above its column headers).
     */
    public static List<String> xlsxHeaders(byte[] xlsx) throws IOException {
        var out = new ArrayList<String>();
        var format = new DataFormatter();
        try (var wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            for (var sheet : wb) {
                out.add(sheet.getSheetName());
                for (int r = sheet.getFirstRowNum(); r <= Math.min(sheet.getLastRowNum(), 5); r++) {
                    var row = sheet.getRow(r);
                    if (row == null) {
                        continue;
                    }
                    int filled = 0;
                    for (var cell : row) {
                        String v = format.formatCellValue(cell);
                        if (!v.isBlank()) {
                            out.add(v);
                            filled++;
                        }
                    }
                    if (filled >= 3) {
                        break;
                    }
                }
            }
        }
        return out;
    }

    private static List<String> lines(String text) {
        return text.lines().map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    private static String unescape(String s) {
        return s.replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&quot;", "\"")
                .replace("&apos;", "'")
                .replace("&amp;", "&");
    }
}
