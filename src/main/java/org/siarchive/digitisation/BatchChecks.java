package org.siarchive.digitisation;

import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.siarchive.audit.AuditDetail;
import org.siarchive.audit.AuditOperation;
import org.siarchive.audit.AuditTrail;
import org.siarchive.audit.AuditedObject;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The batch-level stage, once no page of a batch is pending (DA/T 31-2017): split at cover sheets,
 * repeated pages within the batch and of other batches ({@link RepeatedPages}), missing pages against the manifest, suggestions per item, the QC
 * sample; then the batch waits for quality review. One transaction per batch.
 */
@Component
class BatchChecks {

    /**
     * A processed page as the batch-level checks need it: not its fingerprint thumbnail (28 KB a page, twice that as
     * the driver reads it), which at the 5,000-page cap alone filled a 256 MB heap (issue 20); repeated pages read
     * theirs page by page ({@link RepeatedPages}).
     */
    record PageRow(
            long id, int seq, @Nullable UUID itemId, boolean blank, String flags, byte @Nullable [] ocrTextEnc) {}

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final AuditTrail audit;
    private final CoverSplit covers;
    private final Suggestions suggestions;
    private final RepeatedPages repeats;

    BatchChecks(
            JdbcClient jdbc,
            TransactionTemplate tx,
            AuditTrail audit,
            CoverSplit covers,
            Suggestions suggestions,
            RepeatedPages repeats) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.audit = audit;
        this.covers = covers;
        this.suggestions = suggestions;
        this.repeats = repeats;
    }

    /** Batches whose pages are all processed: batch-level checks, suggestions, sample, status QC. */
    void finishBatches() {
        var done = jdbc.sql(
                        """
                select b.id from scan_batch b where b.status = 'PROCESSING'
                and not exists (select 1 from scan_page p where p.batch_id = b.id and p.status = 'PENDING')
                """)
                .query(UUID.class)
                .list();
        for (UUID id : done) {
            tx.executeWithoutResult(s -> finish(id));
        }
    }

    private void finish(UUID batch) {
        if (!Rescans.rescanned(jdbc, batch)) {
            covers.split(batch); // once: a rescan's pages already belong to their item
        }
        var pages = processedPages(batch);
        repeats.check(batch);
        countMissingPages(batch);
        suggestions.suggest(pages);
        drawSample(batch);
        jdbc.sql("update scan_batch set status = 'QC', finished_at = now() where id = :b and status = 'PROCESSING'")
                .param("b", batch)
                .update();
        audit.record(
                BatchWorker.WORKER,
                AuditedObject.SCAN_BATCH,
                batch.toString(),
                AuditOperation.PROCESSED,
                null,
                AuditDetail.of("audit.detail.pagesAnalysed", pages.size()).encoded());
    }

    private List<PageRow> processedPages(UUID batch) {
        return jdbc.sql(
                        """
                select id, seq, item_id, coalesce(ink < 0.003, false) as blank, flags, ocr_text_enc
                from scan_page where batch_id = :b and status = 'DONE' and superseded_at is null and cover_code is null
                order by seq
                """)
                .param("b", batch)
                .query(PageRow.class)
                .list();
    }

    /** Missing pages against the manifest's page ranges. */
    private void countMissingPages(UUID batch) {
        jdbc.sql(
                        """
                update scan_item i set missing_pages = greatest(0, coalesce(i.expected_pages, 0)
                    - (select count(*) from scan_page p where p.item_id = i.id and p.status = 'DONE'
                    and p.superseded_at is null))
                where i.batch_id = :b
                """)
                .param("b", batch)
                .update();
    }

    /** DA/T 31: manual checks on a sample of at least 5 % of the items (the batch's setting), at least one. */
    private void drawSample(UUID batch) {
        jdbc.sql(
                        """
                with n as (select greatest(1, ceil(count(*) * b.sample_percent / 100.0))::int as k
                           from scan_item i join scan_batch b on b.id = i.batch_id where i.batch_id = :b group by b.sample_percent)
                update scan_item set sampled = true
                where id in (select id from scan_item where batch_id = :b order by md5(id::text) limit (select k from n))
                """)
                .param("b", batch)
                .update();
    }
}
