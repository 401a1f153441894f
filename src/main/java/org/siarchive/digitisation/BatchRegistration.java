package org.siarchive.digitisation;

import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.siarchive.audit.AuditDetail;
import org.siarchive.audit.AuditOperation;
import org.siarchive.audit.AuditTrail;
import org.siarchive.audit.AuditedObject;
import org.siarchive.crypto.FieldCipher;
import org.siarchive.shared.Access;
import org.siarchive.shared.ConflictException;
import org.siarchive.shared.InvalidInputException;
import org.siarchive.shared.Violation;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Batch registration, the one door for a batch's rows (docs/adr/0061), each step with its audit entry in
 * the caller's transaction: {@link #open} (the batch, no pages yet), {@link #append} (pages stored and
 * synced, numbered on, no item yet) and {@link #submit} (items from the manifest, or one item to be split
 * at cover sheets; the pages tied to them; the batch to processing). The console's one-shot upload runs
 * the three in one transaction, the scanning-station API one call each. The background worker picks the
 * pending pages of processing batches up from here.
 */
@Component
class BatchRegistration {

    /** A batch as the uploader described it. */
    record NewBatch(UUID id, String name, String fondsCode, boolean ocr, int samplePercent, boolean viaApi) {}

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final FieldCipher cipher;

    BatchRegistration(JdbcClient jdbc, AuditTrail audit, FieldCipher cipher) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.cipher = cipher;
    }

    void open(NewBatch batch, Access access) {
        jdbc.sql(
                        """
                insert into scan_batch (id, name, fonds_code, org_path, ocr, sample_percent, status, pages_total, created_by,
                    split, via_api)
                values (:id, :name, :fonds, :org, :ocr, :sample, 'OPEN', 0, :by, 'COVER', :api)
                """)
                .param("id", batch.id())
                .param("name", batch.name())
                .param("fonds", batch.fondsCode())
                .param("org", access.scope().orgPath())
                .param("ocr", batch.ocr())
                .param("sample", batch.samplePercent())
                .param("by", access.actor().name())
                .param("api", batch.viaApi())
                .update();
        record(
                access,
                batch.id(),
                AuditOperation.CREATE,
                AuditDetail.of(
                        "audit.detail.batchOpened",
                        batch.name(),
                        batch.fondsCode(),
                        batch.ocr() ? AuditDetail.label("audit.detail.withOcr") : ""));
    }

    /**
     * Registers stored pages (and the manifest the upload held, if any) after the {@code pagesBefore} the batch had; refused when the batch is no
     * longer open or another upload came in between (nothing is written then).
     */
    void append(UUID batch, int pagesBefore, ZipPages.Read upload, @Nullable String idempotencyKey, Access access) {
        var pages = upload.pages();
        int updated = jdbc.sql(
                        """
                update scan_batch set pages_total = pages_total + :n, bytes_total = bytes_total + :bytes,
                    manifest = coalesce(:manifest, manifest)
                where id = :id and status = 'OPEN' and pages_total = :before
                """)
                .param("n", pages.size())
                .param("bytes", upload.bytes())
                .param("manifest", upload.manifest())
                .param("id", batch)
                .param("before", pagesBefore)
                .update();
        if (updated == 0) {
            throw new ConflictException("conflict.batchNotOpen", batch.toString());
        }
        for (int i = 0; i < pages.size(); i++) {
            var stored = pages.get(i);
            jdbc.sql(
                            """
                    insert into scan_page (batch_id, seq, source_name, path, sha256, status)
                    values (:batch, :seq, :source, :path, :sha, 'PENDING')
                    """)
                    .param("batch", batch)
                    .param("seq", pagesBefore + i + 1)
                    .param("source", stored.sourceName())
                    .param("path", stored.path())
                    .param("sha", stored.sha256())
                    .update();
        }
        if (idempotencyKey != null) {
            jdbc.sql("insert into scan_upload (batch_id, idempotency_key, first_seq, pages) values (:b, :k, :f, :n)")
                    .param("b", batch)
                    .param("k", idempotencyKey)
                    .param("f", pagesBefore + 1)
                    .param("n", pages.size())
                    .update();
        }
        record(
                access,
                batch,
                AuditOperation.UPDATE,
                AuditDetail.of("audit.detail.pagesAdded", pages.size(), pagesBefore + 1, pagesBefore + pages.size()));
    }

    /** Keeps a manifest (as CSV) for the submission; its lines are checked now, its page ranges then. */
    void attachManifest(UUID batch, String csv, Access access) {
        var items = Manifest.parse(csv, Integer.MAX_VALUE);
        int updated = jdbc.sql("update scan_batch set manifest = :m where id = :id and status = 'OPEN'")
                .param("m", csv)
                .param("id", batch)
                .update();
        if (updated == 0) {
            throw new ConflictException("conflict.batchNotOpen", batch.toString());
        }
        record(access, batch, AuditOperation.UPDATE, AuditDetail.of("audit.detail.manifestAttached", items.size()));
    }

    /**
     * Closes an open batch: its items from its manifest (checked against the page count now) or one item
     * to be split at cover sheets, every page tied to the item whose range holds it (the last such line
     * wins), processing started. Answers the number of items.
     */
    int submit(UUID batch, Access access) {
        record Open(String name, String fondsCode, boolean ocr, int pagesTotal, @Nullable String manifest) {}
        var b = jdbc.sql(
                        """
                select name, fonds_code, ocr, pages_total, manifest from scan_batch
                where id = :id and status = 'OPEN' for update
                """)
                .param("id", batch)
                .query(Open.class)
                .optional()
                .orElseThrow(() -> new ConflictException("conflict.batchNotOpen", batch.toString()));
        if (b.pagesTotal() == 0) {
            throw new InvalidInputException(Violation.of("file", "noPages"));
        }
        String manifest = b.manifest();
        var items = manifest == null ? Manifest.wholeBatch(b.pagesTotal()) : Manifest.parse(manifest, b.pagesTotal());
        for (var it : items) {
            if (it.from()
                    > b.pagesTotal()) { // an item of no page at all; a range running past the end is a missing page
                throw new InvalidInputException(
                        Violation.of("manifest", "manifestBeyondPages", it.from(), b.pagesTotal()));
            }
        }
        insertItems(batch, items, manifest != null);
        jdbc.sql(
                        """
                update scan_batch set status = 'PROCESSING', split = :split, submitted_at = now() where id = :id
                """)
                .param("split", manifest == null ? "COVER" : "MANIFEST")
                .param("id", batch)
                .update();
        record(
                access,
                batch,
                AuditOperation.START,
                AuditDetail.of(
                        "audit.detail.batchCreated",
                        b.name(),
                        b.pagesTotal(),
                        items.size(),
                        b.fondsCode(),
                        b.ocr() ? AuditDetail.label("audit.detail.withOcr") : ""));
        return items.size();
    }

    private void insertItems(UUID batch, List<Manifest.Item> items, boolean byManifest) {
        int seq = 0;
        for (var it : items) {
            UUID itemId = UUID.randomUUID();
            jdbc.sql(
                            """
                    insert into scan_item (id, batch_id, seq, business_step, cert_no_enc, person_name, title, acceptance_no,
                        expected_pages, status, archive_code)
                    values (:id, :batch, :seq, :step, :cert, :name, :title, :acceptanceNo, :expected, 'PENDING', :code)
                    """)
                    .param("id", itemId)
                    .param("batch", batch)
                    .param("seq", ++seq)
                    .param("step", it.step())
                    .param("cert", cipher.encrypt(it.certNo(), ScanBatches.CERT_CONTEXT))
                    .param("name", it.name())
                    .param("title", it.title())
                    .param("acceptanceNo", it.acceptanceNo())
                    .param("expected", byManifest ? it.to() - it.from() + 1 : null)
                    .param("code", it.archiveCode())
                    .update();
            jdbc.sql("update scan_page set item_id = :item where batch_id = :batch and seq between :from and :to")
                    .param("item", itemId)
                    .param("batch", batch)
                    .param("from", it.from())
                    .param("to", it.to())
                    .update();
        }
    }

    private void record(Access access, UUID batch, AuditOperation operation, AuditDetail detail) {
        audit.record(access.actor(), AuditedObject.SCAN_BATCH, batch.toString(), operation, null, detail.encoded());
    }
}
