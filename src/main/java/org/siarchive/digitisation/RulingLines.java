package org.siarchive.digitisation;

import java.util.ArrayList;
import java.util.List;

/**
 * Ruling lines of forms and tables found on the ink mask of a levelled working copy and removed from it:
 * a line is a run of ink at least {@code minLength} long (an inch at the page's resolution), allowing gaps of
 * a few pixels and one pixel of drift either side (residual skew). Removal whitens a line's pixels only where
 * the ink across the line is no thicker than a line, so strokes of characters that cross or touch it stay.
 */
final class RulingLines {

    /** A line: horizontal at row {@code at} from column {@code from} to {@code to}, or vertical likewise. */
    record Line(boolean horizontal, int at, int from, int to) {}

    private RulingLines() {}

    /** Finds the lines on {@code page} (ink below {@code threshold}) for a page of about {@code dpi}. */
    static List<Line> find(GreyPage page, int threshold, int dpi) {
        boolean[] ink = page.ink(threshold);
        int minLength = Math.max(60, dpi * 9 / 10);
        int gap = Math.max(2, dpi / 100);
        var lines = new ArrayList<Line>();
        runs(ink, page.w, page.h, true, minLength, gap, lines);
        runs(transpose(ink, page.w, page.h), page.h, page.w, false, minLength, gap, lines);
        return merge(lines);
    }

    /** Whitens the lines on {@code page}; returns how many pixels were whitened. */
    static long remove(GreyPage page, List<Line> lines, int threshold, int dpi) {
        int maxThick = Math.max(3, dpi / 40);
        long whitened = 0;
        for (var l : lines) {
            for (int p = l.from(); p <= l.to(); p++) {
                whitened += l.horizontal()
                        ? clear(page, p, l.at(), 0, 1, threshold, maxThick)
                        : clear(page, l.at(), p, 1, 0, threshold, maxThick);
            }
        }
        return whitened;
    }

    /** Clears the thin run of ink across the line through (x, y) in direction (dx, dy), with its fringe. */
    private static int clear(GreyPage page, int x, int y, int dx, int dy, int threshold, int maxThick) {
        int seed = Integer.MIN_VALUE;
        for (int d = 0; d <= maxThick && seed == Integer.MIN_VALUE; d++) {
            if (dark(page, x + d * dx, y + d * dy, threshold)) {
                seed = d;
            } else if (dark(page, x - d * dx, y - d * dy, threshold)) {
                seed = -d;
            }
        }
        if (seed == Integer.MIN_VALUE) {
            return 0;
        }
        int from = seed;
        int to = seed;
        while (to - from < maxThick && dark(page, x + (from - 1) * dx, y + (from - 1) * dy, threshold)) {
            from--;
        }
        while (to - from < maxThick && dark(page, x + (to + 1) * dx, y + (to + 1) * dy, threshold)) {
            to++;
        }
        // ink continuing beyond the line's thickness is a character's stroke: keep it
        if (to - from + 1 > maxThick) {
            return 0;
        }
        int n = 0;
        for (int d = from - 1; d <= to + 1; d++) {
            int px = x + d * dx;
            int py = y + d * dy;
            if (px >= 0 && py >= 0 && px < page.w && py < page.h) {
                page.px[py * page.w + px] = (byte) 255;
                n++;
            }
        }
        return n;
    }

    private static boolean dark(GreyPage page, int x, int y, int threshold) {
        return x >= 0 && y >= 0 && x < page.w && y < page.h && page.at(x, y) < threshold;
    }

    /** Long runs along rows of a {@code w × h} mask; a pixel counts when it or a row neighbour is ink. */
    private static void runs(boolean[] ink, int w, int h, boolean horizontal, int minLength, int gap, List<Line> out) {
        for (int y = 1; y < h - 1; y++) {
            int o = y * w;
            int start = -1;
            int last = -1;
            int count = 0;
            for (int x = 0; x <= w; x++) {
                boolean on = x < w && (ink[o + x] || ink[o - w + x] || ink[o + w + x]);
                if (on) {
                    if (start < 0 || x - last > gap + 1) {
                        emit(start, last, count, y, horizontal, minLength, out);
                        start = x;
                        count = 0;
                    }
                    last = x;
                    count += ink[o + x] ? 1 : 0;
                } else if (x == w) {
                    emit(start, last, count, y, horizontal, minLength, out);
                }
            }
        }
    }

    /** A run becomes a line when long enough and when this very row carries most of its ink. */
    private static void emit(int start, int last, int count, int y, boolean horizontal, int minLength, List<Line> out) {
        if (start >= 0 && last - start + 1 >= minLength && count * 2 >= last - start + 1) {
            out.add(new Line(horizontal, y, start, last));
        }
    }

    private static boolean[] transpose(boolean[] ink, int w, int h) {
        boolean[] t = new boolean[ink.length];
        for (int y = 0; y < h; y++) {
            int o = y * w;
            for (int x = 0; x < w; x++) {
                t[x * h + y] = ink[o + x];
            }
        }
        return t;
    }

    /** Runs found on neighbouring rows are one line (its middle row, its widest extent). */
    private static List<Line> merge(List<Line> lines) {
        var out = new ArrayList<Line>();
        Line group = null;
        int first = 0;
        for (var l : lines) {
            if (group != null
                    && l.horizontal() == group.horizontal()
                    && l.at() - group.at() <= 1
                    && l.from() <= group.to()
                    && l.to() >= group.from()) {
                group = new Line(
                        l.horizontal(), l.at(), Math.min(l.from(), group.from()), Math.max(l.to(), group.to()));
                continue;
            }
            if (group != null) {
                out.add(new Line(group.horizontal(), (first + group.at()) / 2, group.from(), group.to()));
            }
            group = l;
            first = l.at();
        }
        if (group != null) {
            out.add(new Line(group.horizontal(), (first + group.at()) / 2, group.from(), group.to()));
        }
        return out;
    }
}
