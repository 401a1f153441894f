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
        var old = new OcrPipeline(new TesseractEngine(TESSDATA, "chi_sim", 6), OcrSettings.BLOCK_ONLY);
        var production = OcrPipeline.production(TESSDATA, "chi_sim");
        var pages = OcrCorpus.pages(Long.getLong("ocr.corpus.seed", 17)).stream()
                .filter(p -> !p.poor())
                .toList();
        long oldNanos = 0;
        long productionNanos = 0;
        for (var p : pages) {
            var analysis = PageAnalyzer.analyse(p.image(), p.dpi());
            long t0 = System.nanoTime();
            old.read(p.image(), analysis);
            long t1 = System.nanoTime();
            production.read(p.image(), analysis);
            long t2 = System.nanoTime();
            oldNanos += t1 - t0;
            productionNanos += t2 - t1;
        }
        System.out.printf(
                Locale.ROOT,
                "OCR time per clean page (%d pages): old psm 6 %.2f s, production %.2f s, ratio %.2f%n",
                pages.size(),
                oldNanos / 1e9 / pages.size(),
                productionNanos / 1e9 / pages.size(),
                (double) productionNanos / oldNanos);
    }
}
