package org.siarchive.catalog;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.siarchive.audit.AuditOperation;
import org.siarchive.audit.AuditTrail;
import org.siarchive.audit.AuditedObject;
import org.siarchive.cluster.ClusterNodes;
import org.siarchive.shared.Actor;
import org.siarchive.shared.NotFoundException;
import org.siarchive.shared.Scope;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.interceptor.TransactionAspectSupport;

/**
 * Registers a captured item as RECEIVING: 档号, retention, person/employer links, file rows and the audit
 * entry in one transaction. The item becomes PRESERVED once its object version is durable
 * ({@link ItemLifecycle}).
 */
@Component
class ItemRegistration {

    private final JdbcClient jdbc;
    private final ReferenceData reference;
    private final ArchiveCodes archiveCodes;
    private final FondsRegister fonds;
    private final Parties parties;
    private final ItemQueries queries;
    private final AuditTrail audit;
    private final ClusterNodes nodes;

    ItemRegistration(
            JdbcClient jdbc,
            ReferenceData reference,
            ArchiveCodes archiveCodes,
            FondsRegister fonds,
            Parties parties,
            ItemQueries queries,
            AuditTrail audit,
            ClusterNodes nodes) {
        this.jdbc = jdbc;
        this.reference = reference;
        this.archiveCodes = archiveCodes;
        this.fonds = fonds;
        this.parties = parties;
        this.queries = queries;
        this.audit = audit;
        this.nodes = nodes;
    }

    /** What the catalogue decides for a new item before writing it: its step, 险种, retention and 档号. */
    private record Filing(
            long fondsId,
            Classification.Step step,
            @Nullable String insurance,
            Retention retention,
            ArchiveCodes.Assigned code) {}

    @Transactional
    public ItemRecord register(NewItem item, Actor actor) {
        var filing = file(item);
        Long personId = item.person() == null ? null : parties.person(item.person());
        Long employerId = item.employer() == null ? null : parties.employer(item.employer());
        insertItem(item, filing, personId, employerId);
        String archiveCode = filing.code().archiveCode();
        item.files().forEach(f -> insertFile(item.id(), f.withLogicalPath(contentPath(archiveCode, f))));
        audit.record(actor, AuditedObject.ITEM, item.id().toString(), AuditOperation.RECEIVE, null, archiveCode);
        return queries.byId(item.id(), Scope.EVERYTHING).orElseThrow();
    }

    /**
     * Registers a group of items in the caller's one transaction (group commit, docs/adr/0112): each item
     * behind its own savepoint, so an item whose idempotency key another transaction took first is left
     * out (empty) without its 档号 or any row, and the others keep gap-free numbers. Its failure happens
     * before its audit entry is recorded, so the group's entries are exactly those of its registered items.
     */
    @Transactional
    public List<Optional<ItemRecord>> registerAll(List<Catalog.Registering> items) {
        var status = TransactionAspectSupport.currentTransactionStatus();
        var out = new ArrayList<Optional<ItemRecord>>();
        for (var item : items) {
            Object savepoint = status.createSavepoint();
            try {
                out.add(Optional.of(register(item.item(), item.actor())));
                status.releaseSavepoint(savepoint);
            } catch (DuplicateKeyException e) {
                status.rollbackToSavepoint(savepoint);
                out.add(Optional.empty());
            }
        }
        return out;
    }

    private Filing file(NewItem item) {
        long fondsId = fonds.id(item.fondsCode());
        var step = reference.classification().step(item.stepCode());
        if (step == null) {
            throw new NotFoundException("BUSINESS_STEP", item.stepCode());
        }
        String retentionCode = reference.longestRetention(item.files().stream()
                .map(NewItem.NewFile::materialCode)
                .distinct()
                .toList());
        String insurance = item.insuranceType() != null ? item.insuranceType() : step.insuranceType();
        var code = archiveCodes.assign(fondsId, step.categoryCode(), codeValues(item, step, retentionCode, insurance));
        return new Filing(fondsId, step, insurance, reference.retention(retentionCode), code);
    }

    private static Map<String, String> codeValues(
            NewItem item, Classification.Step step, String retentionCode, @Nullable String insurance) {
        var values = new HashMap<String, String>();
        values.put("fonds", item.fondsCode());
        values.put("year", Integer.toString(item.docDate().getYear()));
        values.put("retention", retentionCode);
        values.put("category", step.categoryCode());
        values.put("step", step.code());
        values.put("insurance", insurance == null ? "000" : insurance);
        return values;
    }

    private void insertItem(NewItem item, Filing filing, @Nullable Long personId, @Nullable Long employerId) {
        jdbc.sql(
                        """
                insert into item (id, fonds_id, archive_code, class_key, item_no, title, responsible, doc_date, year,
                    doc_no, security_level, category_code, step_code, insurance_type, acceptance_no, idempotency_key,
                    fingerprint, handler, handling_agency, handled_at, retention_code, retention_start, retention_end,
                    person_id, person_name, employer_id, status, object_id, receiving_node)
                values (:id, :fondsId, :archiveCode, :classKey, :itemNo, :title, :responsible, :docDate, :year,
                    :docNo, :securityLevel, :category, :step, :insurance, :acceptanceNo, :idempotencyKey,
                    :fingerprint, :handler, :handlingAgency, :handledAt, :retention, :retentionStart, :retentionEnd,
                    :personId, :personName, :employerId, :status, :objectId, :node)
                """)
                .param("id", item.id())
                .param("fondsId", filing.fondsId())
                .param("archiveCode", filing.code().archiveCode())
                .param("classKey", filing.code().classKey())
                .param("itemNo", filing.code().itemNo())
                .param("title", item.title())
                .param("responsible", item.responsible())
                .param("docDate", item.docDate())
                .param("year", item.docDate().getYear())
                .param("docNo", item.docNo())
                .param("securityLevel", item.securityLevel())
                .param("category", filing.step().categoryCode())
                .param("step", filing.step().code())
                .param("insurance", filing.insurance())
                .param("acceptanceNo", item.acceptanceNo())
                .param("idempotencyKey", item.idempotencyKey())
                .param("fingerprint", item.fingerprint())
                .param("handler", item.handler())
                .param("handlingAgency", item.handlingAgency())
                .param("handledAt", item.handledAt())
                .param("retention", filing.retention().code())
                .param("retentionStart", Retention.start(item.docDate()))
                .param("retentionEnd", filing.retention().end(item.docDate()))
                .param("personId", personId)
                .param(
                        "personName",
                        item.person() == null ? null : item.person().name())
                .param("employerId", employerId)
                .param("status", ItemState.RECEIVING.name())
                .param("objectId", item.objectId())
                .param("node", nodes.self())
                .update();
    }

    /**
     * DA/T 31 naming: a stored file is named by the item's 档号 and its page (file) number, e.g.
     * {@code content/0001-SB·2024-D100-01·GRCB-0001-0002.jpg}, keeping the extension it was staged with.
     */
    static String contentPath(String archiveCode, NewItem.NewFile f) {
        String staged = f.logicalPath();
        int dot = staged.lastIndexOf('.');
        String ext = dot < 0 || dot < staged.lastIndexOf('/') ? "" : staged.substring(dot);
        return "content/" + archiveCode + "-%04d".formatted(f.seq()) + ext;
    }

    private void insertFile(UUID itemId, NewItem.NewFile f) {
        jdbc.sql(
                        """
                insert into item_file (item_id, seq, material_code, original_name, logical_path, media_type,
                    format_name, size_bytes, sm3, sha256)
                values (:item, :seq, :material, :originalName, :logicalPath, :mediaType, :formatName, :size, :sm3, :sha256)
                """)
                .param("item", itemId)
                .param("seq", f.seq())
                .param("material", f.materialCode())
                .param("originalName", f.originalName())
                .param("logicalPath", f.logicalPath())
                .param("mediaType", f.mediaType())
                .param("formatName", f.formatName())
                .param("size", f.sizeBytes())
                .param("sm3", f.sm3())
                .param("sha256", f.sha256())
                .update();
    }
}
