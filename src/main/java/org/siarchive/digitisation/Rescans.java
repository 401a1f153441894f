package org.siarchive.digitisation;

import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.siarchive.audit.AuditDetail;
import org.siarchive.audit.AuditOperation;
import org.siarchive.audit.AuditTrail;
import org.siarchive.audit.AuditedObject;
import org.siarchive.capture.Upload;
import org.siarchive.shared.Access;
import org.siarchive.shared.ConflictException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Rescan in place (重扫, docs/adr/0062): an item whose QC sample was rejected gets replacement pages. They
 * are stored like an upload ({@link RescanUploads}: written and synced before the rows commit), take the
 * item's next version and its place in the batch; the replaced pages stay, marked superseded, as the
 * record of what was rejected. The item returns to review, the batch to processing so the worker checks
 * (and reads) the new pages; the rejection and its note move into {@code scan_rescan}. Audited with the
 * change, in one transaction.
 */
@Component
public class Rescans {

    /** What a rescan did: the item's new version, how many pages it replaced and how many it brought. */
    public record Result(int version, int pagesBefore, int pagesAfter) {}

    /** A past rescan of an item, for its page: the rejection it answered. */
    public record Past(
            int version,
            @Nullable String rejectedNote,
            int rejectedPages,
            int newPages,
            String createdBy,
            OffsetDateTime createdAt) {}

    private record Target(int seq, String status, int version, @Nullable String sampleNote) {}

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final ScanBatches batches;
    private final RescanUploads uploads;
    private final AuditTrail audit;

    Rescans(JdbcClient jdbc, TransactionTemplate tx, ScanBatches batches, RescanUploads uploads, AuditTrail audit) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.batches = batches;
        this.uploads = uploads;
        this.audit = audit;
    }

    /**
     * Replaces the pages of a rejected item: the batch must await QC and the item a rescan (409 otherwise);
     * a refused upload writes nothing.
     */
    public Result rescan(UUID batch, UUID item, List<Upload> files, Access access) {
        var b = batches.progress(batch, access); // scope check: 404 outside
        var target = target(batch, item);
        requireRescan(b.status(), b.name(), target);
        int version = target.version() + 1;
        String sub = "rescan-%d-v%d-%s"
                .formatted(target.seq(), version, UUID.randomUUID().toString().substring(0, 8));
        Path dir = batches.dir(batch).resolve(sub);
        try {
            var pages = uploads.store(files, dir, b.name());
            PageFiles.syncDirectory(batches.dir(batch));
            return tx.execute(s -> replace(b, item, target, version, sub, pages, access));
        } catch (RuntimeException e) {
            PageFiles.deleteQuietly(dir);
            throw e;
        }
    }

    private Target target(UUID batch, UUID item) {
        return jdbc.sql("select seq, status, version, sample_note from scan_item where id = :i and batch_id = :b")
                .param("i", item)
                .param("b", batch)
                .query(Target.class)
                .optional()
                .orElseThrow(() -> new org.siarchive.shared.NotFoundException("SCAN_ITEM", item.toString()));
    }

    private static void requireRescan(String batchStatus, String batchName, Target t) {
        if (!batchStatus.equals("QC")) {
            throw new ConflictException("conflict.rescanBatchNotInQc", batchName);
        }
        if (!t.status().equals("RESCAN")) {
            throw new ConflictException("conflict.rescanNotRequested", Integer.toString(t.seq()));
        }
    }

    private Result replace(
            ScanBatches.Progress b,
            UUID item,
            Target seen,
            int version,
            String sub,
            List<ZipPages.StoredPage> pages,
            Access access) {
        var batchStatus = jdbc.sql("select status from scan_batch where id = :b for update")
                .param("b", b.id())
                .query(String.class)
                .single();
        var now = target(b.id(), item);
        requireRescan(batchStatus, b.name(), now);
        if (now.version() != seen.version()) { // a concurrent rescan of the same item won
            throw new ConflictException("conflict.rescanNotRequested", Integer.toString(now.seq()));
        }
        int before = jdbc.sql("update scan_page set superseded_at = now() where item_id = :i and superseded_at is null")
                .param("i", item)
                .update();
        insertPages(b.id(), item, version, sub, pages);
        recordHistory(item, version, now.sampleNote(), before, pages.size(), access);
        jdbc.sql(
                        """
                update scan_item set version = :v, status = 'PENDING', sample_result = null, sample_note = null,
                    missing_pages = 0 where id = :i
                """)
                .param("v", version)
                .param("i", item)
                .update();
        jdbc.sql(
                        """
                update scan_batch set status = 'PROCESSING', finished_at = null, pages_total =
                    (select count(*) from scan_page p where p.batch_id = :b and p.superseded_at is null)
                where id = :b
                """)
                .param("b", b.id())
                .update();
        audit.record(
                access.actor(),
                AuditedObject.SCAN_ITEM,
                item.toString(),
                AuditOperation.RESCAN,
                null,
                AuditDetail.of("audit.detail.rescan", now.seq(), before, pages.size(), version)
                        .encoded());
        return new Result(version, before, pages.size());
    }

    /** The new pages, numbered after the batch's last page; their item and version say where they belong. */
    private void insertPages(UUID batch, UUID item, int version, String sub, List<ZipPages.StoredPage> pages) {
        int last = jdbc.sql("select coalesce(max(seq), 0) from scan_page where batch_id = :b")
                .param("b", batch)
                .query(Integer.class)
                .single();
        for (var p : pages) {
            jdbc.sql(
                            """
                    insert into scan_page (batch_id, item_id, seq, source_name, path, sha256, status, version)
                    values (:batch, :item, :seq, :source, :path, :sha, 'PENDING', :v)
                    """)
                    .param("batch", batch)
                    .param("item", item)
                    .param("seq", ++last)
                    .param("source", p.sourceName())
                    .param("path", sub + "/" + p.path())
                    .param("sha", p.sha256())
                    .param("v", version)
                    .update();
        }
    }

    private void recordHistory(UUID item, int version, @Nullable String note, int before, int after, Access access) {
        jdbc.sql(
                        """
                insert into scan_rescan (item_id, version, rejected_note, rejected_pages, new_pages, created_by)
                values (:i, :v, :n, :before, :after, :by)
                """)
                .param("i", item)
                .param("v", version)
                .param("n", note)
                .param("before", before)
                .param("after", after)
                .param("by", access.actor().name())
                .update();
    }

    /** The item's past rescans, newest first (the item page shows them; its scope was checked there). */
    public List<Past> history(UUID item) {
        return jdbc.sql(
                        """
                select version, rejected_note, rejected_pages, new_pages, created_by, created_at
                from scan_rescan where item_id = :i order by version desc
                """)
                .param("i", item)
                .query(Past.class)
                .list();
    }

    /** Why a rescan was asked for: the note of the rejection the item waits on, if it waits on one. */
    public @Nullable String rejection(UUID item) {
        return jdbc.sql("select sample_note from scan_item where id = :i and status = 'RESCAN'")
                .param("i", item)
                .query(String.class)
                .optional()
                .orElse(null);
    }

    /** Whether any item of the batch was rescanned (its cover sheets were then split already). */
    static boolean rescanned(JdbcClient jdbc, UUID batch) {
        return jdbc.sql("select exists (select 1 from scan_page where batch_id = :b and version > 1)")
                .param("b", batch)
                .query(Boolean.class)
                .single();
    }
}
