package org.siarchive.digitisation;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class DigitisationConfiguration {

    @Bean
    OcrEngine ocrEngine(
            @Value("${siarchive.ocr.tessdata:/usr/share/tesseract-ocr/5/tessdata}") String tessdata,
            @Value("${siarchive.ocr.languages:chi_sim}") String languages,
            @Value("${siarchive.ocr.page-segmentation:auto}") String segmentation) {
        return new TesseractEngine(tessdata, languages, OcrEngine.Segmentation.parse(segmentation));
    }

    /** How pages are read (ADR 0058): automatic layout analysis on a prepared working copy by default. */
    @Bean
    OcrPipeline ocrPipeline(
            OcrEngine engine,
            @Value("${siarchive.ocr.page-segmentation:auto}") String segmentation,
            @Value("${siarchive.ocr.prepare:true}") boolean prepare) {
        return new OcrPipeline(engine, OcrSettings.of(segmentation, prepare));
    }

    /** Default: one worker per core (Tesseract itself runs single-threaded, OMP_THREAD_LIMIT=1). */
    @Bean(destroyMethod = "close")
    OcrPool ocrPool(OcrPipeline pipeline, @Value("${siarchive.ocr.workers:0}") int workers) {
        int n = workers > 0 ? workers : Runtime.getRuntime().availableProcessors();
        return new OcrPool(pipeline, n, 4 * n);
    }
}
