package org.siarchive.digitisation;

import java.awt.Rectangle;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The cells of a ruled table: the ruling lines are drawn on a coarse grid (a few pixels per grid square,
 * lines extended a little so corners close), and each enclosed, nearly rectangular region that does not
 * reach the page's edge is a cell, merged cells included. Cells come in reading order: row by row, left to
 * right.
 */
final class TableCells {

    private TableCells() {}

    static List<Rectangle> find(List<RulingLines.Line> lines, int w, int h, int dpi) {
        int f = Math.max(2, dpi / 75);
        int gw = w / f + 1;
        int gh = h / f + 1;
        boolean[] wall = new boolean[gw * gh];
        int ext = Math.max(2, dpi / 20 / f);
        for (var l : lines) {
            int at = l.at() / f;
            for (int p = l.from() / f - ext; p <= l.to() / f + ext; p++) {
                int x = l.horizontal() ? p : at;
                int y = l.horizontal() ? at : p;
                if (x >= 0 && y >= 0 && x < gw && y < gh) {
                    wall[y * gw + x] = true;
                }
            }
        }
        var cells = regions(wall, gw, gh, f, dpi);
        int rowTolerance = Math.max(4, dpi / 15);
        cells.sort(Comparator.<Rectangle>comparingInt(r -> r.y / rowTolerance).thenComparingInt(r -> r.x));
        return cells;
    }

    private static List<Rectangle> regions(boolean[] wall, int gw, int gh, int f, int dpi) {
        int minSide = Math.max(3, dpi / 8 / f);
        boolean[] open = new boolean[wall.length];
        for (int i = 0; i < wall.length; i++) {
            open[i] = !wall[i];
        }
        var cells = new ArrayList<Rectangle>();
        for (var r : GridRegions.of(open, gw, gh, GridRegions.FOUR)) {
            int bw = r.width();
            int bh = r.height();
            boolean rectangular = r.squares() >= 0.8 * bw * bh;
            if (!r.edge() && rectangular && bw >= minSide && bh >= minSide && bw * bh < gw * gh / 2) {
                // back to page pixels, one grid square inside the walls
                cells.add(new Rectangle(
                        (r.x0() + 1) * f, (r.y0() + 1) * f, Math.max(1, (bw - 2) * f), Math.max(1, (bh - 2) * f)));
            }
        }
        return cells;
    }
}
