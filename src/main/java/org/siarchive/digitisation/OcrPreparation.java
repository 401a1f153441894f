package org.siarchive.digitisation;

import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.util.List;

/**
 * The OCR working copy of a levelled page (ADR 0058): grey, red seals separated by colour, binarised by
 * Sauvola and cleared of specks when its contrast is poor, ruling lines removed; and the table cells those
 * lines enclose. The master and the levelled image are not changed.
 */
final class OcrPreparation {

    /** Below this spread between dark and light grey values a page counts as poor (carbon, fax, stain). */
    static final int POOR_CONTRAST = 120;

    /** Pages scanned below this resolution are enlarged to {@link #TARGET_DPI} for the engine. */
    static final int MIN_DPI = 250;

    static final int TARGET_DPI = 300;

    /**
     * The working copy, the cells of its ruled table (empty when none), what was done to it, and its scale
     * relative to the levelled page (word boxes are divided by it).
     */
    record Prepared(
            BufferedImage image, List<Rectangle> cells, int contrast, boolean binarised, int lines, double scale) {}

    private OcrPreparation() {}

    /** The resolution of an A4 page (portrait or landscape) of this size in pixels. */
    static int dpi(int w, int h) {
        return Math.max(1, (int) Math.round(Math.min(w, h) / 8.27));
    }

    static Prepared prepare(BufferedImage levelled, OcrSettings s) {
        boolean colour = levelled.getColorModel().getNumColorComponents() > 1;
        var grey = GreyPage.of(levelled, s.seals() && colour);
        int dpi = dpi(grey.w, grey.h);
        int contrast = Binarisation.contrast(grey);
        boolean binarise = s.sauvola() && contrast < POOR_CONTRAST;
        if (binarise) {
            Binarisation.sauvola(grey, Binarisation.K);
        }
        int threshold = binarise ? 128 : grey.otsu();
        if (s.speckles()) {
            Speckles.remove(grey, threshold, Math.max(3, dpi * dpi / 7_500));
        }
        double scale = 1;
        if (s.upscale() && dpi < MIN_DPI) {
            scale = (double) TARGET_DPI / dpi;
            grey = grey.scaled(scale);
            dpi = TARGET_DPI;
            threshold = grey.otsu();
        }
        List<RulingLines.Line> lines = List.of();
        if (s.lines() || s.cells()) {
            lines = RulingLines.find(grey, threshold, dpi);
        }
        List<Rectangle> cells = s.cells() ? TableCells.find(lines, grey.w, grey.h, dpi) : List.of();
        if (s.lines()) {
            RulingLines.remove(grey, lines, threshold, dpi);
        }
        var table = cells.size() >= 4 ? cells : List.<Rectangle>of();
        return new Prepared(grey.toImage(), table, contrast, binarise, lines.size(), scale);
    }
}
