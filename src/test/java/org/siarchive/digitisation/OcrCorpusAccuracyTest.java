package org.siarchive.digitisation;

import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.siarchive.support.corpus.CorpusPage;
import org.siarchive.support.corpus.OcrCorpus;
import org.siarchive.support.corpus.OcrScore;
import org.siarchive.support.corpus.Printed;

/**
 * The platform's OCR path on the varied evaluation corpus ({@link OcrCorpus}, ADR 0057): every layout clean
 * and poor, a per-layout table (stdout and {@code target/ocr-corpus/report.md}), the pages with their ground
 * truth and the OCR text under {@code target/ocr-corpus/}. Asserts, per layout, mean accuracy ≥ 0.98 on clean
 * and ≥ 0.90 on poor pages, and that {@link Extraction#fields} finds the printed ID number, credit code, name
 * and date on every page.
 *
 * <p>System properties: {@code -Docr.corpus.assert=false} only prints; {@code -Docr.corpus.pages=N} pages per
 * layout and condition; {@code -Docr.corpus.seed}; {@code -Docr.corpus.steps} and
 * {@code -Docr.corpus.segmentation} select preparation steps and segmentation (see {@link #ocrPath()}); {@code -Docr.corpus.layouts=a,b} a subset.
 */
@Tag("ocr")
class OcrCorpusAccuracyTest {

    static final String TESSDATA = "/usr/share/tesseract-ocr/5/tessdata";
    static final double CLEAN = 0.98;
    static final double POOR = 0.90;
    static final Path OUT = Path.of("target/ocr-corpus");

    /** The platform's OCR path for one page: what the pipeline does between the decoded master and the text. */
    interface OcrPath extends AutoCloseable {
        OcrEngine.Result read(BufferedImage page, int dpi);

        @Override
        default void close() {}
    }

    /**
     * The production path (ADR 0058), built as {@code DigitisationConfiguration} builds it: Tesseract
     * {@code chi_sim} behind an {@link OcrPipeline} with {@link OcrSettings#PRODUCTION}, one worker per core,
     * each page analysed by {@link PageAnalyzer} and handed to the pool with its analysis. For measuring the
     * steps: {@code -Docr.corpus.steps=seals,lines,sauvola,speckles,cells,missed} (or {@code none}) and
     * {@code -Docr.corpus.segmentation=auto|block}.
     */
    static OcrPath ocrPath() {
        var settings = settings();
        var engine = new TesseractEngine(TESSDATA, "chi_sim", settings.segmentation());
        if (!engine.available()) {
            throw new IllegalStateException("Tesseract with chi_sim is required (./siarchive test installs it)");
        }
        int n = Runtime.getRuntime().availableProcessors();
        var pool = new OcrPool(new OcrPipeline(engine, settings), n, 4 * n);
        return new OcrPath() {
            @Override
            public OcrEngine.Result read(BufferedImage page, int dpi) {
                return pool.submit(page, PageAnalyzer.analyse(page, dpi)).join();
            }

            @Override
            public void close() {
                pool.close();
            }
        };
    }

    static OcrSettings settings() {
        var s = OcrSettings.PRODUCTION;
        String steps = System.getProperty("ocr.corpus.steps");
        if (steps != null) {
            s = steps.equals("none") ? s.steps() : s.steps(steps.split(","));
        }
        String segmentation = System.getProperty("ocr.corpus.segmentation");
        return segmentation == null ? s : s.with(OcrEngine.Segmentation.parse(segmentation));
    }

    static OcrPath path;

    @BeforeAll
    static void open() {
        path = ocrPath();
    }

    @AfterAll
    static void close() {
        path.close();
    }

    /** One page's outcome. */
    record Outcome(CorpusPage page, String text, double accuracy, List<String> missedFields, long millis) {}

    @Test
    void everyLayoutIsReadCleanAndPoorAndItsFieldsFound() throws Exception {
        boolean enforce = !"false".equals(System.getProperty("ocr.corpus.assert", "true"));
        long seed = Long.getLong("ocr.corpus.seed", 17);
        String only = System.getProperty("ocr.corpus.layouts", "");
        Files.createDirectories(OUT);
        var rows = new ArrayList<CorpusReport.Row>();
        var all = new ArrayList<Outcome>();
        for (String layout : OcrCorpus.layouts()) {
            if (!only.isBlank() && !List.of(only.split(",")).contains(layout)) {
                continue;
            }
            var pages = OcrCorpus.pages(layout, seed);
            OcrCorpus.write(pages, OUT);
            var outcomes = read(pages);
            all.addAll(outcomes);
            rows.add(CorpusReport.row(layout, outcomes));
        }
        String report = CorpusReport.markdown(rows, all, settings().segmentation().psm, seed);
        System.out.println(report);
        Files.writeString(OUT.resolve("report.md"), report, StandardCharsets.UTF_8);
        if (!enforce) {
            return;
        }
        var soft = new SoftAssertions();
        for (var row : rows) {
            soft.assertThat(row.clean()).as("%s clean accuracy", row.layout()).isGreaterThanOrEqualTo(CLEAN);
            soft.assertThat(row.poor()).as("%s poor accuracy", row.layout()).isGreaterThanOrEqualTo(POOR);
        }
        for (var o : all) {
            soft.assertThat(o.missedFields())
                    .as("fields missed on %s", o.page().id())
                    .isEmpty();
        }
        soft.assertAll();
    }

    /** Reads the pages one per core (the common pool has a single thread on two cores). */
    private static List<Outcome> read(List<CorpusPage> pages) throws Exception {
        var futures = new ArrayList<CompletableFuture<Outcome>>();
        var readers = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors());
        for (var p : pages) {
            futures.add(CompletableFuture.supplyAsync(
                    () -> {
                        long t0 = System.nanoTime();
                        var result = path.read(p.image(), p.dpi());
                        long ms = (System.nanoTime() - t0) / 1_000_000;
                        return new Outcome(
                                p,
                                result.text(),
                                OcrScore.accuracy(p.segments(), result.text()),
                                missed(p.printed(), result),
                                ms);
                    },
                    readers));
        }
        try {
            var out = new ArrayList<Outcome>();
            for (var f : futures) {
                var o = f.join();
                Files.writeString(OUT.resolve(o.page().id() + ".ocr.txt"), o.text(), StandardCharsets.UTF_8);
                out.add(o);
            }
            return out;
        } finally {
            readers.shutdownNow();
        }
    }

    /**
     * The printed fields the word-based {@link Extraction#fields(OcrEngine.Result)} did not find ("id",
     * "credit", "name", "date") or got wrong ("title": the recognised form is not the printed material).
     */
    static List<String> missed(Printed printed, OcrEngine.Result page) {
        var f = Extraction.fields(page);
        var missed = new ArrayList<String>();
        if (!printed.formTitle().equals(f.title())) {
            missed.add("title");
        }
        if (printed.idNumber() != null && !first(f.idNumbers()).equals(printed.idNumber())) {
            missed.add("id");
        }
        if (printed.creditCode() != null && !first(f.creditCodes()).equals(printed.creditCode())) {
            missed.add("credit");
        }
        if (printed.name() != null && !first(f.names()).equals(printed.name())) {
            missed.add("name");
        }
        if (printed.date() != null && !first(f.dates()).equals(printed.date())) {
            missed.add("date");
        }
        return missed;
    }

    /** The value a suggestion takes: the first one read. */
    private static String first(List<String> values) {
        return values.isEmpty() ? "" : values.get(0);
    }

    static String pct(double v) {
        return String.format(Locale.ROOT, "%.3f", v);
    }
}
