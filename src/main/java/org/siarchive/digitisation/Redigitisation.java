package org.siarchive.digitisation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.siarchive.audit.AuditDetail;
import org.siarchive.audit.AuditOperation;
import org.siarchive.audit.AuditTrail;
import org.siarchive.audit.AuditedObject;
import org.siarchive.catalog.ArchiveCodeInput;
import org.siarchive.catalog.ArchiveCodeLookup;
import org.siarchive.catalog.Catalog;
import org.siarchive.catalog.ItemRecord;
import org.siarchive.catalog.ItemSidecar;
import org.siarchive.catalog.Renditions;
import org.siarchive.preservation.Digester;
import org.siarchive.preservation.Preservation;
import org.siarchive.preservation.StoredFile;
import org.siarchive.shared.Access;
import org.siarchive.shared.ConflictException;
import org.siarchive.shared.InvalidInputException;
import org.siarchive.shared.Violation;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Re-digitisation of catalogued paper (docs/adr/0062): a scanned item whose manifest line names an existing
 * 档号 is not captured as a new item. On confirmation the 档号 is looked up in the confirmer's scope (unknown,
 * outside it or ambiguous: a 422 on {@code archiveCode}, nothing written), the current pages are written
 * into a new version of that item's object under {@code digitised/<scan item>/} and registered as its
 * copies ({@link Renditions#addPages}, so the fixity sweeps check them), the scan item is confirmed onto it
 * and audited, and for an OCR batch search reads the item again ({@link RecognisedTextFiled}) and the
 * searchable PDF follows on the OCR workers ({@link AccessCopies}), the same paths a new scan takes.
 */
@Component
public class Redigitisation {

    /** The form field a manifest's 档号 is reported on. */
    static final String FIELD = "archiveCode";

    private record Page(String path, int seq) {}

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final ScanBatches batches;
    private final ArchiveCodeLookup lookup;
    private final Catalog catalog;
    private final Preservation preservation;
    private final ItemSidecar sidecar;
    private final Renditions renditions;
    private final AuditTrail audit;
    private final AccessCopies accessCopies;
    private final ApplicationEventPublisher events;

    Redigitisation(
            JdbcClient jdbc,
            TransactionTemplate tx,
            ScanBatches batches,
            ArchiveCodeLookup lookup,
            Catalog catalog,
            Preservation preservation,
            ItemSidecar sidecar,
            Renditions renditions,
            AuditTrail audit,
            AccessCopies accessCopies,
            ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.batches = batches;
        this.lookup = lookup;
        this.catalog = catalog;
        this.preservation = preservation;
        this.sidecar = sidecar;
        this.renditions = renditions;
        this.audit = audit;
        this.accessCopies = accessCopies;
        this.events = events;
    }

    /** The 档号 a scanned item's manifest line named, if any (the item page shows it). */
    public @Nullable String codeOf(UUID scanItem) {
        return archiveCode(scanItem).orElse(null);
    }

    Optional<String> archiveCode(UUID scanItem) {
        return jdbc.sql("select archive_code from scan_item where id = :i")
                .param("i", scanItem)
                .query(String.class)
                .optional();
    }

    /** Attaches the item's current pages to the catalogue item its 档号 names; answers that item's id. */
    UUID file(ScanBatches.Progress batch, ScanItems.ItemView it, String code, Access access) {
        ItemFiling.requireOpen(it);
        var target = resolve(code, access);
        var pages = pages(it);
        var files = new ArrayList<StoredFile>();
        var copies = new ArrayList<Renditions.Page>();
        Path dir = batches.dir(batch.id());
        for (int i = 0; i < pages.size(); i++) {
            String stored = pages.get(i).path();
            String logical =
                    "digitised/%s/page-%03d%s".formatted(it.id(), i + 1, stored.substring(stored.lastIndexOf('.')));
            files.add(new StoredFile(logical, dir.resolve(stored)));
            copies.add(copy(logical, dir.resolve(stored)));
        }
        int version = preservation.writeVersion(
                target.objectId(),
                files,
                sidecar.write(target),
                "digitised copy " + target.archiveCode(),
                access.actor().name());
        tx.executeWithoutResult(s -> record(batch, it, target, copies, version, access));
        if (batch.ocr()) {
            accessCopies.make(
                    target.id(), files.stream().map(StoredFile::source).toList());
        }
        return target.id();
    }

    /** The one preserved item the 档号 names within the confirmer's scope; anything else is a field error. */
    private ItemRecord resolve(String code, Access access) {
        UUID id = lookup.resolveOne(List.of(code), access.scope(), FIELD).get(0);
        var item = catalog.requireItem(id, access.scope());
        if (!ArchiveCodeInput.same(item.archiveCode(), code)) {
            throw new InvalidInputException(Violation.of(FIELD, "unknownArchiveCode", code));
        }
        if (!item.preserved()) {
            throw new InvalidInputException(Violation.of(FIELD, "redigitiseNotPreserved", item.archiveCode()));
        }
        return item;
    }

    private List<Page> pages(ScanItems.ItemView it) {
        var pages = jdbc.sql(
                        """
                select path, seq from scan_page
                where item_id = :i and status = 'DONE' and superseded_at is null order by seq
                """)
                .param("i", it.id())
                .query(Page.class)
                .list();
        if (pages.isEmpty()) {
            throw new ConflictException("conflict.noPages", Integer.toString(it.seq()));
        }
        return pages;
    }

    private static Renditions.Page copy(String logical, Path file) {
        try {
            var f = Digester.of(file);
            return new Renditions.Page(logical, f.size(), f.sm3(), f.sha256());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** In one transaction: the copies registered, the scan item confirmed onto the item, audit, event. */
    private void record(
            ScanBatches.Progress batch,
            ScanItems.ItemView it,
            ItemRecord target,
            List<Renditions.Page> copies,
            int version,
            Access access) {
        int confirmed = jdbc.sql(
                        """
                update scan_item set status = 'CONFIRMED', item_id = :item, confirmed_by = :by
                where id = :id and status = 'PENDING'
                """)
                .param("item", target.id())
                .param("by", access.actor().name())
                .param("id", it.id())
                .update();
        if (confirmed != 1) {
            throw new ConflictException("conflict.alreadyConfirmed", Integer.toString(it.seq()));
        }
        renditions.addPages(target.id(), copies, version, target.archiveCode(), access.actor());
        audit.record(
                access.actor(),
                AuditedObject.SCAN_ITEM,
                it.id().toString(),
                AuditOperation.CONFIRM,
                null,
                AuditDetail.of("audit.detail.redigitised", target.archiveCode(), copies.size(), version)
                        .encoded());
        if (batch.ocr()) {
            events.publishEvent(new RecognisedTextFiled(target.id(), it.id(), batch.id()));
        }
    }
}
