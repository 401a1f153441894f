package org.siarchive.digitisation;

import java.awt.Color;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;

/**
 * The one way a page is read (ADR 0058), used by the batch worker's pool, the benchmark and the accuracy
 * tests alike: level the page by its skew, prepare the OCR working copy ({@link OcrPreparation}), then read
 * it with automatic layout analysis — or, when the settings ask for it and the page holds a ruled table,
 * the text around the table with layout analysis and each cell as a block of its own.
 */
public final class OcrPipeline {

    private final OcrEngine engine;
    private final OcrSettings settings;
    private final DigitReread digits;

    public OcrPipeline(OcrEngine engine, OcrSettings settings) {
        this.engine = engine;
        this.settings = settings;
        this.digits =
                settings.digits() && engine instanceof TesseractEngine t ? DigitReread.tesseract(t.datapath()) : null;
    }

    /** The production path on a Tesseract engine ({@code siarchive.ocr.*} defaults). */
    public static OcrPipeline production(String tessdata, String languages) {
        var settings = OcrSettings.PRODUCTION;
        return new OcrPipeline(new TesseractEngine(tessdata, languages, settings.segmentation()), settings);
    }

    public OcrEngine engine() {
        return engine;
    }

    public OcrSettings settings() {
        return settings;
    }

    /** Reads the page after levelling it by {@code skewDegrees}. */
    public OcrEngine.Result read(BufferedImage page, double skewDegrees) {
        var levelled = Deskew.level(page, skewDegrees);
        if (!settings.prepare()) {
            return engine.recognise(levelled, settings.segmentation());
        }
        var prepared = OcrPreparation.prepare(levelled, settings);
        var result = prepared.cells().isEmpty()
                ? withMissed(prepared.image(), engine.recognise(prepared.image(), settings.segmentation()))
                : readTable(prepared);
        if (settings.segmentation() == OcrEngine.Segmentation.AUTO) {
            result = new OcrEngine.Result(StrayQuotes.clean(result.text()), result.meanConfidence(), result.words());
        }
        if (digits != null) {
            result = digits.apply(prepared.image(), result);
        }
        return prepared.scale() == 1 ? result : unscaled(result, prepared.scale());
    }

    /** Word boxes back in the levelled page's pixels. */
    private static OcrEngine.Result unscaled(OcrEngine.Result r, double scale) {
        var words = r.words().stream()
                .map(w -> new OcrEngine.Word(
                        w.text(),
                        w.confidence(),
                        (int) Math.round(w.x() / scale),
                        (int) Math.round(w.y() / scale),
                        (int) Math.round(w.width() / scale),
                        (int) Math.round(w.height() / scale)))
                .toList();
        return new OcrEngine.Result(r.text(), r.meanConfidence(), words);
    }

    /** Reads the page measured by the analyser (its skew). */
    public OcrEngine.Result read(BufferedImage page, PageAnalysis analysis) {
        return read(page, analysis.skewDegrees());
    }

    /**
     * The page's reading plus the lines layout analysis left unread ({@link MissedText}) that the engine
     * reads confidently: those above the first read word go before the text, the others after it.
     */
    private OcrEngine.Result withMissed(BufferedImage image, OcrEngine.Result read) {
        if (!settings.missed() || settings.segmentation() != OcrEngine.Segmentation.AUTO) {
            return read;
        }
        int dpi = OcrPreparation.dpi(image.getWidth(), image.getHeight());
        var regions = MissedText.regions(image, read.words(), dpi);
        if (regions.isEmpty()) {
            return read;
        }
        var lines = engine.recogniseRegions(image, regions, OcrEngine.Segmentation.LINE);
        int top = read.words().stream().mapToInt(OcrEngine.Word::y).min().orElse(Integer.MAX_VALUE);
        var before = new StringBuilder();
        var after = new StringBuilder();
        var words = new ArrayList<>(read.words());
        for (int i = 0; i < lines.size(); i++) {
            var line = lines.get(i);
            String t = line.text().strip();
            if (t.isEmpty() || line.meanConfidence() < MissedText.MIN_CONFIDENCE) {
                continue;
            }
            (regions.get(i).y + regions.get(i).height <= top ? before : after)
                    .append(t)
                    .append('\n');
            words.addAll(line.words());
        }
        if (words.size() == read.words().size()) {
            return read;
        }
        String text = before + read.text().strip() + "\n" + after;
        return new OcrEngine.Result(text, read.meanConfidence(), List.copyOf(words));
    }

    /** The text outside the cells first, then the table row by row (cells of a row separated by a space). */
    private OcrEngine.Result readTable(OcrPreparation.Prepared prepared) {
        var image = prepared.image();
        var outside = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
        var g = outside.createGraphics();
        g.drawImage(image, 0, 0, null);
        g.setColor(Color.WHITE);
        for (Rectangle c : prepared.cells()) {
            g.fillRect(c.x - 2, c.y - 2, c.width + 4, c.height + 4);
        }
        g.dispose();
        var around = withMissed(outside, engine.recognise(outside, settings.segmentation()));
        var cells = engine.recogniseRegions(image, prepared.cells(), OcrEngine.Segmentation.BLOCK);
        var text = new StringBuilder(around.text().strip()).append('\n');
        var words = new ArrayList<>(around.words());
        double confSum = around.meanConfidence() * Math.max(1, around.words().size());
        int confN = Math.max(1, around.words().size());
        int lastRow = Integer.MIN_VALUE;
        for (int i = 0; i < cells.size(); i++) {
            var r = cells.get(i);
            String t = r.text().strip().replace('\n', ' ');
            if (t.isEmpty()) {
                continue;
            }
            int row = prepared.cells().get(i).y;
            text.append(lastRow == Integer.MIN_VALUE || Math.abs(row - lastRow) < 10 ? ' ' : '\n')
                    .append(t);
            lastRow = row;
            words.addAll(r.words());
            confSum += r.meanConfidence() * Math.max(1, r.words().size());
            confN += Math.max(1, r.words().size());
        }
        return new OcrEngine.Result(text.toString().strip() + "\n", (float) (confSum / confN), List.copyOf(words));
    }
}
