package org.siarchive.digitisation;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.siarchive.crypto.FieldCipher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Page processing, the write: each page's result in its own transaction, and only while the page is still
 * pending, so a restart resumes at the first pending page and no page is counted twice. Recognised text
 * and words are stored encrypted (they hold ID numbers).
 */
@Component
class PageResults {

    private static final Logger log = LoggerFactory.getLogger(PageResults.class);

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final FieldCipher cipher;

    PageResults(JdbcClient jdbc, TransactionTemplate tx, FieldCipher cipher) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.cipher = cipher;
    }

    /** A page of the archive: its measurements, QC flags and (with OCR) its text, words and confidence. */
    void store(BatchWorker.Pending p, PageAnalysis a, List<String> flags, OcrEngine.@Nullable Result r) {
        tx.executeWithoutResult(s -> jdbc.sql(
                        """
                update scan_page set status = 'DONE', width = :w, height = :h, dpi = :dpi, colour_mode = :mode,
                    red_ratio = :red, skew = :skew, ink = :ink, phash = :phash, fingerprint = :fp, flags = :flags,
                    ocr_text_enc = :text, ocr_confidence = :conf, ocr_words_enc = :words, ocr_low_confidence = :low,
                    processed_at = now()
                where id = :id and status = 'PENDING'
                """)
                .param("w", a.widthPx())
                .param("h", a.heightPx())
                .param("dpi", a.dpi())
                .param("mode", a.colourMode())
                .param("red", (float) a.redRatio())
                .param("skew", (float) a.skewDegrees())
                .param("ink", (float) a.inkRatio())
                .param("phash", a.phash())
                .param("fp", a.fingerprint())
                .param("flags", String.join(",", flags))
                .param("text", r == null ? null : cipher.encrypt(r.text(), ScanBatches.TEXT_CONTEXT))
                .param("conf", r == null ? null : r.meanConfidence())
                .param("words", r == null ? null : cipher.encrypt(words(r), ScanBatches.WORDS_CONTEXT))
                .param("low", r == null ? null : lowConfidenceWords(r))
                .param("id", p.id())
                .update());
    }

    /** A cover sheet is not a page of the archive: no checks, no OCR, only the code it carries. */
    void storeCover(BatchWorker.Pending p, PageAnalysis a, String code) {
        tx.executeWithoutResult(s -> jdbc.sql(
                        """
                update scan_page set status = 'DONE', width = :w, height = :h, dpi = :dpi, colour_mode = :mode,
                    cover_code = :code, item_id = null, processed_at = now()
                where id = :id and status = 'PENDING'
                """)
                .param("w", a.widthPx())
                .param("h", a.heightPx())
                .param("dpi", a.dpi())
                .param("mode", a.colourMode())
                .param("code", code.length() > 200 ? code.substring(0, 200) : code)
                .param("id", p.id())
                .update());
    }

    /** A page that could not be read or analysed keeps the first 500 characters of the reason. */
    void fail(BatchWorker.Pending p, Throwable e) {
        log.warn("page {} of batch {} failed: {}", p.seq(), p.batchId(), e.toString());
        String message = String.valueOf(e.getMessage());
        tx.executeWithoutResult(s -> jdbc.sql(
                        "update scan_page set status = 'ERROR', error = :e, processed_at = now() where id = :id and status = 'PENDING'")
                .param("e", message.substring(0, Math.min(500, message.length())))
                .param("id", p.id())
                .update());
    }

    private static int lowConfidenceWords(OcrEngine.Result r) {
        return (int) r.words().stream().filter(w -> w.confidence() < 60).count();
    }

    /** Words as tab-separated lines: text, confidence, x, y, width, height. */
    static String words(OcrEngine.Result r) {
        var sb = new StringBuilder();
        for (var w : r.words()) {
            sb.append(w.text().replace('\t', ' ').replace('\n', ' '))
                    .append('\t')
                    .append(Math.round(w.confidence() * 10) / 10.0)
                    .append('\t')
                    .append(w.x())
                    .append('\t')
                    .append(w.y())
                    .append('\t')
                    .append(w.width())
                    .append('\t')
                    .append(w.height())
                    .append('\n');
        }
        return sb.toString();
    }
}
