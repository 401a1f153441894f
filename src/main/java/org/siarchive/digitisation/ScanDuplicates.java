package org.siarchive.digitisation;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.siarchive.audit.AuditDetail;
import org.siarchive.audit.AuditOperation;
import org.siarchive.audit.AuditTrail;
import org.siarchive.audit.AuditedObject;
import org.siarchive.catalog.Duplicates;
import org.siarchive.shared.Access;
import org.siarchive.shared.ConflictException;
import org.siarchive.shared.InvalidInputException;
import org.siarchive.shared.Violation;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A scanned item whose pages are byte for byte those of an item already filed ({@link Duplicates}, by SHA-256
 * of its pages), or repeat pages of another batch — the same bytes or the same sheet scanned again, filed
 * since or not ({@link RepeatedPages}, {@link PageRepeats}) — is a suspected duplicate. It is shown beside
 * what it repeats and waits for the archivist: file anyway, with a reason, or discard — both audited
 * (docs/adr/0035, 0063).
 */
@Component
class ScanDuplicates {

    /**
     * The item held that a scanned item repeats (null id: held outside the caller's scope, or only pages of
     * another batch not filed), the decision, and per page what it repeats.
     */
    record Suspicion(
            @Nullable UUID heldItemId,
            @Nullable String heldArchiveCode,
            @Nullable String decision,
            @Nullable String reason,
            List<Repeat> repeats) {

        public boolean undecided() {
            return decision == null;
        }
    }

    /**
     * Page {@code seq} of the item repeats: kind {@code DIGEST} (the same bytes) or {@code PHASH} (the same
     * sheet scanned again, {@code distance} bits of pHash apart); an earlier page of another batch in the
     * viewer's scope (batch and page), and/or a catalogue item — named by 档号 inside the viewer's scope,
     * {@code outsideScope} otherwise.
     */
    record Repeat(
            int seq,
            String kind,
            int distance,
            @Nullable UUID earlierBatchId,
            @Nullable String earlierBatchName,
            @Nullable Integer earlierSeq,
            @Nullable UUID heldItemId,
            @Nullable String heldArchiveCode,
            boolean outsideScope) {}

    private final Duplicates duplicates;
    private final PageRepeats pageRepeats;
    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final TransactionTemplate tx;

    ScanDuplicates(
            Duplicates duplicates, PageRepeats pageRepeats, JdbcClient jdbc, AuditTrail audit, TransactionTemplate tx) {
        this.duplicates = duplicates;
        this.pageRepeats = pageRepeats;
        this.jdbc = jdbc;
        this.audit = audit;
        this.tx = tx;
    }

    private record PageDigest(int seq, String sha256) {}

    /** The suspicion for a scanned item not yet filed (or filed anyway), none when its pages are new. */
    Optional<Suspicion> of(UUID scanItem, @Nullable UUID filedAs, Access access) {
        var pages = jdbc.sql(
                        "select seq, sha256 from scan_page where item_id = :i and status = 'DONE' and superseded_at is null order by seq")
                .param("i", scanItem)
                .query(PageDigest.class)
                .list();
        if (pages.isEmpty()) {
            return Optional.empty();
        }
        var repeats = new ArrayList<Repeat>();
        var all = pages.stream().map(PageDigest::sha256).toList();
        if (duplicates
                .find(new Duplicates.Probe(null, null, null, all), access.scope(), filedAs)
                .any()) {
            for (var p : pages) {
                var found = duplicates.find(
                        new Duplicates.Probe(null, null, null, List.of(p.sha256())), access.scope(), filedAs);
                for (var m : found.named()) {
                    repeats.add(new Repeat(p.seq(), "DIGEST", 0, null, null, null, m.itemId(), m.archiveCode(), false));
                }
                if (found.outsideScope() > 0) {
                    repeats.add(new Repeat(p.seq(), "DIGEST", 0, null, null, null, null, null, true));
                }
            }
        }
        for (var r : pageRepeats.of(scanItem, access)) {
            repeats.removeIf(d -> d.seq() == r.seq()
                    && d.earlierBatchId() == null
                    && java.util.Objects.equals(d.heldItemId(), r.heldItemId())
                    && d.outsideScope() == r.outsideScope());
            repeats.add(r);
        }
        if (repeats.isEmpty()) {
            return Optional.empty();
        }
        repeats.sort(java.util.Comparator.comparingInt(Repeat::seq));
        var decided = jdbc.sql("select duplicate_decision, duplicate_reason from scan_item where id = :i")
                .param("i", scanItem)
                .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2)})
                .single();
        var held = repeats.stream().filter(r -> r.heldItemId() != null).findFirst();
        return Optional.of(new Suspicion(
                held.map(Repeat::heldItemId).orElse(null),
                held.map(Repeat::heldArchiveCode).orElse(null),
                decided[0],
                decided[1],
                List.copyOf(repeats)));
    }

    /** Refuses to file a suspected duplicate the archivist has not decided to file. */
    static void requireDecided(int seq, Optional<Suspicion> suspicion) {
        if (suspicion.isPresent() && !"FILE".equals(suspicion.get().decision())) {
            var s = suspicion.get();
            var batchPage = s.repeats().stream()
                    .filter(r -> r.earlierBatchName() != null)
                    .findFirst();
            if (s.heldArchiveCode() == null && batchPage.isPresent()) {
                throw new ConflictException(
                        "conflict.suspectedRepeat",
                        Integer.toString(seq),
                        batchPage.get().earlierBatchName(),
                        String.valueOf(batchPage.get().earlierSeq()));
            }
            throw new ConflictException(
                    "conflict.suspectedDuplicate",
                    Integer.toString(seq),
                    s.heldArchiveCode() == null ? "（数据范围以外）" : s.heldArchiveCode());
        }
    }

    /** The archivist's decision: file anyway (a reason is required) or discard the scanned item. */
    void decide(UUID batch, ScanItems.ItemView item, boolean file, @Nullable String reason, Access access) {
        var suspicion = item.duplicate();
        if (suspicion == null
                || item.status().equals("CONFIRMED")
                || item.status().equals("DISCARDED")) {
            throw new ConflictException("conflict.duplicateNotSuspected", Integer.toString(item.seq()));
        }
        String r = reason == null ? "" : reason.strip();
        if ((file && r.isEmpty()) || r.length() > 500) {
            throw new InvalidInputException(Violation.of("reason", r.isEmpty() ? "required" : "maxLength", 500));
        }
        tx.executeWithoutResult(s -> {
            jdbc.sql(
                            """
                    update scan_item set duplicate_decision = :d, duplicate_reason = :r,
                        status = case when :d = 'DISCARD' then 'DISCARDED' else status end
                    where id = :id
                    """)
                    .param("d", file ? "FILE" : "DISCARD")
                    .param("r", r.isEmpty() ? null : r)
                    .param("id", item.id())
                    .update();
            audit.record(
                    access.actor(),
                    AuditedObject.SCAN_ITEM,
                    item.id().toString(),
                    file ? AuditOperation.DUPLICATE_FILE : AuditOperation.DUPLICATE_DISCARD,
                    r.isEmpty() ? null : r,
                    detail(batch, item.seq(), suspicion).encoded());
        });
    }

    /** What the decided item repeats, for the audit entry: the 档号, an earlier batch's page, or "outside scope". */
    private static AuditDetail detail(UUID batch, int seq, Suspicion s) {
        var batchPage =
                s.repeats().stream().filter(r -> r.earlierBatchName() != null).findFirst();
        if (s.heldArchiveCode() == null && batchPage.isPresent()) {
            return AuditDetail.of(
                    "audit.detail.repeatOf",
                    batch,
                    seq,
                    batchPage.get().earlierBatchName(),
                    batchPage.get().earlierSeq());
        }
        return AuditDetail.of(
                "audit.detail.duplicateOf",
                batch,
                seq,
                s.heldArchiveCode() == null ? AuditDetail.label("audit.detail.outsideScope") : s.heldArchiveCode());
    }
}
