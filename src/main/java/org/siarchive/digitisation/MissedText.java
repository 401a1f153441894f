package org.siarchive.digitisation;

import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Ink that automatic layout analysis left unread. Tesseract's page layout drops some lines — a large bold
 * form title above a ruled table is the common case — so after a page is read, the ink covered by no
 * recognised word is grouped into line-shaped regions on a coarse grid, and each region is read again as a
 * single line. Only regions the size of text are tried, and a reading is kept only when the engine is
 * confident of it (seal remains and scribbles give low confidence).
 */
final class MissedText {

    static final float MIN_CONFIDENCE = 60;

    private MissedText() {}

    /** Line-shaped regions of uncovered ink on {@code page} (binary or grey, ink below 128), top to bottom. */
    static List<Rectangle> regions(BufferedImage page, List<OcrEngine.Word> words, int dpi) {
        var grey = GreyPage.of(page, false);
        int f = Math.max(4, dpi / 30);
        int gw = grey.w / f + 1;
        int gh = grey.h / f + 1;
        int[] ink = new int[gw * gh];
        for (int y = 0; y < grey.h; y++) {
            for (int x = 0; x < grey.w; x++) {
                if ((grey.px[y * grey.w + x] & 0xff) < 128) {
                    ink[(y / f) * gw + x / f]++;
                }
            }
        }
        boolean[] covered = new boolean[gw * gh];
        for (var w : words) {
            for (int y = Math.max(0, w.y() / f - 1); y <= Math.min(gh - 1, (w.y() + w.height()) / f + 1); y++) {
                for (int x = Math.max(0, w.x() / f - 1); x <= Math.min(gw - 1, (w.x() + w.width()) / f + 1); x++) {
                    covered[y * gw + x] = true;
                }
            }
        }
        boolean[] open = new boolean[gw * gh];
        for (int i = 0; i < open.length; i++) {
            open[i] = !covered[i] && ink[i] >= Math.max(2, f * f / 50);
        }
        return lineRegions(open, gw, gh, f, dpi, grey.w, grey.h);
    }

    /** Neighbours of a square in a text line: three squares along the row, one across. */
    private static final int[][] ALONG_ROWS = GridRegions.box(3, 1);

    /** Groups open squares (joining gaps of two squares along a row) into regions shaped like text lines. */
    private static List<Rectangle> lineRegions(boolean[] open, int gw, int gh, int f, int dpi, int w, int h) {
        var out = new ArrayList<Rectangle>();
        int minHeight = Math.max(2, dpi / 12 / f);
        int maxHeight = Math.max(minHeight + 1, dpi / 2 / f);
        for (var r : GridRegions.of(open, gw, gh, ALONG_ROWS)) {
            int bw = r.width();
            int bh = r.height();
            if (bh >= minHeight && bh <= maxHeight && bw >= bh * 2) {
                int px = Math.max(0, r.x0() * f - f);
                int py = Math.max(0, r.y0() * f - f);
                out.add(new Rectangle(px, py, Math.min(w - px, (bw + 2) * f), Math.min(h - py, (bh + 2) * f)));
            }
        }
        out.sort(Comparator.comparingInt((Rectangle r) -> r.y).thenComparingInt(r -> r.x));
        return out;
    }
}
