package org.siarchive.bench;

import java.util.Locale;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.siarchive.digitisation.OcrPipeline;
import org.siarchive.digitisation.OcrSettings;
import org.siarchive.digitisation.PageAnalyzer;
import org.siarchive.digitisation.TesseractEngine;
import org.siarchive.support.corpus.OcrCorpus;

/**
 * Time per page of the production OCR path against the old psm-6 path without preparation (ADR 0058), on the
 * clean corpus pages, one thread, the paths alternating page by page so that load from elsewhere hits both.
 * Prints; asserts nothing ({@code ./mvnw -Pbench verify -Dtest=OcrPathTimeBenchmark}).
 */
@Tag("bench")
class OcrPathTimeBenchmark {

    static final String TESSDATA = "/usr/share/tesseract-ocr/5/tessdata";

    @Test
    void productionAgainstTheOldPath() {
        try (var heap = PeakHeap.watch()) {
            var old = new OcrPipeline(new TesseractEngine(TESSDATA, "chi_sim", 6), OcrSettings.BLOCK_ONLY);
            var production = OcrPipeline.production(TESSDATA, "chi_sim");
            var pages = OcrCorpus.pages(Long.getLong("ocr.corpus.seed", 17)).stream()
                    .filter(p -> !p.poor())
                    .toList();
            var noDigits = new OcrPipeline(
                    new TesseractEngine(TESSDATA, "chi_sim", OcrSettings.PRODUCTION.segmentation()),
                    OcrSettings.PRODUCTION.steps("seals", "lines", "sauvola", "speckles", "upscale", "missed"));
            var paths = new OcrPipeline[] {old, noDigits, production};
            var first = pages.get(0);
            for (var path : paths) {
                path.read(first.image(), 0); // engine handles loaded before timing
            }
            long[] nanos = new long[paths.length];
            for (var p : pages) {
                var analysis = PageAnalyzer.analyse(p.image(), p.dpi());
                for (int i = 0; i < paths.length; i++) {
                    long t0 = System.nanoTime();
                    paths[i].read(p.image(), analysis);
                    nanos[i] += System.nanoTime() - t0;
                }
            }
            int n = pages.size();
            System.out.printf(
                    Locale.ROOT,
                    "OCR time per clean page (%d pages): old psm 6 %.2f s, production without digit re-read %.2f s,"
                            + " production %.2f s, ratio %.2f%n",
                    n,
                    nanos[0] / 1e9 / n,
                    nanos[1] / 1e9 / n,
                    nanos[2] / 1e9 / n,
                    (double) nanos[2] / nanos[0]);
            System.out.println(heap.line());
        }
    }
}
