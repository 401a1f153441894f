package org.siarchive.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.siarchive.bench.PeakHeap;

/**
 * A register in Excel at its cap (issue 20): the 目录 of {@code -Dbench.registerRows} items (default 100,000, cut at
 * {@link Register#MAX_ROWS} = 50,000 as every register is) through {@link Registers#xlsx}, the door of every Excel
 * export (search results, audit extracts, worklists). Prints the time and the peak heap, beside the limit measured in
 * the same run: the same rows written straight into a streaming POI workbook (SXSSF, 200-row window) with no register
 * around them. Runs in seconds: {@code ./mvnw -B -o -q test -Pbench -Dtest.heap=256m -Dtest=RegisterExportBenchmark}.
 * Writes target/bench/register-export.txt.
 */
@Tag("bench")
class RegisterExportBenchmark {

    static final int ROWS = Integer.getInteger("bench.registerRows", 100_000);

    @Test
    void aDirectoryRegisterAtItsCap() throws Exception {
        var registers = RegistersTest.registers();
        var out = new StringBuilder();
        for (int i = 0; i < 2; i++) { // the first round warms up
            System.gc();
            byte[] xlsx;
            long t0 = System.nanoTime();
            String heapLine;
            try (var heap = PeakHeap.watch()) {
                xlsx = registers.xlsx(register(ROWS), List.of(), List.of(), Locale.SIMPLIFIED_CHINESE);
                heapLine = heap.line();
            }
            double platform = (System.nanoTime() - t0) / 1e9;
            System.gc();
            long t1 = System.nanoTime();
            String rawHeap;
            try (var heap = PeakHeap.watch()) {
                raw(Math.min(ROWS, Register.MAX_ROWS));
                rawHeap = heap.line();
            }
            double raw = (System.nanoTime() - t1) / 1e9;
            if (i == 1) {
                int rows = Math.min(ROWS, Register.MAX_ROWS);
                line(
                        out,
                        "| register in Excel | rows asked | rows written | s | rows/s | limit rows/s | ratio | xlsx KB |");
                line(out, "|---|---|---|---|---|---|---|---|");
                line(
                        out,
                        "| Registers.xlsx (目录) | %,d | %,d | %.2f | %,.0f | %,.0f | %.2f | %,d |",
                        ROWS,
                        rows,
                        platform,
                        rows / platform,
                        rows / raw,
                        raw / platform,
                        xlsx.length >> 10);
                line(out, "limit: the same cells straight into SXSSF (200-row window), no register");
                line(out, "register: %s", heapLine);
                line(out, "limit:    %s", rawHeap);
                assertThat(xlsx.length).isPositive();
            }
        }
        System.out.print(out);
        Files.createDirectories(Path.of("target", "bench"));
        Files.writeString(Path.of("target", "bench", "register-export.txt"), out);
    }

    /** A 目录 as the search export makes it: 8 columns. */
    static Register register(int rows) {
        var list = new ArrayList<List<?>>(rows);
        for (int i = 1; i <= rows; i++) {
            list.add(cells(i));
        }
        var columns = List.of(
                Register.Column.of("register.col.seq", 4),
                Register.Column.of("register.col.archiveCode", 26),
                Register.Column.of("register.col.title", 30),
                Register.Column.of("register.col.responsible", 10),
                Register.Column.of("register.col.date", 10),
                Register.Column.of("register.col.retention", 6),
                Register.Column.of("register.col.pages", 4),
                Register.Column.of("register.col.remarks", 16));
        return new Register("search.register.title", columns, list);
    }

    private static List<?> cells(int i) {
        return Arrays.asList(
                i,
                "0001-SB·2024-D30-02·GRCB-%06d".formatted(i),
                "参保人员增员表（张明" + (i % 97) + "）",
                "成都市社会保险事业管理局",
                LocalDate.of(2024, 1 + i % 12, 1 + i % 28),
                "D30",
                1 + i % 20,
                null);
    }

    private static void raw(int rows) throws Exception {
        try (var wb = new SXSSFWorkbook(200);
                var bytes = new ByteArrayOutputStream()) {
            var sheet = wb.createSheet("目录");
            for (int r = 0; r < rows; r++) {
                var row = sheet.createRow(r);
                var cells = cells(r + 1);
                for (int c = 0; c < cells.size(); c++) {
                    Object v = cells.get(c);
                    if (v instanceof Number n) {
                        row.createCell(c).setCellValue(n.doubleValue());
                    } else if (v != null) {
                        row.createCell(c).setCellValue(v.toString());
                    }
                }
            }
            wb.write(bytes);
            wb.dispose();
        }
    }

    private static void line(StringBuilder out, String format, Object... args) {
        out.append(String.format(format, args)).append('\n');
    }
}
