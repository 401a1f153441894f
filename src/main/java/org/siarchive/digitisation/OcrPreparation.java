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

    /** The working copy, the cells of its ruled table (empty when none) and what was done to it. */
    record Prepared(BufferedImage image, List<Rectangle> cells, int contrast, boolean binarised, int lines) {}

    private OcrPreparation() {}

    static Prepared prepare(BufferedImage levelled, OcrSettings s) {
        boolean colour = levelled.getColorModel().getNumColorComponents() > 1;
        var grey = GreyPage.of(levelled, s.seals() && colour);
        int dpi = (int) Math.round(Math.min(grey.w, grey.h) / 8.27);
        int contrast = Binarisation.contrast(grey);
        boolean binarise = s.sauvola() && contrast < POOR_CONTRAST;
        int threshold;
        if (binarise) {
            Binarisation.sauvola(grey, Binarisation.K);
            threshold = 128;
            if (s.speckles()) {
                int area = Math.max(2, dpi * dpi / 22_500);
                Speckles.remove(grey, threshold, area);
            }
        } else {
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
        return new Prepared(grey.toImage(), cells.size() >= 4 ? cells : List.of(), contrast, binarise, lines.size());
    }
}
