package org.siarchive.digitisation;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.siarchive.audit.AuditDetail;
import org.siarchive.audit.AuditOperation;
import org.siarchive.audit.AuditTrail;
import org.siarchive.audit.AuditedObject;
import org.siarchive.capture.Captures;
import org.siarchive.capture.Upload;
import org.siarchive.catalog.Catalog;
import org.siarchive.catalog.Classification;
import org.siarchive.catalog.ItemRecord;
import org.siarchive.crypto.FieldCipher;
import org.siarchive.quality.Submission;
import org.siarchive.shared.Access;
import org.siarchive.shared.ConflictException;
import org.siarchive.shared.InvalidInputException;
import org.siarchive.shared.ReadableTime;
import org.siarchive.shared.Violation;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Confirming into the catalogue (挂接, DA/T 31-2017): the archivist's classification of a scanned item is
 * checked, the item is captured through the ordinary capture path (page i files the step's i-th material,
 * files named by 档号 and page number there), the confirmation is recorded with the step feedback and
 * the audit entry, and for an OCR batch {@link RecognisedTextFiled} tells search that the item's text is
 * now there; the double-layer access copy follows on the OCR workers.
 */
@Component
class ItemFiling {

    /** What the archivist confirms: the step (the suggestion or a correction) and the item's metadata. */
    record Confirmation(String step, @Nullable String certNo, @Nullable String name, String title, String docDate) {}

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final ScanBatches batches;
    private final FieldCipher cipher;
    private final Captures captures;
    private final Catalog catalog;
    private final AuditTrail audit;
    private final AccessCopies accessCopies;
    private final ReadableTime time;
    private final ApplicationEventPublisher events;
    private final ScanFilingMetadata metadata;

    ItemFiling(
            JdbcClient jdbc,
            TransactionTemplate tx,
            ScanBatches batches,
            FieldCipher cipher,
            Captures captures,
            Catalog catalog,
            AuditTrail audit,
            AccessCopies accessCopies,
            ReadableTime time,
            ApplicationEventPublisher events,
            ScanFilingMetadata metadata) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.batches = batches;
        this.cipher = cipher;
        this.captures = captures;
        this.catalog = catalog;
        this.audit = audit;
        this.accessCopies = accessCopies;
        this.time = time;
        this.events = events;
        this.metadata = metadata;
    }

    UUID file(ScanBatches.Progress batch, ScanItems.ItemView it, Confirmation c, Access access) {
        requireOpen(it);
        var step = requireStep(c.step());
        String cert = certNo(it.id(), c.certNo());
        var pages = pages(it);
        var filed = metadata.of(batch.fondsCode(), it, step, c.title(), c.docDate(), access.actor());
        var submission = submission(batch, step, c, filed, cert, pages.size());
        var captured = captures.capture(submission, uploads(batch.id(), pages), "scan-" + it.id(), access)
                .item();
        tx.executeWithoutResult(s -> recordConfirmation(batch, it, c.step(), captured, access));
        if (batch.ocr()) {
            accessCopies.make(
                    captured.id(),
                    pages.stream().map(p -> batches.dir(batch.id()).resolve(p)).toList());
        }
        return captured.id();
    }

    /** Only a pending item is filed, and a suspected duplicate only once the archivist chose to file it. */
    static void requireOpen(ScanItems.ItemView it) {
        String seq = Integer.toString(it.seq());
        switch (it.status()) {
            case "CONFIRMED" -> throw new ConflictException("conflict.alreadyConfirmed", seq);
            case "RESCAN" -> throw new ConflictException("conflict.rescanRequested", seq);
            case "DISCARDED" -> throw new ConflictException("conflict.itemDiscarded", seq);
            default -> ScanDuplicates.requireDecided(it.seq(), java.util.Optional.ofNullable(it.duplicate()));
        }
    }

    private Classification.Step requireStep(String step) {
        var stepInfo = catalog.classification().step(step);
        if (stepInfo == null) {
            throw new InvalidInputException(Violation.of("businessStep", "codeTable", step));
        }
        return stepInfo;
    }

    /** The ID number typed by the archivist, or (when left masked or empty) the one stored for the item. */
    private @Nullable String certNo(UUID item, @Nullable String typed) {
        if (typed != null && !typed.isBlank() && !typed.contains("*")) {
            return typed.strip();
        }
        return cipher.decrypt(
                jdbc.sql("select cert_no_enc from scan_item where id = :id")
                        .param("id", item)
                        .query(byte[].class)
                        .single(),
                ScanBatches.CERT_CONTEXT);
    }

    /** The stored file names of the item's processed pages, in page order; none is a conflict. */
    private List<String> pages(ScanItems.ItemView it) {
        var pages = jdbc.sql(
                        "select path from scan_page where item_id = :i and status = 'DONE' and superseded_at is null order by seq")
                .param("i", it.id())
                .query(String.class)
                .list();
        if (pages.isEmpty()) {
            throw new ConflictException("conflict.noPages", Integer.toString(it.seq()));
        }
        return pages;
    }

    private List<Upload> uploads(UUID batch, List<String> pages) {
        var uploads = new ArrayList<Upload>();
        for (int i = 0; i < pages.size(); i++) {
            var path = batches.dir(batch).resolve(pages.get(i));
            String ext = pages.get(i).substring(pages.get(i).lastIndexOf('.'));
            uploads.add(new Upload("page-%03d%s".formatted(i + 1, ext), () -> Files.newInputStream(path)));
        }
        return uploads;
    }

    /** Page i files the i-th material of the step (the last one for further pages). */
    private static List<Submission.Material> materials(Classification.Step step, int pageCount) {
        var stepMaterials = step.materials();
        var materials = new ArrayList<Submission.Material>();
        for (int i = 0; i < pageCount; i++) {
            materials.add(new Submission.Material(
                    stepMaterials.get(Math.min(i, stepMaterials.size() - 1)).code()));
        }
        return materials;
    }

    private Submission submission(
            ScanBatches.Progress batch,
            Classification.Step step,
            Confirmation c,
            ScanFilingMetadata.Filed filed,
            @Nullable String cert,
            int pageCount) {
        boolean person = !"EMPLOYER".equals(step.subject());
        return new Submission(
                batch.fondsCode(),
                filed.acceptanceNo(),
                c.step(),
                null,
                filed.title(),
                filed.agency(),
                c.docDate(),
                null,
                "2",
                person && cert != null ? new Submission.Person("01", cert, c.name() == null ? "" : c.name()) : null,
                null,
                filed.handler(),
                filed.agency(),
                time.now().toOffsetDateTime().withNano(0).toString(),
                materials(step, pageCount));
    }

    /** In one transaction: the item confirmed, the step remembered for its form title, audit, event. */
    private void recordConfirmation(
            ScanBatches.Progress batch, ScanItems.ItemView it, String step, ItemRecord captured, Access access) {
        jdbc.sql(
                        "update scan_item set status = 'CONFIRMED', business_step = :step, item_id = :item, confirmed_by = :by where id = :id")
                .param("step", step)
                .param("item", captured.id())
                .param("by", access.actor().name())
                .param("id", it.id())
                .update();
        rememberStep(it.title(), step);
        audit.record(
                access.actor(),
                AuditedObject.SCAN_ITEM,
                it.id().toString(),
                AuditOperation.CONFIRM,
                null,
                AuditDetail.of(
                                step.equals(it.suggestedStep())
                                        ? "audit.detail.filedAsSuggested"
                                        : "audit.detail.filedOtherwise",
                                step,
                                it.suggestedStep(),
                                captured.archiveCode())
                        .encoded());
        if (batch.ocr()) {
            events.publishEvent(new RecognisedTextFiled(captured.id(), it.id(), batch.id()));
        }
    }

    /** Confirmations are counted per form title and weigh in on later suggestions. */
    private void rememberStep(@Nullable String title, String step) {
        if (title == null) {
            return;
        }
        jdbc.sql(
                        """
                insert into step_feedback (title, step_code, confirmed) values (:t, :s, 1)
                on conflict (title, step_code) do update set confirmed = step_feedback.confirmed + 1
                """)
                .param("t", title.length() > 200 ? title.substring(0, 200) : title)
                .param("s", step)
                .update();
    }
}
