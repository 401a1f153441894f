package org.siarchive.support.corpus;

import java.awt.image.BufferedImage;
import java.util.List;

/**
 * One generated page of the OCR evaluation corpus.
 *
 * @param id stable name, e.g. {@code ruled-table/poor-200-grey-s17203}
 * @param layout the layout name ({@link OcrCorpus#layouts()})
 * @param poor whether the page was degraded (noise, blur, skew, low contrast, 200 dpi in seeded combinations)
 * @param dpi resolution the page was drawn at
 * @param colour {@code COLOUR}, {@code GREY} or {@code BITONAL}: how the image is stored
 * @param skewDegrees the rotation applied to the whole sheet (positive: clockwise)
 * @param segments machine-printed text only, one entry per line or table cell, in drawing order (no
 *     scribbles, no seal text, no checkbox glyphs)
 * @param printed the fields a reader must extract
 */
public record CorpusPage(
        String id,
        String layout,
        boolean poor,
        int dpi,
        String colour,
        double skewDegrees,
        BufferedImage image,
        List<String> segments,
        Printed printed) {

    public String groundTruth() {
        return String.join("\n", segments);
    }
}
