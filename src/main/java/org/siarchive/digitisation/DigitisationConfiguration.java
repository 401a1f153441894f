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
            @Value("${siarchive.ocr.page-segmentation:6}") int psm) {
        return new TesseractEngine(tessdata, languages, psm);
    }

    /** Default: one worker per core (Tesseract itself runs single-threaded, OMP_THREAD_LIMIT=1). */
    @Bean(destroyMethod = "close")
    OcrPool ocrPool(OcrEngine engine, @Value("${siarchive.ocr.workers:0}") int workers) {
        int n = workers > 0 ? workers : Runtime.getRuntime().availableProcessors();
        return new OcrPool(engine, n, 4 * n);
    }
}
