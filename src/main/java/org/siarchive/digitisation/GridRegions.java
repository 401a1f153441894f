package org.siarchive.digitisation;

import java.util.ArrayList;
import java.util.List;

/**
 * Connected regions of the member squares of a coarse grid, found breadth-first: their bounding boxes (in
 * squares), how many squares each holds, and whether it touches the grid's edge. The neighbourhood is a
 * list of offsets, so text lines can join across small gaps along a row while table cells stay 4-connected.
 */
final class GridRegions {

    /** A region's bounding box in squares (inclusive), its size and whether it reaches the grid's edge. */
    record Region(int x0, int y0, int x1, int y1, int squares, boolean edge) {

        int width() {
            return x1 - x0 + 1;
        }

        int height() {
            return y1 - y0 + 1;
        }
    }

    /** The four direct neighbours. */
    static final int[][] FOUR = {{-1, 0}, {1, 0}, {0, -1}, {0, 1}};

    private GridRegions() {}

    /** Offsets up to {@code dx} squares along a row and {@code dy} across. */
    static int[][] box(int dx, int dy) {
        var out = new ArrayList<int[]>();
        for (int y = -dy; y <= dy; y++) {
            for (int x = -dx; x <= dx; x++) {
                if (x != 0 || y != 0) {
                    out.add(new int[] {x, y});
                }
            }
        }
        return out.toArray(int[][]::new);
    }

    static List<Region> of(boolean[] member, int gw, int gh, int[][] neighbours) {
        boolean[] seen = new boolean[gw * gh];
        int[] queue = new int[gw * gh];
        var out = new ArrayList<Region>();
        for (int i = 0; i < gw * gh; i++) {
            if (!member[i] || seen[i]) {
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
                for (int[] d : neighbours) {
                    int nx = x + d[0];
                    int ny = y + d[1];
                    int q = ny * gw + nx;
                    if (nx >= 0 && ny >= 0 && nx < gw && ny < gh && member[q] && !seen[q]) {
                        seen[q] = true;
                        queue[tail++] = q;
                    }
                }
            }
            out.add(new Region(x0, y0, x1, y1, tail, edge));
        }
        return out;
    }
}
