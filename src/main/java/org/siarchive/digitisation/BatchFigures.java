package org.siarchive.digitisation;

import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A decided scan batch's pages and whether they were read by OCR (issue 18, docs/adr/0088) — what the
 * digitisation statistics count per decision, read by the batch's id.
 */
@Component
public class BatchFigures {

    private final JdbcClient jdbc;

    BatchFigures(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Pages scanned in the batch, and those read by OCR (all of them when the batch asked for OCR). */
    public record Pages(int scanned, int recognised) {}

    public Optional<Pages> of(UUID batchId) {
        return jdbc.sql("select pages_total, ocr from scan_batch where id = :id")
                .param("id", batchId)
                .query((rs, n) -> new Pages(rs.getInt(1), rs.getBoolean(2) ? rs.getInt(1) : 0))
                .optional();
    }
}
