package org.siarchive.shared;

import java.util.List;

/**
 * A list a person keeps on paper — 目录, 利用登记, 移交接收登记, findings, audit extracts — ready to print or
 * to open in Excel through {@link Registers}. The title and headers are message keys; cells are printed as
 * given (times in the people's zone), so codes must already be labels.
 */
public record Register(String titleKey, List<Column> columns, List<List<?>> rows) {

    /** The most rows one Excel export holds; a longer list is cut with a closing note. */
    public static final int MAX_ROWS = 50_000;

    /** The most rows one printed register holds (about 150 A4 pages). */
    public static final int MAX_PDF_ROWS = 5_000;

    public Register {
        columns = List.copyOf(columns);
        rows = List.copyOf(rows);
        for (var row : rows) {
            if (row.size() != columns.size()) {
                throw new IllegalArgumentException(
                        "a row of " + titleKey + " has " + row.size() + " cells for " + columns.size() + " columns");
            }
        }
    }

    /** A column: its header's message key and its relative width in characters. */
    public record Column(String labelKey, int width) {

        public static Column of(String labelKey, int width) {
            return new Column(labelKey, width);
        }
    }
}
