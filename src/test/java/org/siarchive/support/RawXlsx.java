package org.siarchive.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * An XLSX workbook written by hand as raw OOXML — a zip of the XML parts a spreadsheet program writes, without
 * POI — so an importer is tried on a file its own library did not make: text cells as shared strings or as
 * inline strings, numbers as plain {@code <v>}, dates as serial numbers of the 1900 date system with a date
 * style (numFmtId 14), one sheet. Cells are given per row as Java values: {@link Shared}, {@link Inline},
 * {@link LocalDate}, {@link Number} or {@code null} (no cell).
 */
public final class RawXlsx {

    /** A text cell stored in the shared-strings table. */
    public record Shared(String text) {}

    /** A text cell stored inline ({@code t="inlineStr"}). */
    public record Inline(String text) {}

    private final List<List<Object>> rows = new ArrayList<>();
    private final Map<String, Integer> shared = new LinkedHashMap<>();
    private int sharedUses;

    public RawXlsx row(Object... cells) {
        rows.add(java.util.Arrays.asList(cells));
        return this;
    }

    /** The 1900-system serial number of a day (with Lotus's phantom 29 February 1900 counted). */
    public static long serial(LocalDate day) {
        return ChronoUnit.DAYS.between(LocalDate.of(1899, 12, 30), day);
    }

    public byte[] bytes() {
        String sheet = sheet();
        var parts = new LinkedHashMap<String, byte[]>();
        parts.put("[Content_Types].xml", utf8(CONTENT_TYPES));
        parts.put("_rels/.rels", utf8(ROOT_RELS));
        parts.put("docProps/app.xml", utf8(APP));
        parts.put("xl/workbook.xml", utf8(WORKBOOK));
        parts.put("xl/_rels/workbook.xml.rels", utf8(WORKBOOK_RELS));
        parts.put("xl/styles.xml", utf8(STYLES));
        parts.put("xl/sharedStrings.xml", utf8(sharedStrings()));
        parts.put("xl/worksheets/sheet1.xml", utf8(sheet));
        return zip(parts);
    }

    /** A zip of the given parts (deflated), in order. */
    public static byte[] zip(Map<String, byte[]> parts) {
        var out = new ByteArrayOutputStream();
        try (var z = new ZipOutputStream(out)) {
            for (var e : parts.entrySet()) {
                z.putNextEntry(new ZipEntry(e.getKey()));
                z.write(e.getValue());
                z.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /**
     * A workbook whose sheet part inflates to {@code inflatedBytes} of empty rows while its zip stays tiny (a zip
     * bomb: the compression ratio is far beyond any real sheet's).
     */
    public static byte[] bomb(long inflatedBytes) {
        var out = new ByteArrayOutputStream();
        try (var z = new ZipOutputStream(out)) {
            put(z, "[Content_Types].xml", utf8(CONTENT_TYPES));
            put(z, "_rels/.rels", utf8(ROOT_RELS));
            put(z, "xl/workbook.xml", utf8(WORKBOOK));
            put(z, "xl/_rels/workbook.xml.rels", utf8(WORKBOOK_RELS));
            put(z, "xl/styles.xml", utf8(STYLES));
            put(z, "xl/sharedStrings.xml", utf8(XML + "<sst xmlns=\"" + MAIN + "\" count=\"0\" uniqueCount=\"0\"/>"));
            z.putNextEntry(new ZipEntry("xl/worksheets/sheet1.xml"));
            write(z, XML + "<worksheet xmlns=\"" + MAIN + "\"><sheetData>");
            byte[] filler = " ".repeat(64 * 1024).getBytes(StandardCharsets.US_ASCII);
            for (long written = 0; written < inflatedBytes; written += filler.length) {
                z.write(filler);
            }
            write(z, "</sheetData></worksheet>");
            z.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private String sheet() {
        var sb = new StringBuilder(XML)
                .append("<worksheet xmlns=\"")
                .append(MAIN)
                .append("\" xmlns:r=\"")
                .append(REL)
                .append("\"><sheetData>");
        for (int r = 0; r < rows.size(); r++) {
            sb.append("<row r=\"").append(r + 1).append("\">");
            var cells = rows.get(r);
            for (int c = 0; c < cells.size(); c++) {
                cell(sb, column(c) + (r + 1), cells.get(c));
            }
            sb.append("</row>");
        }
        return sb.append("</sheetData></worksheet>").toString();
    }

    private void cell(StringBuilder sb, String ref, Object value) {
        if (value == null) {
            return;
        }
        sb.append("<c r=\"").append(ref).append('"');
        if (value instanceof Shared s) {
            sharedUses++;
            int index = shared.computeIfAbsent(s.text(), k -> shared.size());
            sb.append(" t=\"s\"><v>").append(index).append("</v></c>");
        } else if (value instanceof Inline s) {
            sb.append(" t=\"inlineStr\"><is><t xml:space=\"preserve\">")
                    .append(escape(s.text()))
                    .append("</t></is></c>");
        } else if (value instanceof LocalDate d) {
            sb.append(" s=\"1\"><v>").append(serial(d)).append("</v></c>");
        } else if (value instanceof Number n) {
            sb.append("><v>").append(n).append("</v></c>");
        } else {
            throw new IllegalArgumentException("no cell for " + value.getClass());
        }
    }

    private String sharedStrings() {
        var sb = new StringBuilder(XML)
                .append("<sst xmlns=\"")
                .append(MAIN)
                .append("\" count=\"")
                .append(sharedUses)
                .append("\" uniqueCount=\"")
                .append(shared.size())
                .append("\">");
        for (String s : shared.keySet()) {
            sb.append("<si><t xml:space=\"preserve\">").append(escape(s)).append("</t></si>");
        }
        return sb.append("</sst>").toString();
    }

    static String column(int index) {
        var sb = new StringBuilder();
        for (int i = index + 1; i > 0; i = (i - 1) / 26) {
            sb.insert(0, (char) ('A' + (i - 1) % 26));
        }
        return sb.toString();
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static void put(ZipOutputStream z, String name, byte[] bytes) throws IOException {
        z.putNextEntry(new ZipEntry(name));
        z.write(bytes);
        z.closeEntry();
    }

    private static void write(OutputStream out, String s) throws IOException {
        out.write(utf8(s));
    }

    private static final String XML = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n";
    private static final String MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private static final String REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    private static final String PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships";
    private static final String CT = "application/vnd.openxmlformats-officedocument.";

    private static final String CONTENT_TYPES = XML
            + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
            + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
            + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
            + "<Override PartName=\"/xl/workbook.xml\" ContentType=\"" + CT
            + "spreadsheetml.sheet.main+xml\"/>"
            + "<Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\"" + CT
            + "spreadsheetml.worksheet+xml\"/>"
            + "<Override PartName=\"/xl/styles.xml\" ContentType=\"" + CT + "spreadsheetml.styles+xml\"/>"
            + "<Override PartName=\"/xl/sharedStrings.xml\" ContentType=\"" + CT
            + "spreadsheetml.sharedStrings+xml\"/>"
            + "<Override PartName=\"/docProps/app.xml\" ContentType=\"" + CT + "extended-properties+xml\"/>"
            + "</Types>";

    private static final String ROOT_RELS = XML
            + "<Relationships xmlns=\"" + PKG_REL + "\">"
            + "<Relationship Id=\"rId1\" Type=\"" + REL + "/officeDocument\" Target=\"xl/workbook.xml\"/>"
            + "<Relationship Id=\"rId2\" Type=\"" + REL + "/extended-properties\" Target=\"docProps/app.xml\"/>"
            + "</Relationships>";

    private static final String APP = XML
            + "<Properties xmlns=\"http://schemas.openxmlformats.org/officeDocument/2006/extended-properties\">"
            + "<Application>WPS 表格</Application></Properties>";

    private static final String WORKBOOK = XML
            + "<workbook xmlns=\"" + MAIN + "\" xmlns:r=\"" + REL + "\">"
            + "<workbookPr date1904=\"false\"/>"
            + "<sheets><sheet name=\"待遇人员\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>";

    private static final String WORKBOOK_RELS = XML
            + "<Relationships xmlns=\"" + PKG_REL + "\">"
            + "<Relationship Id=\"rId1\" Type=\"" + REL + "/worksheet\" Target=\"worksheets/sheet1.xml\"/>"
            + "<Relationship Id=\"rId2\" Type=\"" + REL + "/styles\" Target=\"styles.xml\"/>"
            + "<Relationship Id=\"rId3\" Type=\"" + REL + "/sharedStrings\" Target=\"sharedStrings.xml\"/>"
            + "</Relationships>";

    private static final String STYLES = XML
            + "<styleSheet xmlns=\"" + MAIN + "\">"
            + "<fonts count=\"1\"><font><sz val=\"11\"/><name val=\"宋体\"/></font></fonts>"
            + "<fills count=\"1\"><fill><patternFill patternType=\"none\"/></fill></fills>"
            + "<borders count=\"1\"><border/></borders>"
            + "<cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/></cellStyleXfs>"
            + "<cellXfs count=\"2\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\"/>"
            + "<xf numFmtId=\"14\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\"/>"
            + "</cellXfs></styleSheet>";
}
