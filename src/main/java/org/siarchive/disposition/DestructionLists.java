package org.siarchive.disposition;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.siarchive.audit.AuditDetail;
import org.siarchive.audit.AuditOperation;
import org.siarchive.audit.AuditTrail;
import org.siarchive.audit.AuditedObject;
import org.siarchive.catalog.ListedItems;
import org.siarchive.shared.Access;
import org.siarchive.shared.ConflictException;
import org.siarchive.shared.InvalidInputException;
import org.siarchive.shared.NotFoundException;
import org.siarchive.shared.ReadableTime;
import org.siarchive.shared.Violation;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The 销毁清册 of an approved appraisal batch: generated once per batch by an archivist (numbered
 * XH{year}-{seq:0000}, one row per item decided 销毁, totals of items and pages), filed (备案) with the
 * same-level HRSS department, and required filed before any destruction ({@link #requireFiled}). The item
 * facts come from the catalogue's {@link ListedItems}; this module's SQL reads only its own tables.
 */
@Component
public class DestructionLists {

    private static final List<String> LISTABLE = List.of("APPROVED", "EXTENDED_NOT_DESTROYED");

    private final JdbcClient jdbc;
    private final ListedItems items;
    private final AuditTrail audit;
    private final ReadableTime time;
    private final DestructionListViews views;

    DestructionLists(
            JdbcClient jdbc, ListedItems items, AuditTrail audit, ReadableTime time, DestructionListViews views) {
        this.jdbc = jdbc;
        this.items = items;
        this.audit = audit;
        this.time = time;
        this.views = views;
    }

    record Batch(long id, String batchNo, long fondsId, String state) {}

    /**
     * Generates the list of the batch, or returns the one it already has. A batch not approved (or already
     * destroyed) is 409; a batch outside the caller's scope is 404.
     */
    @Transactional
    public long generate(long batchId, Access access) {
        var batch = batch(batchId, access);
        var existing = jdbc.sql("select id from destruction_list where batch_id = :b")
                .param("b", batchId)
                .query(Long.class)
                .optional();
        if (existing.isPresent()) {
            return existing.get();
        }
        if (!LISTABLE.contains(batch.state())) {
            throw new ConflictException("conflict.disposition.list.notApproved", batch.batchNo());
        }
        List<UUID> ids = jdbc.sql("select item_id from appraisal_item where batch_id = :b and decision = 'DESTROY'")
                .param("b", batchId)
                .query(UUID.class)
                .list();
        if (ids.isEmpty()) {
            throw new ConflictException("conflict.disposition.list.nothingToDestroy", batch.batchNo());
        }
        var facts = items.facts(ids);
        int pages = facts.stream()
                .mapToInt(f -> f.pageCount() == null ? 0 : f.pageCount())
                .sum();
        String listNo = nextNumber();
        long id = jdbc.sql(
                        """
                insert into destruction_list (list_no, batch_id, generated_by, item_count, page_count)
                values (:no, :b, :by, :n, :pages) returning id""")
                .param("no", listNo)
                .param("b", batchId)
                .param("by", access.actor().name())
                .param("n", facts.size())
                .param("pages", pages)
                .query(Long.class)
                .single();
        audit.record(
                access.actor(),
                AuditedObject.DESTRUCTION_LIST,
                listNo,
                AuditOperation.CREATE,
                null,
                AuditDetail.of("audit.detail.destructionList", batch.batchNo(), facts.size(), pages)
                        .encoded());
        return id;
    }

    /** The list as people read it; 404 outside the caller's scope. */
    public DestructionListView view(long id, Access access) {
        long batchId = jdbc.sql("select batch_id from destruction_list where id = :id")
                .param("id", id)
                .query(Long.class)
                .optional()
                .orElseThrow(() -> new NotFoundException("DESTRUCTION_LIST", Long.toString(id)));
        batch(batchId, access);
        return views.of(id);
    }

    /** The list of a batch, if it has one (for the batch page's link). */
    public java.util.Optional<Long> ofBatch(long batchId) {
        return jdbc.sql("select id from destruction_list where batch_id = :b")
                .param("b", batchId)
                .query(Long.class)
                .optional();
    }

    /**
     * Records the 备案 with the HRSS department: the date (not in the future, not before the list was generated)
     * and its reference. Filing again with the same date and reference changes nothing; with others it is 409.
     * Returns whether this call filed it.
     */
    @Transactional
    boolean file(long id, @Nullable String filedOn, @Nullable String reference, Access access) {
        var list = view(id, access);
        LocalDate on = filingDate(filedOn, reference, time.date(list.generatedAt()));
        String ref = reference.strip();
        if (list.filed()) {
            if (on.equals(list.filedOn()) && ref.equals(list.filingRef())) {
                return false;
            }
            throw new ConflictException("conflict.disposition.list.alreadyFiled", list.listNo(), list.filedOn());
        }
        jdbc.sql(
                        """
                update destruction_list set filed_on = :on, filing_ref = :ref, filed_by = :by, filed_at = now()
                where id = :id and filed_on is null""")
                .param("on", on)
                .param("ref", ref)
                .param("by", access.actor().name())
                .param("id", id)
                .update();
        audit.record(
                access.actor(),
                AuditedObject.DESTRUCTION_LIST,
                list.listNo(),
                AuditOperation.FILE_WITH_AUTHORITY,
                null,
                AuditDetail.of("audit.detail.destructionListFiled", on.toString(), ref)
                        .encoded());
        return true;
    }

    /**
     * For the destruction: the batch's list must exist and be filed with the HRSS department, else 409 naming
     * the rule. Returns the list's number.
     */
    public String requireFiled(long batchId) {
        record Filing(String listNo, @Nullable LocalDate filedOn) {}
        var filing = jdbc.sql("select list_no, filed_on from destruction_list where batch_id = :b")
                .param("b", batchId)
                .query(Filing.class)
                .optional()
                .orElseThrow(() -> new ConflictException("conflict.disposition.list.missing", batchId));
        if (filing.filedOn() == null) {
            throw new ConflictException("conflict.disposition.list.notFiled", filing.listNo());
        }
        return filing.listNo();
    }

    private LocalDate filingDate(@Nullable String filedOn, @Nullable String reference, LocalDate generated) {
        var violations = new java.util.ArrayList<Violation>();
        LocalDate on = null;
        if (filedOn == null || filedOn.isBlank()) {
            violations.add(Violation.of("filedOn", "required"));
        } else {
            try {
                on = LocalDate.parse(filedOn.strip());
                if (on.isAfter(time.today())) {
                    violations.add(Violation.of("filedOn", "future"));
                } else if (on.isBefore(generated)) {
                    violations.add(Violation.of("filedOn", "beforeListGenerated", generated.toString()));
                }
            } catch (java.time.format.DateTimeParseException e) {
                violations.add(Violation.of("filedOn", "dateFormat"));
            }
        }
        if (reference == null || reference.isBlank()) {
            violations.add(Violation.of("filingRef", "required"));
        } else if (reference.strip().length() > 100) {
            violations.add(Violation.of("filingRef", "maxLength", 100));
        }
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        return on;
    }

    /** The batch, scope-checked: outside the caller's fonds it does not exist for them. */
    Batch batch(long batchId, Access access) {
        var batch = jdbc.sql("select id, batch_no, fonds_id, state from appraisal_batch where id = :id")
                .param("id", batchId)
                .query(Batch.class)
                .optional()
                .filter(b -> items.fondsInScope(b.fondsId(), access.scope()))
                .orElseThrow(() -> new NotFoundException("APPRAISAL_BATCH", Long.toString(batchId)));
        return batch;
    }

    /** XH{year}-{seq:0000}, gap-free per year under a transaction-scoped lock. */
    private String nextNumber() {
        jdbc.sql("select pg_advisory_xact_lock(hashtext('destruction_list_no'))")
                .query((rs, n) -> 1)
                .list();
        String prefix = "XH" + time.today().getYear() + "-";
        int last = jdbc.sql("select coalesce(max(substring(list_no from :from)::int), 0) from destruction_list"
                        + " where list_no like :p")
                .param("from", prefix.length() + 1)
                .param("p", prefix + "%")
                .query(Integer.class)
                .single();
        return prefix + String.format("%04d", last + 1);
    }
}
