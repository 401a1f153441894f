package org.siarchive.disposition;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.siarchive.audit.AuditDetail;
import org.siarchive.audit.AuditOperation;
import org.siarchive.audit.AuditTrail;
import org.siarchive.audit.AuditedObject;
import org.siarchive.catalog.AppraisalFacts;
import org.siarchive.catalog.Catalog;
import org.siarchive.shared.Access;
import org.siarchive.shared.ConflictException;
import org.siarchive.shared.InvalidInputException;
import org.siarchive.shared.NotFoundException;
import org.siarchive.shared.ReadableTime;
import org.siarchive.shared.Violation;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Appraisal batches (鉴定批次): proposed by an archivist from items of one fonds whose fixed term has ended
 * (never 永久, never destroyed, never in another open batch), at most {@value #MAX_ITEMS} items. The one
 * scope check of batches is {@link #batch(long, Access)}: a batch of a fonds outside the caller's scope is
 * 404. The group's work is {@link AppraisalWork}; approval and extensions are {@link AppraisalApproval}.
 */
@Component
public class AppraisalBatches {

    public static final int MAX_ITEMS = 10_000;

    public record Batch(
            long id,
            String batchNo,
            long fondsId,
            String title,
            BatchState state,
            String proposedBy,
            OffsetDateTime proposedAt,
            @Nullable OffsetDateTime appraisedAt,
            @Nullable String approvedBy,
            @Nullable OffsetDateTime approvedAt,
            @Nullable String approvalOpinion,
            @Nullable String returnedReason,
            @Nullable OffsetDateTime completedAt,
            int items) {}

    public record Member(int seq, GroupRole role, @Nullable String login, String name, @Nullable String unit) {}

    public record Item(
            UUID itemId,
            String archiveCode,
            @Nullable String retentionCode,
            @Nullable LocalDate originalEnd,
            @Nullable Decision decision,
            @Nullable String newRetentionCode,
            @Nullable String reason,
            @Nullable OffsetDateTime executedAt) {}

    public record Opinion(
            int memberSeq,
            @Nullable UUID itemId,
            @Nullable String archiveCode,
            Verdict verdict,
            @Nullable String text,
            String recordedBy,
            OffsetDateTime recordedAt) {}

    /** A proposal: named items, or every due item by a date (optionally one fonds, one category). */
    public record NewBatch(
            @Nullable String title,
            @Nullable List<UUID> itemIds,
            @Nullable LocalDate by,
            @Nullable String fonds,
            @Nullable String category) {}

    private final BatchRows rows;
    private final AppraisalFacts facts;
    private final Catalog catalog;
    private final AuditTrail audit;
    private final ReadableTime time;

    AppraisalBatches(BatchRows rows, AppraisalFacts facts, Catalog catalog, AuditTrail audit, ReadableTime time) {
        this.rows = rows;
        this.facts = facts;
        this.catalog = catalog;
        this.audit = audit;
        this.time = time;
    }

    @Transactional
    public Batch propose(NewBatch form, Access access) {
        String title = form.title() == null ? "" : form.title().strip();
        var v = new ArrayList<Violation>();
        if (title.isEmpty() || title.length() > 200) {
            v.add(Violation.of("title", title.isEmpty() ? "required" : "maxLength", 200));
        }
        boolean named = form.itemIds() != null && !form.itemIds().isEmpty();
        if (named && form.itemIds().stream().anyMatch(java.util.Objects::isNull)) {
            v.add(Violation.of("itemId", "required"));
        }
        if (!named && form.by() == null) {
            v.add(Violation.of("itemId", "required"));
        }
        if (!v.isEmpty()) {
            throw new InvalidInputException(v);
        }
        List<UUID> ids = named
                ? List.copyOf(new LinkedHashSet<>(form.itemIds()))
                : facts.due(form.by(), blank(form.fonds()), blank(form.category()), access.scope(), MAX_ITEMS + 1);
        if (ids.isEmpty()) {
            throw new InvalidInputException(AppraisalWork.rule("by", "noneDue"));
        }
        if (ids.size() > MAX_ITEMS) {
            throw new InvalidInputException(AppraisalWork.rule(named ? "itemId" : "by", "maxItems", MAX_ITEMS));
        }
        var found = facts.facts(ids, access.scope());
        if (found.size() < ids.size()) {
            var known = found.stream().map(AppraisalFacts.Fact::id).collect(java.util.stream.Collectors.toSet());
            throw new NotFoundException(
                    "ITEM",
                    ids.stream()
                            .filter(id -> !known.contains(id))
                            .findFirst()
                            .orElseThrow()
                            .toString());
        }
        LocalDate today = time.date(catalog.now());
        requireAppraisable(found, today);
        rows.firstOpen(ids).ifPresent(open -> {
            throw new ConflictException("disposition.batch.conflict.inOpenBatch", open[0], open[1]);
        });
        long fondsId = found.get(0).fondsId();
        String no = rows.nextNumber(fondsId, facts.fondsCode(fondsId).orElseThrow(), today.getYear());
        long id = rows.insert(no, fondsId, title, access.actor().name());
        try {
            rows.insertItems(id, found);
        } catch (DuplicateKeyException e) {
            throw new ConflictException("disposition.batch.conflict.inOpenBatch", "", "");
        }
        audit.record(
                access.actor(),
                AuditedObject.APPRAISAL_BATCH,
                no,
                AuditOperation.CREATE,
                null,
                AuditDetail.of("audit.detail.appraisalProposed", title, found.size())
                        .encoded());
        return rows.batch(id).orElseThrow();
    }

    /** 409 naming the rule: destroyed, 永久, term not ended, or items of more than one fonds. */
    private static void requireAppraisable(List<AppraisalFacts.Fact> found, LocalDate today) {
        for (var f : found) {
            if ("DESTROYED".equals(f.status())) {
                throw new ConflictException("disposition.batch.conflict.destroyed", f.archiveCode());
            }
            if (f.permanent()) {
                throw new ConflictException("disposition.batch.conflict.permanent", f.archiveCode());
            }
            if (!f.retentionEnd().isBefore(today)) {
                throw new ConflictException("disposition.batch.conflict.notExpired", f.archiveCode(), f.retentionEnd());
            }
        }
        if (found.stream().map(AppraisalFacts.Fact::fondsId).distinct().count() > 1) {
            throw new ConflictException("disposition.batch.conflict.oneFonds");
        }
    }

    /**
     * The one scope check of batches: a batch of a fonds within the caller's scope, else 404 (the same answer
     * as for an id that does not exist). Every read and change by id goes through here.
     */
    public Batch batch(long id, Access access) {
        return rows.batch(id)
                .filter(b -> facts.fondsInScope(b.fondsId(), access.scope()))
                .orElseThrow(() -> new NotFoundException("APPRAISAL_BATCH", Long.toString(id)));
    }

    /** The batch, locked for a change, after the scope check. */
    Batch lock(long id, Access access) {
        batch(id, access);
        return rows.lock(id);
    }

    public List<Batch> list(@Nullable BatchState state, Access access) {
        var fonds = facts.fondsIdsInScope(access.scope());
        return rows.list(fonds, state, 500);
    }

    /** Unscoped: after {@link #batch(long, Access)}. */
    public String fondsCode(Batch b) {
        return facts.fondsCode(b.fondsId()).orElse("");
    }

    private static @Nullable String blank(@Nullable String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
