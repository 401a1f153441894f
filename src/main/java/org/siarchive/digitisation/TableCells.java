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
        int[] queue = new int[gw * gh];
        boolean[] seen = new boolean[gw * gh];
        var cells = new ArrayList<Rectangle>();
        for (int i = 0; i < gw * gh; i++) {
            if (wall[i] || seen[i]) {
                continue;
            }
            int head = 0;
            int tail = 0;
            queue[tail++] = i;
            seen[i] = true;
            int x0 = gw;
            int y0 = gh;
            int x1 = -1;
            int y1 = -1;
            boolean edge = false;
            while (head < tail) {
                int p = queue[head++];
                int x = p % gw;
                int y = p / gw;
                x0 = Math.min(x0, x);
                y0 = Math.min(y0, y);
                x1 = Math.max(x1, x);
                y1 = Math.max(y1, y);
                edge |= x == 0 || y == 0 || x == gw - 1 || y == gh - 1;
                tail = visit(p - 1, x > 0, wall, seen, queue, tail);
                tail = visit(p + 1, x < gw - 1, wall, seen, queue, tail);
                tail = visit(p - gw, y > 0, wall, seen, queue, tail);
                tail = visit(p + gw, y < gh - 1, wall, seen, queue, tail);
            }
            int bw = x1 - x0 + 1;
            int bh = y1 - y0 + 1;
            boolean rectangular = tail >= 0.8 * bw * bh;
            if (!edge && rectangular && bw >= minSide && bh >= minSide && bw * bh < gw * gh / 2) {
                // back to page pixels, one grid square inside the walls
                cells.add(new Rectangle(
                        (x0 + 1) * f, (y0 + 1) * f, Math.max(1, (bw - 2) * f), Math.max(1, (bh - 2) * f)));
            }
        }
        return cells;
    }

    private static int visit(int q, boolean inside, boolean[] wall, boolean[] seen, int[] queue, int tail) {
        if (inside && !wall[q] && !seen[q]) {
            seen[q] = true;
            queue[tail++] = q;
        }
        return tail;
    }
}
