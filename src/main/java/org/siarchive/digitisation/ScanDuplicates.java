package org.siarchive.digitisation;

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
 * A scanned item whose pages are byte for byte those of an item already filed is a suspected duplicate
 * ({@link Duplicates}, by SHA-256 of its pages). It is shown beside the item held and waits for the
 * archivist: file anyway, with a reason, or discard — both audited (docs/adr/0035).
 */
@Component
class ScanDuplicates {

    /** The item held that a scanned item repeats (null id: held outside the caller's scope), and the decision. */
    record Suspicion(
            @Nullable UUID heldItemId,
            @Nullable String heldArchiveCode,
            @Nullable String decision,
            @Nullable String reason) {

        public boolean undecided() {
            return decision == null;
        }
    }

    private final Duplicates duplicates;
    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final TransactionTemplate tx;

    ScanDuplicates(Duplicates duplicates, JdbcClient jdbc, AuditTrail audit, TransactionTemplate tx) {
        this.duplicates = duplicates;
        this.jdbc = jdbc;
        this.audit = audit;
        this.tx = tx;
    }

    /** The suspicion for a scanned item not yet filed (or filed anyway), none when its pages are new. */
    Optional<Suspicion> of(UUID scanItem, @Nullable UUID filedAs, Access access) {
        var pages = jdbc.sql("select sha256 from scan_page where item_id = :i and status = 'DONE'")
                .param("i", scanItem)
                .query(String.class)
                .list();
        if (pages.isEmpty()) {
            return Optional.empty();
        }
        var found = duplicates.find(new Duplicates.Probe(null, null, null, pages), access.scope(), filedAs);
        if (!found.any()) {
            return Optional.empty();
        }
        var decided = jdbc.sql("select duplicate_decision, duplicate_reason from scan_item where id = :i")
                .param("i", scanItem)
                .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2)})
                .single();
        var held = found.named().isEmpty() ? null : found.named().get(0);
        return Optional.of(new Suspicion(
                held == null ? null : held.itemId(), held == null ? null : held.archiveCode(), decided[0], decided[1]));
    }

    /** Refuses to file a suspected duplicate the archivist has not decided to file. */
    static void requireDecided(int seq, Optional<Suspicion> suspicion) {
        if (suspicion.isPresent() && !"FILE".equals(suspicion.get().decision())) {
            var s = suspicion.get();
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
                    AuditDetail.of(
                                    "audit.detail.duplicateOf",
                                    batch,
                                    item.seq(),
                                    suspicion.heldArchiveCode() == null
                                            ? AuditDetail.label("audit.detail.outsideScope")
                                            : suspicion.heldArchiveCode())
                            .encoded());
        });
    }
}
