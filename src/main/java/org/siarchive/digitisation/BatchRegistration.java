package org.siarchive.digitisation;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.siarchive.audit.AuditDetail;
import org.siarchive.audit.AuditOperation;
import org.siarchive.audit.AuditTrail;
import org.siarchive.audit.AuditedObject;
import org.siarchive.crypto.FieldCipher;
import org.siarchive.shared.Access;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Batch registration: the rows of a batch whose pages are stored and synced — the batch (processing), its
 * items from the manifest (or one item to be split at cover sheets), its pages (pending) — and the audit
 * entry, in the caller's transaction. The background worker picks the pending pages up from here.
 */
@Component
class BatchRegistration {

    /** A batch as the uploader described it; {@code split} is {@code MANIFEST} or {@code COVER}. */
    record NewBatch(UUID id, String name, String fondsCode, boolean ocr, int samplePercent, String split) {

        boolean byManifest() {
            return split.equals("MANIFEST");
        }
    }

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final FieldCipher cipher;

    BatchRegistration(JdbcClient jdbc, AuditTrail audit, FieldCipher cipher) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.cipher = cipher;
    }

    void register(NewBatch batch, List<ZipPages.StoredPage> pages, List<Manifest.Item> items, Access access) {
        insertBatch(batch, pages.size(), access);
        var itemIds = insertItems(batch, items);
        insertPages(batch.id(), pages, items, itemIds);
        audit.record(
                access.actor(),
                AuditedObject.SCAN_BATCH,
                batch.id().toString(),
                AuditOperation.CREATE,
                null,
                AuditDetail.of(
                                "audit.detail.batchCreated",
                                batch.name(),
                                pages.size(),
                                items.size(),
                                batch.fondsCode(),
                                batch.ocr() ? AuditDetail.label("audit.detail.withOcr") : "")
                        .encoded());
    }

    private void insertBatch(NewBatch batch, int pageCount, Access access) {
        jdbc.sql(
                        """
                insert into scan_batch (id, name, fonds_code, org_path, ocr, sample_percent, status, pages_total, created_by, split)
                values (:id, :name, :fonds, :org, :ocr, :sample, 'PROCESSING', :total, :by, :split)
                """)
                .param("split", batch.split())
                .param("id", batch.id())
                .param("name", batch.name())
                .param("fonds", batch.fondsCode())
                .param("org", access.scope().orgPath())
                .param("ocr", batch.ocr())
                .param("sample", batch.samplePercent())
                .param("total", pageCount)
                .param("by", access.actor().name())
                .update();
    }

    private List<UUID> insertItems(NewBatch batch, List<Manifest.Item> items) {
        var itemIds = new ArrayList<UUID>();
        int seq = 0;
        for (var it : items) {
            UUID itemId = UUID.randomUUID();
            itemIds.add(itemId);
            jdbc.sql(
                            """
                    insert into scan_item (id, batch_id, seq, business_step, cert_no_enc, person_name, title, acceptance_no,
                        expected_pages, status, archive_code)
                    values (:id, :batch, :seq, :step, :cert, :name, :title, :acceptanceNo, :expected, 'PENDING', :code)
                    """)
                    .param("id", itemId)
                    .param("batch", batch.id())
                    .param("seq", ++seq)
                    .param("step", it.step())
                    .param("cert", cipher.encrypt(it.certNo(), ScanBatches.CERT_CONTEXT))
                    .param("name", it.name())
                    .param("title", it.title())
                    .param("acceptanceNo", it.acceptanceNo())
                    .param("expected", batch.byManifest() ? it.to() - it.from() + 1 : null)
                    .param("code", it.archiveCode())
                    .update();
        }
        return itemIds;
    }

    private void insertPages(
            UUID batch, List<ZipPages.StoredPage> pages, List<Manifest.Item> items, List<UUID> itemIds) {
        for (int i = 0; i < pages.size(); i++) {
            int page = i + 1;
            var stored = pages.get(i);
            jdbc.sql(
                            """
                    insert into scan_page (batch_id, item_id, seq, source_name, path, sha256, status)
                    values (:batch, :item, :seq, :source, :path, :sha, 'PENDING')
                    """)
                    .param("batch", batch)
                    .param("item", itemOf(page, items, itemIds))
                    .param("seq", page)
                    .param("source", stored.sourceName())
                    .param("path", stored.path())
                    .param("sha", stored.sha256())
                    .update();
        }
    }

    /** The item whose page range holds the page (the last such line wins), none when no line names it. */
    private static @Nullable UUID itemOf(int page, List<Manifest.Item> items, List<UUID> itemIds) {
        UUID itemId = null;
        for (int k = 0; k < items.size(); k++) {
            if (page >= items.get(k).from() && page <= items.get(k).to()) {
                itemId = itemIds.get(k);
            }
        }
        return itemId;
    }
}
