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
import org.siarchive.crypto.Masks;
import org.siarchive.shared.Access;
import org.siarchive.shared.ConflictException;
import org.siarchive.shared.InvalidInputException;
import org.siarchive.shared.NotFoundException;
import org.siarchive.shared.Violation;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The archivist's side of a batch (quality review): the items with their pages, flags and suggestions; the
 * QC sample (pass, or reject with a rescan request); suspected duplicates; confirming an item's
 * classification, which files it into the catalogue ({@link ItemFiling}); and the batch decision by
 * DA/T 31's acceptance rule ({@link BatchAcceptance}).
 */
@Component
public class ScanItems {

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final ScanBatches batches;
    private final FieldCipher cipher;
    private final AuditTrail audit;
    private final ScanDuplicates duplicates;
    private final ItemFiling filing;
    private final BatchAcceptance acceptance;
    private final Redigitisation redigitisation;

    ScanItems(
            JdbcClient jdbc,
            TransactionTemplate tx,
            ScanBatches batches,
            FieldCipher cipher,
            AuditTrail audit,
            ScanDuplicates duplicates,
            ItemFiling filing,
            BatchAcceptance acceptance,
            Redigitisation redigitisation) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.batches = batches;
        this.cipher = cipher;
        this.audit = audit;
        this.duplicates = duplicates;
        this.filing = filing;
        this.acceptance = acceptance;
        this.redigitisation = redigitisation;
    }

    /** A page as the QC view shows it. */
    public record PageView(
            int seq,
            String sourceName,
            @Nullable Integer dpi,
            @Nullable String colourMode,
            @Nullable Float skew,
            String flags,
            String status,
            @Nullable Float ocrConfidence,
            @Nullable Integer ocrLowConfidence) {}

    /** An item of a batch, personal data masked. */
    public record ItemView(
            UUID id,
            int seq,
            @Nullable String businessStep,
            @Nullable String certNoMasked,
            @Nullable String personName,
            @Nullable String title,
            @Nullable Integer expectedPages,
            int missingPages,
            @Nullable String suggestedStep,
            @Nullable Float suggestionConfidence,
            boolean sampled,
            @Nullable String sampleResult,
            String status,
            @Nullable UUID itemId,
            @Nullable String coverCode,
            List<PageView> pages,
            ScanDuplicates.@Nullable Suspicion duplicate) {

        public boolean flagged() {
            return missingPages > 0
                    || pages.stream()
                            .anyMatch(p -> !p.flags().isEmpty() || p.status().equals("ERROR"));
        }
    }

    public List<ItemView> items(UUID batch, Access access) {
        batches.progress(batch, access); // scope check: 404 outside
        var rows = jdbc.sql(
                        """
                select id, seq, business_step, cert_no_enc, person_name, title, expected_pages, missing_pages, suggested_step,
                       suggestion_confidence, sampled, sample_result, status, item_id, cover_code
                from scan_item where batch_id = :b order by seq
                """)
                .param("b", batch)
                .query((rs, n) -> new Object[] {
                    rs.getObject("id", UUID.class),
                    rs.getInt("seq"),
                    rs.getString("business_step"),
                    rs.getBytes("cert_no_enc"),
                    rs.getString("person_name"),
                    rs.getString("title"),
                    (Integer) rs.getObject("expected_pages"),
                    rs.getInt("missing_pages"),
                    rs.getString("suggested_step"),
                    (Float) rs.getObject("suggestion_confidence"),
                    rs.getBoolean("sampled"),
                    rs.getString("sample_result"),
                    rs.getString("status"),
                    rs.getObject("item_id", UUID.class),
                    rs.getString("cover_code")
                })
                .list();
        var out = new ArrayList<ItemView>();
        for (Object[] r : rows) {
            UUID id = (UUID) r[0];
            var pages = jdbc.sql(
                            """
                    select seq, source_name, dpi, colour_mode, skew, flags, status, ocr_confidence, ocr_low_confidence
                    from scan_page where item_id = :i and superseded_at is null order by seq
                    """)
                    .param("i", id)
                    .query(PageView.class)
                    .list();
            out.add(new ItemView(
                    id,
                    (Integer) r[1],
                    (String) r[2],
                    Masks.idNumber(cipher.decrypt((byte[]) r[3], ScanBatches.CERT_CONTEXT)),
                    (String) r[4],
                    (String) r[5],
                    (Integer) r[6],
                    (Integer) r[7],
                    (String) r[8],
                    (Float) r[9],
                    (Boolean) r[10],
                    (String) r[11],
                    (String) r[12],
                    (UUID) r[13],
                    (String) r[14],
                    pages,
                    duplicates.of(id, (UUID) r[13], access).orElse(null)));
        }
        return out;
    }

    public ItemView item(UUID batch, UUID item, Access access) {
        return items(batch, access).stream()
                .filter(i -> i.id().equals(item))
                .findFirst()
                .orElseThrow(() -> new NotFoundException("SCAN_ITEM", item.toString()));
    }

    /** A sampled item passes or is rejected (with a note; a rejected item waits for a rescan). */
    public void review(UUID batch, UUID item, boolean pass, @Nullable String note, Access access) {
        var it = item(batch, item, access);
        if (!it.sampled()) {
            throw new ConflictException("conflict.notSampled", Integer.toString(it.seq()));
        }
        if (!pass && (note == null || note.isBlank())) {
            throw new InvalidInputException(Violation.of("note", "required"));
        }
        tx.executeWithoutResult(s -> {
            jdbc.sql("update scan_item set sample_result = :r, sample_note = :n, status = :st where id = :id")
                    .param("r", pass ? "PASS" : "REJECT")
                    .param("n", note == null ? null : note.strip())
                    .param("st", pass ? it.status() : "RESCAN")
                    .param("id", item)
                    .update();
            audit.record(
                    access.actor(),
                    AuditedObject.SCAN_ITEM,
                    item.toString(),
                    pass ? AuditOperation.QC_PASS : AuditOperation.QC_REJECT,
                    note,
                    AuditDetail.of("audit.detail.batch", batch).encoded());
        });
    }

    /**
     * Confirms the classification and captures the item: the pages become its files (in page order), the
     * step chosen by the archivist (the suggestion, or a correction that is remembered for next time). An
     * item whose manifest line named an existing 档号 is attached to that item instead ({@link Redigitisation};
     * the step and metadata are the item's own then).
     */
    public UUID confirm(
            UUID batch,
            UUID item,
            String step,
            @Nullable String certNo,
            @Nullable String name,
            String title,
            String docDate,
            Access access) {
        var b = batches.progress(batch, access);
        var it = item(batch, item, access);
        var code = redigitisation.archiveCode(item);
        if (code.isPresent()) {
            return redigitisation.file(b, it, code.get(), access);
        }
        return filing.file(b, it, new ItemFiling.Confirmation(step, certNo, name, title, docDate), access);
    }

    /** A suspected duplicate is filed anyway (with a reason) or discarded; see {@link ScanDuplicates}. */
    public void decideDuplicate(UUID batch, UUID item, boolean file, @Nullable String reason, Access access) {
        duplicates.decide(batch, item(batch, item, access), file, reason, access);
    }

    /**
     * DA/T 31 acceptance: every automatic check passed (no flagged page, no missing page) and every
     * sampled item reviewed and at least 95 % of them passed. Otherwise the batch is rejected; either way
     * {@link ScanBatchDecided} is published with the decision.
     */
    public String decide(UUID batch, Access access) {
        var b = batches.progress(batch, access);
        return acceptance.decide(b, items(batch, access), access).name();
    }
}
