package org.siarchive.support.corpus;

import java.awt.Font;

/**
 * A ruled table: outer frame and cell lines of the sheet's ink, cells merged to the left where a row
 * holds {@code null}, an empty string for a blank cell. Even columns of a form grid hold labels
 * (centred), odd ones values (left-aligned) unless every cell is centred.
 */
final class Grid {

    private Grid() {}

    /**
     * Draws the grid with its top-left corner at {@code (x, y)} mm and returns its bottom edge.
     *
     * @param centreAll centre every cell (a register) instead of labels only (a form)
     */
    static double draw(
            Sheet s,
            double x,
            double y,
            double[] widths,
            double[] heights,
            String[][] rows,
            Font font,
            float outer,
            float inner,
            boolean centreAll) {
        double total = 0;
        for (double w : widths) {
            total += w;
        }
        double top = y;
        for (int r = 0; r < rows.length; r++) {
            double h = heights[Math.min(r, heights.length - 1)];
            double cx = x;
            for (int c = 0; c < widths.length; c++) {
                if (rows[r][c] == null) {
                    cx += widths[c];
                    continue;
                }
                double w = widths[c];
                for (int k = c + 1; k < widths.length && rows[r][k] == null; k++) {
                    w += widths[k];
                }
                if (cx > x) {
                    s.line(cx, top, cx, top + h, inner);
                }
                if (!rows[r][c].isEmpty()) {
                    s.cell(rows[r][c], cx, top, w, h, font, centreAll || c % 2 == 0);
                }
                cx += widths[c];
            }
            top += h;
            if (r < rows.length - 1) {
                s.line(x, top, x + total, top, inner);
            }
        }
        s.box(x, y, total, top - y, outer);
        return top;
    }
}
