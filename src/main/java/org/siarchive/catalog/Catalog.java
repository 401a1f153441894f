package org.siarchive.catalog;

import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.siarchive.audit.AuditTrail;
import org.siarchive.crypto.FieldCipher;
import org.siarchive.crypto.Masks;
import org.siarchive.quality.CitizenIdNumber;
import org.siarchive.shared.Access;
import org.siarchive.shared.Actor;
import org.siarchive.shared.InvalidInputException;
import org.siarchive.shared.NotFoundException;
import org.siarchive.shared.Scope;
import org.siarchive.shared.Violation;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The catalogue's API: registers items (assigning 档号 and retention, linking the person and employer
 * files), records their preservation, and answers item, person-file and employer-file queries.
 */
@Component
public class Catalog {

    private final JdbcClient jdbc;
    private final ReferenceData reference;
    private final ArchiveCodes archiveCodes;
    private final ItemQueries queries;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final FieldCipher cipher;

    Catalog(
            JdbcClient jdbc,
            ReferenceData reference,
            ArchiveCodes archiveCodes,
            ItemQueries queries,
            AuditTrail audit,
            ApplicationEventPublisher events,
            FieldCipher cipher) {
        this.cipher = cipher;
        this.jdbc = jdbc;
        this.reference = reference;
        this.archiveCodes = archiveCodes;
        this.queries = queries;
        this.audit = audit;
        this.events = events;
    }

    public Classification classification() {
        return reference.classification();
    }

    /** Creates the fonds if it does not exist yet (first start of an installation). */
    @Transactional
    public void ensureFonds(String code, String name, String agency, long orgId, Actor actor) {
        int created = jdbc.sql(
                        """
                insert into fonds (code, name, agency, org_id) values (:code, :name, :agency, :org)
                on conflict (code) do nothing
                """)
                .param("code", code)
                .param("name", name)
                .param("agency", agency)
                .param("org", orgId)
                .update();
        // fonds registered before organisations existed belong to the root
        jdbc.sql("update fonds set org_id = :org where org_id is null")
                .param("org", orgId)
                .update();
        if (created > 0) {
            audit.record(actor, "FONDS", code, "CREATE", null, name);
            reference.invalidate();
        }
    }

    /**
     * Registers a captured item as RECEIVING: 档号, retention, person/employer links, file rows and the
     * audit entry in one transaction. The item becomes PRESERVED once its object version is durable.
     */
    @Transactional
    public ItemRecord register(NewItem item, Actor actor) {
        long fondsId = fondsId(item.fondsCode());
        var step = reference.classification().step(item.stepCode());
        if (step == null) {
            throw new NotFoundException("BUSINESS_STEP", item.stepCode());
        }
        String retentionCode = reference.longestRetention(item.files().stream()
                .map(NewItem.NewFile::materialCode)
                .distinct()
                .toList());
        var retention = reference.retention(retentionCode);
        String insurance = item.insuranceType() != null ? item.insuranceType() : step.insuranceType();
        var code = archiveCodes.assign(fondsId, step.categoryCode(), codeValues(item, step, retentionCode, insurance));
        Long personId = item.person() == null ? null : personId(item.person());
        Long employerId = item.employer() == null ? null : employerId(item.employer());
        insertItem(item, fondsId, step, insurance, retention, code, personId, employerId);
        item.files().forEach(f -> insertFile(item.id(), f.withLogicalPath(contentPath(code.archiveCode(), f))));
        audit.record(actor, "ITEM", item.id().toString(), "RECEIVE", null, code.archiveCode());
        return queries.byId(item.id(), Scope.EVERYTHING).orElseThrow();
    }

    private Map<String, String> codeValues(
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

    private void insertItem(
            NewItem item,
            long fondsId,
            Classification.Step step,
            @Nullable String insurance,
            Retention retention,
            ArchiveCodes.Assigned code,
            @Nullable Long personId,
            @Nullable Long employerId) {
        jdbc.sql(
                        """
                insert into item (id, fonds_id, archive_code, class_key, item_no, title, responsible, doc_date, year,
                    doc_no, security_level, category_code, step_code, insurance_type, acceptance_no, idempotency_key,
                    fingerprint, handler, handling_agency, handled_at, retention_code, retention_start, retention_end,
                    person_id, person_name, employer_id, status, object_id)
                values (:id, :fondsId, :archiveCode, :classKey, :itemNo, :title, :responsible, :docDate, :year,
                    :docNo, :securityLevel, :category, :step, :insurance, :acceptanceNo, :idempotencyKey,
                    :fingerprint, :handler, :handlingAgency, :handledAt, :retention, :retentionStart, :retentionEnd,
                    :personId, :personName, :employerId, 'RECEIVING', :objectId)
                """)
                .param("id", item.id())
                .param("fondsId", fondsId)
                .param("archiveCode", code.archiveCode())
                .param("classKey", code.classKey())
                .param("itemNo", code.itemNo())
                .param("title", item.title())
                .param("responsible", item.responsible())
                .param("docDate", item.docDate())
                .param("year", item.docDate().getYear())
                .param("docNo", item.docNo())
                .param("securityLevel", item.securityLevel())
                .param("category", step.categoryCode())
                .param("step", step.code())
                .param("insurance", insurance)
                .param("acceptanceNo", item.acceptanceNo())
                .param("idempotencyKey", item.idempotencyKey())
                .param("fingerprint", item.fingerprint())
                .param("handler", item.handler())
                .param("handlingAgency", item.handlingAgency())
                .param("handledAt", item.handledAt())
                .param("retention", retention.code())
                .param("retentionStart", Retention.start(item.docDate()))
                .param("retentionEnd", retention.end(item.docDate()))
                .param("personId", personId)
                .param(
                        "personName",
                        item.person() == null ? null : item.person().name())
                .param("employerId", employerId)
                .param("objectId", item.objectId())
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

    private long fondsId(String code) {
        return jdbc.sql("select id from fonds where code = :c")
                .param("c", code)
                .query(Long.class)
                .optional()
                .orElseThrow(() -> new NotFoundException("FONDS", code));
    }

    /**
     * 参保人 keyed by certificate type and the blind index of its number; the number, phone and bank
     * account are stored encrypted only. The name first registered stays; the name on each item is kept
     * with the item. A phone or bank account given later replaces the earlier one.
     */
    private long personId(NewItem.PersonRef p) {
        boolean citizenId = "01".equals(p.certType()) || "07".equals(p.certType());
        return jdbc.sql(
                        """
                insert into person (cert_type, cert_no_enc, cert_no_index, name, gender, birth_date, phone_enc,
                    bank_account_enc)
                values (:type, :enc, :index, :name, :gender, :birth, :phone, :bank)
                on conflict (cert_type, cert_no_index) do update set
                    phone_enc = coalesce(excluded.phone_enc, person.phone_enc),
                    bank_account_enc = coalesce(excluded.bank_account_enc, person.bank_account_enc)
                returning id
                """)
                .param("type", p.certType())
                .param("enc", cipher.encrypt(p.certNo(), ItemQueries.CERT_CONTEXT))
                .param("index", cipher.blindIndex(p.certNo(), ItemQueries.CERT_CONTEXT))
                .param("name", p.name())
                .param("gender", citizenId ? CitizenIdNumber.genderCode(p.certNo()) : null)
                .param(
                        "birth",
                        citizenId ? CitizenIdNumber.birthDate(p.certNo()).orElse(null) : null)
                .param("phone", cipher.encrypt(p.phone(), ItemQueries.PHONE_CONTEXT))
                .param("bank", cipher.encrypt(p.bankAccount(), ItemQueries.BANK_CONTEXT))
                .query(Long.class)
                .single();
    }

    private long employerId(NewItem.EmployerRef e) {
        return jdbc.sql(
                        """
                insert into employer (credit_code, name) values (:code, :name)
                on conflict (credit_code) do update set credit_code = excluded.credit_code
                returning id
                """)
                .param("code", e.creditCode())
                .param("name", e.name())
                .query(Long.class)
                .single();
    }

    /** The object version is durable: the item is PRESERVED, audited and announced in one transaction. */
    @Transactional
    public void markPreserved(UUID itemId, int objectVersion, Actor actor) {
        int updated = jdbc.sql(
                        """
                update item set status = 'PRESERVED', object_version = :v, status_reason = null, updated_at = now()
                where id = :id and status = 'RECEIVING'
                """)
                .param("v", objectVersion)
                .param("id", itemId)
                .update();
        if (updated == 0) {
            return;
        }
        var item = queries.byId(itemId, Scope.EVERYTHING).orElseThrow();
        audit.record(actor, "ITEM", itemId.toString(), "CAPTURE", null, item.archiveCode() + " v" + objectVersion);
        events.publishEvent(new ItemCaptured(itemId, item.archiveCode()));
    }

    /** The capture could not be completed; the item keeps its 档号 and is set aside for an archivist. */
    @Transactional
    public void quarantine(UUID itemId, String reason, Actor actor) {
        jdbc.sql(
                        """
                update item set status = 'QUARANTINED', status_reason = :reason, updated_at = now()
                where id = :id and status = 'RECEIVING'
                """)
                .param("reason", reason)
                .param("id", itemId)
                .update();
        audit.record(actor, "ITEM", itemId.toString(), "QUARANTINE", reason, null);
    }

    /** Corrects descriptive metadata after its new sidecar version is durable; 档号 never changes. */
    @Transactional
    public void applyCorrection(UUID itemId, Correction correction, int objectVersion, Actor actor) {
        jdbc.sql(
                        """
                update item set title = :title, responsible = :responsible, doc_no = :docNo,
                    object_version = :v, updated_at = now() where id = :id
                """)
                .param("title", correction.title())
                .param("responsible", correction.responsible())
                .param("docNo", correction.docNo())
                .param("v", objectVersion)
                .param("id", itemId)
                .update();
        var item = queries.byId(itemId, Scope.EVERYTHING).orElseThrow();
        audit.record(actor, "ITEM", itemId.toString(), "CORRECT", correction.reason(), "v" + objectVersion);
        events.publishEvent(new ItemCorrected(itemId, item.archiveCode(), objectVersion));
    }

    /**
     * Records that an interrupted correction was undone: its stored version failed the correction
     * rules, so a later version restored the catalogue's description and the row now points at it.
     */
    @Transactional
    public void recordCorrectionUndone(UUID itemId, int undoneVersion, int objectVersion, String reason, Actor actor) {
        jdbc.sql("update item set object_version = :v, updated_at = now() where id = :id")
                .param("v", objectVersion)
                .param("id", itemId)
                .update();
        audit.record(
                actor,
                "ITEM",
                itemId.toString(),
                "CORRECTION_UNDONE",
                reason,
                "v" + undoneVersion + " → v" + objectVersion);
    }

    /** Descriptive fields an archivist may correct, with the reason the audit trail keeps. */
    public record Correction(String title, String responsible, @Nullable String docNo, String reason) {}

    /** Unscoped, unaudited read for the platform's own work (capture, reconciliation, indexing). */
    public Optional<ItemRecord> item(UUID id) {
        return queries.byId(id, Scope.EVERYTHING);
    }

    /** Unscoped, unaudited batch read for the platform's own work; ids that do not exist are left out. */
    public List<ItemRecord> items(List<UUID> ids) {
        return queries.byIds(ids);
    }

    public ItemRecord requireItem(UUID id) {
        return item(id).orElseThrow(() -> new NotFoundException("ITEM", id.toString()));
    }

    /** Whether the item lies within the scope: the items' one scope rule, asked without reading the item. */
    public boolean inScope(UUID id, Scope scope) {
        return queries.byId(id, scope).isPresent();
    }

    /** An item within the scope, unaudited (the caller's own change records what it does with it). */
    public ItemRecord requireItem(UUID id, Scope scope) {
        return queries.byId(id, scope).orElseThrow(() -> new NotFoundException("ITEM", id.toString()));
    }

    /**
     * A reader's view of an item: within their scope (otherwise 404, the same answer as for an id that
     * does not exist), personal data masked, and the read audited.
     */
    @Transactional
    public ItemRecord readItem(UUID id, Access access) {
        var item = queries.byId(id, access.scope()).orElseThrow(() -> new NotFoundException("ITEM", id.toString()));
        audit.record(access.actor(), "ITEM", id.toString(), "READ", null, item.archiveCode());
        return item.withCertNo(Masks.idNumber(item.certNo()));
    }

    @Transactional
    public ItemRecord readItemByArchiveCode(String archiveCode, Access access) {
        var item = queries.byArchiveCode(archiveCode, access.scope())
                .orElseThrow(() -> new NotFoundException("ITEM", archiveCode));
        audit.record(access.actor(), "ITEM", item.id().toString(), "READ", null, item.archiveCode());
        return item.withCertNo(Masks.idNumber(item.certNo()));
    }

    /** An item for serving its content: scoped, the download audited by the caller's transaction. */
    @Transactional
    public ItemRecord itemForDownload(UUID id, int seq, Access access) {
        var item = queries.byId(id, access.scope()).orElseThrow(() -> new NotFoundException("ITEM", id.toString()));
        if (seq > 0 && item.files().stream().noneMatch(f -> f.seq() == seq)) {
            throw new NotFoundException("FILE", id + "/" + seq);
        }
        audit.record(
                access.actor(),
                "ITEM",
                id.toString(),
                "DOWNLOAD",
                null,
                item.archiveCode() + (seq > 0 ? " file " + seq : " access copy"));
        return item;
    }

    /** The catalogue id of the item's person, for linking to the person file without the ID number. */
    public Optional<Long> personIdOfItem(UUID itemId) {
        return jdbc.sql("select person_id from item where id = :id and person_id is not null")
                .param("id", itemId)
                .query(Long.class)
                .optional();
    }

    /** Whether the fonds belongs to the scope's organisation subtree and fonds list. */
    public boolean fondsInScope(String fondsCode, Scope scope) {
        var p = ItemQueries.scopeParams(scope);
        p.put("c", fondsCode);
        return jdbc.sql(
                        """
                select exists (select 1 from fonds f join org_unit o on o.id = f.org_id where f.code = :c
                    and o.path like :scopeOrg and (:scopeAllFonds or f.id = any(:scopeFonds)))
                """)
                .params(p)
                .query(Boolean.class)
                .single();
    }

    /** The codes of every fonds within the scope, for lists kept by fonds code (e.g. the handover register). */
    public List<String> fondsCodesInScope(Scope scope) {
        return jdbc.sql(
                        """
                select f.code from fonds f join org_unit o on o.id = f.org_id
                where o.path like :scopeOrg and (:scopeAllFonds or f.id = any(:scopeFonds)) order by f.code
                """)
                .params(ItemQueries.scopeParams(scope))
                .query(String.class)
                .list();
    }

    /** What data scope is decided on for an item: its fonds, the fonds' organisation path, its 密级. */
    public record ScopeAttributes(long fondsId, String orgPath, int clearance) {}

    public ScopeAttributes scopeAttributes(UUID itemId) {
        return jdbc.sql(
                        """
                select i.fonds_id, o.path as org_path, i.security_level::int as clearance
                from item i join fonds f on f.id = i.fonds_id join org_unit o on o.id = f.org_id where i.id = :id
                """)
                .param("id", itemId)
                .query(ScopeAttributes.class)
                .single();
    }

    public Optional<ItemRecord> itemByIdempotencyKey(String key) {
        return queries.byIdempotencyKey(key);
    }

    public Optional<ItemRecord> itemByArchiveCode(String archiveCode) {
        return queries.byArchiveCode(archiveCode, Scope.EVERYTHING);
    }

    /**
     * The ids of the given 档号 within the caller's data scope, in order and without repeats; a 422 on
     * {@code field} listing every code that does not exist or lies outside the scope (the same answer).
     */
    public List<UUID> itemIdsByArchiveCodes(java.util.Collection<String> codes, Scope scope, String field) {
        var ids = new java.util.LinkedHashSet<UUID>();
        var unknown = new java.util.ArrayList<String>();
        for (String code : codes) {
            var item = code == null || code.isBlank()
                    ? Optional.<ItemRecord>empty()
                    : queries.byArchiveCode(code.strip(), scope);
            if (item.isPresent()) {
                ids.add(item.get().id());
            } else {
                unknown.add(String.valueOf(code).strip());
            }
        }
        if (!unknown.isEmpty()) {
            throw new org.siarchive.shared.InvalidInputException(
                    org.siarchive.shared.Violation.of(field, "unknownArchiveCode", String.join("、", unknown)));
        }
        return List.copyOf(ids);
    }

    /** Items stuck in RECEIVING: captures a crash interrupted. */
    public List<UUID> receivingItems() {
        return jdbc.sql("select id from item where status = 'RECEIVING' order by created_at")
                .query(UUID.class)
                .list();
    }

    /** Catalogue object versions of the given store objects; ids without a row are absent. */
    public Map<String, Integer> objectVersions(List<String> objectIds) {
        if (objectIds.isEmpty()) {
            return Map.of();
        }
        var out = new HashMap<String, Integer>();
        jdbc.sql("select object_id, object_version from item where object_id in (:ids)")
                .param("ids", objectIds)
                .query((rs, n) -> Map.entry(rs.getString(1), rs.getInt(2)))
                .list()
                .forEach(e -> out.put(e.getKey(), e.getValue()));
        return out;
    }

    public boolean hasObject(String objectId) {
        return jdbc.sql("select exists (select 1 from item where object_id = :o)")
                .param("o", objectId)
                .query(Boolean.class)
                .single();
    }

    /** The person's id found by certificate number (blind index), if any item of theirs is in scope. */
    public Optional<Long> findPerson(String certNo, Access access) {
        return queries.personId(certNo)
                .filter(id -> !personItems(id, access.scope(), 1).isEmpty());
    }

    private List<ItemSummary> personItems(long personId, Scope scope, int limit) {
        return queries.summaries(
                "i.person_id = :id", Map.of("id", personId), "i.handled_at, i.archive_code", limit, scope);
    }

    /**
     * 一人一档: the person and every item about them in the reader's scope, by business time. A person
     * with no item in scope answers 404. Identity fields are masked; the read is audited.
     */
    @Transactional
    public PartyFile personFile(long personId, Access access) {
        var items = personItems(personId, access.scope(), 5000);
        var person = queries.person(personId)
                .filter(p -> !items.isEmpty())
                .orElseThrow(() -> new NotFoundException("PERSON", Long.toString(personId)));
        audit.record(access.actor(), "PERSON", Long.toString(personId), "READ", null, items.size() + " items");
        return new PartyFile(
                new PartyFile.Party(
                        person.id(),
                        "PERSON",
                        Objects.requireNonNullElse(Masks.idNumber(person.certNo()), ""),
                        person.certType(),
                        person.name(),
                        person.gender(),
                        person.birthDate(),
                        Masks.phone(person.phone()),
                        Masks.bankAccount(person.bankAccount())),
                items);
    }

    /** The person's identity fields in clear, for a reader who gave a reason; audited with the reason. */
    public record Identity(
            long personId,
            String certType,
            @Nullable String certNo,
            @Nullable String phone,
            @Nullable String bankAccount) {}

    @Transactional
    public Identity unmaskPerson(long personId, String reason, Access access) {
        if (reason == null || reason.strip().length() < 2) {
            throw new InvalidInputException(Violation.of("reason", "required"));
        }
        if (reason.length() > 500) {
            throw new InvalidInputException(Violation.of("reason", "maxLength", 500));
        }
        if (personItems(personId, access.scope(), 1).isEmpty()) {
            throw new NotFoundException("PERSON", Long.toString(personId));
        }
        var person =
                queries.person(personId).orElseThrow(() -> new NotFoundException("PERSON", Long.toString(personId)));
        audit.record(
                access.actor(),
                "PERSON",
                Long.toString(personId),
                "UNMASK",
                reason.strip(),
                "certNo, phone, bankAccount");
        return new Identity(person.id(), person.certType(), person.certNo(), person.phone(), person.bankAccount());
    }

    /** 一企一档: the employer and every item about it in the reader's scope, by business time. */
    @Transactional
    public PartyFile employerFile(String creditCode, Access access) {
        var employer = queries.employer(creditCode).orElseThrow(() -> new NotFoundException("EMPLOYER", creditCode));
        var items = queries.summaries(
                "i.employer_id = :id",
                Map.of("id", employer.id()),
                "i.handled_at, i.archive_code",
                5000,
                access.scope());
        if (items.isEmpty()) {
            throw new NotFoundException("EMPLOYER", creditCode);
        }
        audit.record(access.actor(), "EMPLOYER", creditCode, "READ", null, items.size() + " items");
        return new PartyFile(employer, items);
    }

    /** The latest items in the reader's scope (the dashboard), audited as one list read. */
    @Transactional
    public List<ItemSummary> latestItems(int limit, Access access) {
        var items = latestItems(limit, access.scope());
        audit.record(access.actor(), "ITEM", "*", "LIST", null, "latest " + items.size());
        return items;
    }

    public List<ItemSummary> latestItems(int limit, Scope scope) {
        return queries.summaries("true", Map.of(), "i.created_at desc", Math.min(limit, 200), scope);
    }

    public Counts counts(Scope scope) {
        return queries.counts(scope);
    }

    /** Every item id in catalogue order, for rebuilding derived read models. */
    /** Ids of items changed at or after {@code since}, in id order after {@code after} (for index catch-up). */
    public List<UUID> itemIdsUpdatedSince(java.time.OffsetDateTime since, @Nullable UUID after, int limit) {
        return jdbc.sql(
                        """
                select id from item where updated_at >= :since and (:after::uuid is null or id > :after::uuid)
                order by id limit :limit
                """)
                .param("since", since)
                .param("after", after)
                .param("limit", limit)
                .query(UUID.class)
                .list();
    }

    public List<UUID> itemIdsAfter(@Nullable UUID after, int limit) {
        return jdbc.sql(
                        "select id from item where (:after::uuid is null or id > :after::uuid) order by id limit :limit")
                .param("after", after)
                .param("limit", limit)
                .query(UUID.class)
                .list();
    }

    public OffsetDateTime now() {
        return jdbc.sql("select now()").query(OffsetDateTime.class).single();
    }
}
