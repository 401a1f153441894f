package org.siarchive.digitisation;

import java.awt.image.BufferedImage;
import java.util.List;

/** An OCR engine: Tesseract now; others (e.g. PP-OCR via ONNX) plug in behind the same port. */
public interface OcrEngine {

    /** A recognised word with its confidence (0–100) and bounding box in pixels. */
    record Word(String text, float confidence, int x, int y, int width, int height) {}

    /** Text of a page, its words and their mean confidence. */
    record Result(String text, float meanConfidence, List<Word> words) {}

    String name();

    boolean available();

    Result recognise(BufferedImage page);

    /** A PDF of the pages with the image visible and the recognised text invisible on top (searchable copy). */
    byte[] searchablePdf(List<BufferedImage> pages, int dpi);
}
