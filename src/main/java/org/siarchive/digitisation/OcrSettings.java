package org.siarchive.digitisation;

/**
 * How pages are read: the segmentation for pages without a table, and which preparation steps run on the
 * OCR working copy (ADR 0058). {@link #PRODUCTION} is what the batch worker, the benchmark and the accuracy
 * tests use; the other combinations exist to measure each step's gain.
 *
 * @param segmentation page segmentation for pages read as a whole ({@code siarchive.ocr.page-segmentation})
 * @param prepare whether the working copy is prepared at all ({@code siarchive.ocr.prepare})
 * @param seals red seals separated by colour on colour scans
 * @param lines ruling lines removed
 * @param sauvola adaptive binarisation on pages of poor contrast
 * @param speckles small specks removed from binarised pages
 * @param cells ruled tables read cell by cell
 * @param upscale pages below 250 dpi enlarged to 300 dpi for the engine
 * @param missed ink left unread by layout analysis read again line by line ({@link MissedText})
 * @param digits digit-bearing words read again with a Latin model and a whitelist ({@link DigitReread})
 */
public record OcrSettings(
        OcrEngine.Segmentation segmentation,
        boolean prepare,
        boolean seals,
        boolean lines,
        boolean sauvola,
        boolean speckles,
        boolean cells,
        boolean upscale,
        boolean missed,
        boolean digits) {

    public static final OcrSettings PRODUCTION =
            new OcrSettings(OcrEngine.Segmentation.AUTO, true, true, true, true, true, false, true, true, true);

    /** Today's path before issue 15: one uniform block, no preparation. */
    public static final OcrSettings BLOCK_ONLY = new OcrSettings(
            OcrEngine.Segmentation.BLOCK, false, false, false, false, false, false, false, false, false);

    public static OcrSettings of(String segmentation, boolean prepare) {
        var p = PRODUCTION;
        return new OcrSettings(
                OcrEngine.Segmentation.parse(segmentation),
                prepare,
                p.seals,
                p.lines,
                p.sauvola,
                p.speckles,
                p.cells,
                p.upscale,
                p.missed,
                p.digits);
    }

    public OcrSettings with(OcrEngine.Segmentation s) {
        return new OcrSettings(s, prepare, seals, lines, sauvola, speckles, cells, upscale, missed, digits);
    }

    /** The same settings with only the named steps on (names as the record's components). */
    public OcrSettings steps(String... on) {
        var set = java.util.Set.of(on);
        return new OcrSettings(
                segmentation,
                !set.isEmpty(),
                set.contains("seals"),
                set.contains("lines"),
                set.contains("sauvola"),
                set.contains("speckles"),
                set.contains("cells"),
                set.contains("upscale"),
                set.contains("missed"),
                set.contains("digits"));
    }
}
