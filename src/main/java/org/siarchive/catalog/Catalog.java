package org.siarchive.catalog;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.siarchive.shared.Access;
import org.siarchive.shared.Actor;
import org.siarchive.shared.NotFoundException;
import org.siarchive.shared.Scope;
import org.springframework.stereotype.Component;

/**
 * The catalogue's API for the other modules: registers items (assigning 档号 and retention, linking the
 * person and employer files), records what happens to them, and answers item, person-file (一人一档) and
 * employer-file (一企一档) queries. Each answer comes from the package's class for that responsibility
 * (docs/adr/0040); reads for a person are scoped, masked and audited, reads for the platform's own work
 * are not.
 */
@Component
public class Catalog {

    private final ReferenceData reference;
    private final FondsRegister fonds;
    private final ItemRegistration registration;
    private final ItemLifecycle lifecycle;
    private final ItemQueries queries;
    private final ItemReads reads;
    private final ItemWalks walks;
    private final PartyFiles parties;
    private final EmployerCatalogue employerCatalogue;

    Catalog(
            ReferenceData reference,
            FondsRegister fonds,
            ItemRegistration registration,
            ItemLifecycle lifecycle,
            ItemQueries queries,
            ItemReads reads,
            ItemWalks walks,
            PartyFiles parties,
            EmployerCatalogue employerCatalogue) {
        this.reference = reference;
        this.fonds = fonds;
        this.registration = registration;
        this.lifecycle = lifecycle;
        this.queries = queries;
        this.reads = reads;
        this.walks = walks;
        this.parties = parties;
        this.employerCatalogue = employerCatalogue;
    }

    /** Descriptive fields an archivist may correct, with the reason the audit trail keeps. */
    public record Correction(String title, String responsible, @Nullable String docNo, String reason) {}

    /** The person's identity fields in clear, for a reader who gave a reason; audited with the reason. */
    public record Identity(
            long personId,
            String certType,
            @Nullable String certNo,
            @Nullable String phone,
            @Nullable String bankAccount) {}

    /** One item of a group registration and who captured it (its audit entry's actor). */
    public record Registering(NewItem item, Actor actor) {}

    /** One item of a group whose object version is durable. */
    public record Preserved(UUID itemId, int objectVersion, Actor actor) {}

    /** What data scope is decided on for an item: its fonds, the fonds' organisation path, its 密级. */
    public record ScopeAttributes(long fondsId, String orgPath, int clearance) {}

    public Classification classification() {
        return reference.classification();
    }

    // fonds (全宗)

    /** Creates the fonds if it does not exist yet (first start of an installation). */
    public void ensureFonds(String code, String name, String agency, long orgId, Actor actor) {
        fonds.ensure(code, name, agency, orgId, actor);
    }

    /** Whether the fonds belongs to the scope's organisation subtree and fonds list. */
    public boolean fondsInScope(String fondsCode, Scope scope) {
        return fonds.inScope(fondsCode, scope);
    }

    /** The codes of every fonds within the scope, for lists kept by fonds code (e.g. the handover register). */
    public List<String> fondsCodesInScope(Scope scope) {
        return fonds.codesInScope(scope);
    }

    public ScopeAttributes scopeAttributes(UUID itemId) {
        return fonds.scopeAttributes(itemId);
    }

    /** The organisation path of the item's fonds, one small query; empty when the item is unknown. */
    public java.util.Optional<String> orgPathOf(UUID itemId) {
        return fonds.orgPathOf(itemId);
    }

    // items (件): registration and what happens to them

    /**
     * Registers a captured item as RECEIVING: 档号, retention, person/employer links, file rows and the
     * audit entry in one transaction. The item becomes PRESERVED once its object version is durable.
     */
    public ItemRecord register(NewItem item, Actor actor) {
        return registration.register(item, actor);
    }

    /**
     * Registers a group in one transaction (one audit-chain step): per item its record, or empty when its
     * idempotency key was taken by another transaction meanwhile (then nothing of it is written).
     */
    public List<Optional<ItemRecord>> registerAll(List<Registering> items) {
        return registration.registerAll(items);
    }

    /** The group's object versions are durable: each item PRESERVED, audited and announced, in one transaction. */
    public void markPreservedAll(List<Preserved> items) {
        lifecycle.markPreservedAll(items);
    }

    /** The object version is durable: the item is PRESERVED, audited and announced in one transaction. */
    public void markPreserved(UUID itemId, int objectVersion, Actor actor) {
        lifecycle.markPreserved(itemId, objectVersion, actor);
    }

    /** The capture could not be completed; the item keeps its 档号 and is set aside for an archivist. */
    public void quarantine(UUID itemId, String reason, Actor actor) {
        lifecycle.quarantine(itemId, reason, actor);
    }

    /**
     * Corrects descriptive metadata after the writer made its new sidecar version durable; 档号 never
     * changes. The row, its audit entry and {@link ItemCorrected} commit together.
     */
    public void applyCorrection(UUID itemId, Correction correction, int objectVersion, Actor actor) {
        lifecycle.applyCorrection(itemId, correction, objectVersion, actor);
    }

    /**
     * Records that an interrupted correction was undone: its stored version failed the correction
     * rules, so a later version restored the catalogue's description and the row now points at it.
     */
    public void recordCorrectionUndone(UUID itemId, int undoneVersion, int objectVersion, String reason, Actor actor) {
        lifecycle.recordCorrectionUndone(itemId, undoneVersion, objectVersion, reason, actor);
    }

    // items: reads for the platform's own work (unscoped, unaudited)

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

    public Optional<ItemRecord> itemByIdempotencyKey(String key) {
        return queries.byIdempotencyKey(key);
    }

    public Optional<ItemRecord> itemByArchiveCode(String archiveCode) {
        return queries.byArchiveCode(archiveCode, Scope.EVERYTHING);
    }

    /** Items stuck in RECEIVING (captures a crash interrupted) and the nodes that registered them, oldest first. */
    public List<ReceivingItem> receiving() {
        return walks.receiving();
    }

    /** Catalogue object versions of the given store objects; ids without a row are absent. */
    public Map<String, Integer> objectVersions(List<String> objectIds) {
        return walks.objectVersions(objectIds);
    }

    /** Whether the item has been destroyed (committed), read fresh: an indexer's check after it wrote. */
    public boolean destroyed(UUID itemId) {
        return walks.destroyed(itemId);
    }

    public boolean hasObject(String objectId) {
        return walks.hasObject(objectId);
    }

    /** Ids of items changed at or after {@code since}, in id order after {@code after} (for index catch-up). */
    public List<UUID> itemIdsUpdatedSince(OffsetDateTime since, @Nullable UUID after, int limit) {
        return walks.updatedSince(since, after, limit);
    }

    /** Every item id in catalogue order after {@code after}, a page at a time, for rebuilding derived read models. */
    public List<UUID> itemIdsAfter(@Nullable UUID after, int limit) {
        return walks.after(after, limit);
    }

    /** The database's clock, the one time every node agrees on. */
    public OffsetDateTime now() {
        return walks.now();
    }

    // items: within a scope

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
    public ItemRecord readItem(UUID id, Access access) {
        return reads.read(id, access);
    }

    public ItemRecord readItemByArchiveCode(String archiveCode, Access access) {
        return reads.readByArchiveCode(archiveCode, access);
    }

    /** An item for serving its content: scoped, the download audited by the caller's transaction. */
    public ItemRecord itemForDownload(UUID id, int seq, Access access) {
        return reads.forDownload(id, seq, access);
    }

    /** The latest items in the reader's scope (the dashboard), audited as one list read. */
    public List<ItemSummary> latestItems(int limit, Access access) {
        return reads.latest(limit, access);
    }

    public List<ItemSummary> latestItems(int limit, Scope scope) {
        return reads.latest(limit, scope);
    }

    public Counts counts(Scope scope) {
        return queries.counts(scope);
    }

    // person file (一人一档) and employer file (一企一档)

    /** The catalogue id of the item's person, for linking to the person file without the ID number. */
    public Optional<Long> personIdOfItem(UUID itemId) {
        return parties.personIdOfItem(itemId);
    }

    /** The person's id found by certificate number (blind index), if any item of theirs is in scope. */
    public Optional<Long> findPerson(String certNo, Access access) {
        return parties.findPerson(certNo, access);
    }

    /** 一人一档: the person and every item about them in the reader's scope, masked; the read is audited. */
    public PartyFile personFile(long personId, Access access) {
        return parties.personFile(personId, access);
    }

    /** 一人一档 by certificate number (blind index); 404 naming the masked number when there is none in scope. */
    public PartyFile personFileByCertNo(String certNo, Access access) {
        return parties.personFileByCertNo(certNo, access);
    }

    /** The person's identity in clear; needs a reason (2–500 characters), which the audit keeps. */
    public Identity unmaskPerson(long personId, String reason, Access access) {
        return parties.unmaskPerson(personId, reason, access);
    }

    /**
     * 一企一档 as the employers' online service shows it: one page of the items about the employers of
     * {@code creditCodes} up to 密级 {@code clearance}, newest first, and how many there are in all.
     */
    public EmployerItems employerItems(java.util.Collection<String> creditCodes, int clearance, int page, int size) {
        return employerCatalogue.items(creditCodes, clearance, page, size);
    }

    /** The organisation path of the fonds the employer's latest item was filed in; empty when it has none. */
    public Optional<String> employerOrgPath(String creditCode) {
        return employerCatalogue.orgPath(creditCode);
    }

    /** 一企一档: the employer and every item about it in the reader's scope, by business time. */
    public PartyFile employerFile(String creditCode, Access access) {
        return parties.employerFile(creditCode, access);
    }
}
