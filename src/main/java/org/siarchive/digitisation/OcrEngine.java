package org.siarchive.digitisation;

import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** An OCR engine: Tesseract now; others (e.g. PP-OCR via ONNX) plug in behind the same port. */
public interface OcrEngine {

    /** A recognised word with its confidence (0–100) and bounding box in pixels. */
    record Word(String text, float confidence, int x, int y, int width, int height) {}

    /** Text of a page, its words and their mean confidence. */
    record Result(String text, float meanConfidence, List<Word> words) {}

    /**
     * How the engine segments what it is given (Tesseract's page segmentation modes): automatic layout
     * analysis, one uniform block of text, or a single text line (a table cell).
     */
    enum Segmentation {
        AUTO(3),
        BLOCK(6),
        LINE(7);

        public final int psm;

        Segmentation(int psm) {
            this.psm = psm;
        }

        /** {@code auto}, {@code block}, {@code line} or Tesseract's number (3, 6, 7). */
        public static Segmentation parse(String value) {
            String v = value.trim().toUpperCase(Locale.ROOT);
            for (var s : values()) {
                if (s.name().equals(v) || Integer.toString(s.psm).equals(v)) {
                    return s;
                }
            }
            throw new IllegalArgumentException(
                    "siarchive.ocr.page-segmentation: auto, block or line (3, 6, 7), not " + value);
        }
    }

    String name();

    boolean available();

    /** The page read with the engine's configured segmentation. */
    Result recognise(BufferedImage page);

    /** The page read with the given segmentation. */
    default Result recognise(BufferedImage page, Segmentation segmentation) {
        return recognise(page);
    }

    /** Each region of the page read on its own (table cells, in the order given). */
    default List<Result> recogniseRegions(BufferedImage page, List<Rectangle> regions, Segmentation segmentation) {
        var out = new ArrayList<Result>();
        for (var r : regions) {
            out.add(recognise(page.getSubimage(r.x, r.y, r.width, r.height), segmentation));
        }
        return out;
    }

    /** A PDF of the pages with the image visible and the recognised text invisible on top (searchable copy). */
    byte[] searchablePdf(List<BufferedImage> pages, int dpi);
}
