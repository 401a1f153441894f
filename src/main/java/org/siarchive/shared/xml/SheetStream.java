package org.siarchive.shared.xml;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipFile;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

/**
 * Reads the first sheet of an uploaded workbook (XLSX) row by row without loading it (POI's event reader on
 * the door's hardened SAX parser): bounded entries and inflated bytes per part (checked in a first pass, so
 * a zip bomb is refused before POI sees it), bounded rows and cell length. Date cells arrive as yyyy-MM-dd,
 * other cells as Excel shows them.
 */
public final class SheetStream {

    /** Receives each row's cell texts (empty string for a missing cell), with the sheet row number from 1. */
    public interface Rows {
        void row(long rowNo, List<String> cells) throws IOException;
    }

    /** The bounds of one read. */
    public record Limits(long maxRows, int maxCellChars, long maxSheetBytes, long maxOtherPartBytes) {}

    static final int MAX_COLUMNS = 64;

    private SheetStream() {}

    public static void read(Path xlsx, Limits limits, Rows rows) throws IOException {
        prescan(xlsx, limits);
        try (var pkg = OPCPackage.open(xlsx.toFile(), PackageAccess.READ)) {
            var strings = new ReadOnlySharedStringsTable(pkg);
            var reader = new XSSFReader(pkg);
            var styles = reader.getStylesTable();
            var sheets = reader.getSheetsData();
            if (!sheets.hasNext()) {
                return;
            }
            try (InputStream sheet = new Bounded(sheets.next(), limits.maxSheetBytes())) {
                var xml = SafeXml.xmlReader();
                xml.setContentHandler(new XSSFSheetXMLHandler(
                        styles, null, strings, new Collector(limits, rows), new IsoDates(), false));
                xml.parse(new InputSource(sheet));
            }
        } catch (SAXException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw new RefusedXmlException(RefusedXmlException.Reason.MALFORMED, "工作表", e);
        } catch (OpenXML4JException | RuntimeException e) {
            if (e instanceof IllegalStateException && e.getCause() instanceof IOException io) {
                throw io;
            }
            throw new RefusedXmlException(RefusedXmlException.Reason.MALFORMED, "工作簿", e);
        }
    }

    /** Every part inflated and counted before any parser sees it. */
    private static void prescan(Path xlsx, Limits limits) throws IOException {
        try (var zip = new ZipFile(xlsx.toFile())) {
            if (zip.size() > XmlContainers.MAX_ENTRIES) {
                throw tooLarge("条目超过 " + XmlContainers.MAX_ENTRIES + " 个");
            }
            byte[] buf = new byte[1 << 16];
            var entries = zip.entries();
            while (entries.hasMoreElements()) {
                var e = entries.nextElement();
                boolean sheet =
                        e.getName().startsWith("xl/worksheets/") || e.getName().startsWith("xl/sharedStrings");
                long max = sheet ? limits.maxSheetBytes() : limits.maxOtherPartBytes();
                long n = 0;
                try (var in = zip.getInputStream(e)) {
                    for (int r = in.read(buf); r > 0; r = in.read(buf)) {
                        n += r;
                        if (n > max) {
                            throw tooLarge("部件超过 " + max + " 字节");
                        }
                    }
                }
            }
        } catch (java.util.zip.ZipException e) {
            throw new RefusedXmlException(RefusedXmlException.Reason.MALFORMED, "不是 XLSX 文件", e);
        }
    }

    private static RefusedXmlException tooLarge(String detail) {
        return new RefusedXmlException(RefusedXmlException.Reason.TOO_LARGE, detail);
    }

    /** Collects the cells of each row in column order and hands the row on. */
    private static final class Collector implements XSSFSheetXMLHandler.SheetContentsHandler {
        private final Limits limits;
        private final Rows rows;
        private final List<String> cells = new ArrayList<>();
        private long count;

        Collector(Limits limits, Rows rows) {
            this.limits = limits;
            this.rows = rows;
        }

        @Override
        public void startRow(int rowNum) {
            cells.clear();
            if (++count > limits.maxRows()) {
                throw new IllegalStateException(tooLarge("行数超过 " + limits.maxRows()));
            }
        }

        @Override
        public void endRow(int rowNum) {
            try {
                rows.row(rowNum + 1L, List.copyOf(cells));
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public void cell(String ref, String value, XSSFComment comment) {
            int col = ref == null ? cells.size() : column(ref);
            if (col >= MAX_COLUMNS) {
                return;
            }
            while (cells.size() < col) {
                cells.add("");
            }
            String v = value == null ? "" : value;
            cells.add(v.length() > limits.maxCellChars() ? v.substring(0, limits.maxCellChars()) : v);
        }

        private static int column(String ref) {
            int c = 0;
            for (int i = 0; i < ref.length() && Character.isLetter(ref.charAt(i)); i++) {
                c = c * 26 + (ref.charAt(i) - 'A' + 1);
            }
            return c - 1;
        }
    }

    /** Date-formatted numbers as ISO dates; everything else as Excel shows it. */
    private static final class IsoDates extends DataFormatter {
        @Override
        public String formatRawCellContents(double value, int formatIndex, String formatString, boolean use1904) {
            if (DateUtil.isADateFormat(formatIndex, formatString) && DateUtil.isValidExcelDate(value)) {
                LocalDate d = DateUtil.getLocalDateTime(value, use1904).toLocalDate();
                return d.toString();
            }
            return super.formatRawCellContents(value, formatIndex, formatString, use1904);
        }
    }

    /** Stops a sheet stream at its bound. */
    private static final class Bounded extends FilterInputStream {
        private final long max;
        private long n;

        Bounded(InputStream in, long max) {
            super(in);
            this.max = max;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            count(b < 0 ? 0 : 1);
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int r = super.read(b, off, len);
            count(Math.max(r, 0));
            return r;
        }

        private void count(int r) throws IOException {
            n += r;
            if (n > max) {
                throw tooLarge("工作表超过 " + max + " 字节");
            }
        }
    }
}
