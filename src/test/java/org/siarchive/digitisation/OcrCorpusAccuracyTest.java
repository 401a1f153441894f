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

    /**
     * A layout below the goal today (seed 17, one page per condition): what misses ({@code clean} or
     * {@code poor} accuracy, or {@code fields}: pages with all four fields found), the value measured, the
     * floor the test holds it to (a little below, so a regression still fails) and why it misses.
     */
    record Gap(String layout, String what, double measured, double floor, String reason) {}

    /** The one table of known gaps (ADR 0058); every layout and measure not listed here must reach the goal. */
    static final List<Gap> KNOWN_GAPS = List.of(
            new Gap("signature-box", "clean", 0.977, 0.967, "single characters and punctuation lost"),
            new Gap("signature-box", "poor", 0.836, 0.826, "scribble and checkbox row read as garbage"),
            new Gap(
                    "ruled-table",
                    "poor",
                    0.789,
                    0.779,
                    "layout analysis splits the faint grid; 0.906 when levelled by -2.47° instead of the true -2.20°"),
            new Gap(
                    "landscape",
                    "clean",
                    0.887,
                    0.877,
                    "a perfectly straight register: layout analysis merges columns; 0.994 when turned by 0.23°"),
            new Gap(
                    "landscape",
                    "poor",
                    0.796,
                    0.786,
                    "200 dpi, blurred dotted zeros misread; values in the grid lost"),
            new Gap(
                    "small-print",
                    "clean",
                    0.963,
                    0.953,
                    "chi_sim reads zeros inside Chinese words as 6/8 or drops them"),
            new Gap("fax-carbon", "clean", 0.958, 0.948, "bitmap font: zeros misread, ID read with two extra digits"),
            new Gap(
                    "dot-matrix",
                    "clean",
                    0.732,
                    0.722,
                    "values inside the ruled boxes are skipped by layout analysis"),
            new Gap("dot-matrix", "poor", 0.821, 0.811, "values inside the ruled boxes are skipped by layout analysis"),
            new Gap("ruled-table", "fields", 1, 1, "poor page: ID, credit code and name in garbled rows"),
            new Gap("signature-box", "fields", 1, 1, "poor page: ID number and name misread"),
            new Gap("two-column", "fields", 1, 1, "poor page: credit code and the date in running text misread"),
            new Gap("seal-over-text", "fields", 1, 1, "poor page: date in running text read 03-28 for 03-08"),
            new Gap("landscape", "fields", 1, 1, "poor page: credit code, name and date misread"),
            new Gap("small-print", "fields", 0, 0, "names not found; date read 2019年9月 for 01月"),
            new Gap("fax-carbon", "fields", 1, 1, "clean page: ID and credit code misread beyond repair"),
            new Gap("dot-matrix", "fields", 0, 0, "values skipped (see above); name not found on the poor page"));

    static java.util.Optional<Gap> gap(String layout, String what) {
        return KNOWN_GAPS.stream()
                .filter(g -> g.layout().equals(layout) && g.what().equals(what))
                .findFirst();
    }

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
        var below = KNOWN_GAPS.stream().map(Gap::layout).collect(java.util.stream.Collectors.toSet());
        String report = CorpusReport.markdown(rows, all, settings().segmentation().psm, seed, below) + gaps();
        System.out.println(report);
        Files.writeString(OUT.resolve("report.md"), report, StandardCharsets.UTF_8);
        if (!enforce) {
            return;
        }
        var soft = new SoftAssertions();
        for (var row : rows) {
            String l = row.layout();
            soft.assertThat(row.clean())
                    .as("%s clean accuracy", l)
                    .isGreaterThanOrEqualTo(gap(l, "clean").map(Gap::floor).orElse(CLEAN));
            soft.assertThat(row.poor())
                    .as("%s poor accuracy", l)
                    .isGreaterThanOrEqualTo(gap(l, "poor").map(Gap::floor).orElse(POOR));
            var fields = gap(l, "fields");
            if (fields.isPresent()) {
                soft.assertThat((double) row.fieldsOk())
                        .as("%s pages with all fields", l)
                        .isGreaterThanOrEqualTo(fields.get().floor());
            }
        }
        for (var o : all) {
            if (gap(o.page().layout(), "fields").isEmpty()) {
                soft.assertThat(o.missedFields())
                        .as("fields missed on %s", o.page().id())
                        .isEmpty();
            }
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

    /** The known gaps as the report lists them. */
    static String gaps() {
        var sb = new StringBuilder("\nBelow goal (known gaps, measured / floor):\n\n");
        for (var g : KNOWN_GAPS) {
            sb.append(String.format(
                    Locale.ROOT,
                    "- %s %s: %s / %s — %s%n",
                    g.layout(),
                    g.what(),
                    g.what().equals("fields") ? (int) g.measured() + " pages" : pct(g.measured()),
                    g.what().equals("fields") ? (int) g.floor() + " pages" : pct(g.floor()),
                    g.reason()));
        }
        return sb.toString();
    }

    static String pct(double v) {
        return String.format(Locale.ROOT, "%.3f", v);
    }
}
