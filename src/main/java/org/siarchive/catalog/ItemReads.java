package org.siarchive.catalog;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.siarchive.audit.AuditDetail;
import org.siarchive.audit.AuditOperation;
import org.siarchive.audit.AuditTrail;
import org.siarchive.audit.AuditedObject;
import org.siarchive.crypto.Masks;
import org.siarchive.shared.Access;
import org.siarchive.shared.NotFoundException;
import org.siarchive.shared.Scope;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads on behalf of a person: within their data scope (otherwise 404, the same answer as for an id
 * that does not exist), personal data masked, and the read audited in the same transaction.
 */
@Component
class ItemReads {

    private final ItemQueries queries;
    private final AuditTrail audit;
    private final Tombstones tombstones;

    ItemReads(ItemQueries queries, AuditTrail audit, Tombstones tombstones) {
        this.queries = queries;
        this.audit = audit;
        this.tombstones = tombstones;
    }

    @Transactional
    public ItemRecord read(UUID id, Access access) {
        var item = queries.byId(id, access.scope()).orElseThrow(() -> new NotFoundException("ITEM", id.toString()));
        tombstones.refuseIfDestroyed(item); // 410 with the destruction record (docs/adr/0070)
        return audited(item, access);
    }

    @Transactional
    public ItemRecord readByArchiveCode(String archiveCode, Access access) {
        var item = queries.byArchiveCode(archiveCode, access.scope())
                .orElseThrow(() -> new NotFoundException("ITEM", archiveCode));
        tombstones.refuseIfDestroyed(item); // found by its 档号: the tombstone and its record, as a 410
        return audited(item, access);
    }

    private ItemRecord audited(ItemRecord item, Access access) {
        audit.record(
                access.actor(),
                AuditedObject.ITEM,
                item.id().toString(),
                AuditOperation.READ,
                null,
                item.archiveCode());
        return item.withCertNo(Masks.idNumber(item.certNo()));
    }

    /** An item for serving its content (file {@code seq}, or 0 for its access copy); the download is audited. */
    @Transactional
    public ItemRecord forDownload(UUID id, int seq, Access access) {
        var item = queries.byId(id, access.scope()).orElseThrow(() -> new NotFoundException("ITEM", id.toString()));
        tombstones.refuseIfDestroyed(item);
        if (seq > 0 && item.files().stream().noneMatch(f -> f.seq() == seq)) {
            throw new NotFoundException("FILE", id + "/" + seq);
        }
        String what = item.archiveCode() + (seq > 0 ? " file " + seq : " access copy");
        audit.record(access.actor(), AuditedObject.ITEM, id.toString(), AuditOperation.DOWNLOAD, null, what);
        return item;
    }

    /** The latest items in the reader's scope (the dashboard), audited as one list read. */
    @Transactional
    public List<ItemSummary> latest(int limit, Access access) {
        var items = latest(limit, access.scope());
        audit.record(
                access.actor(),
                AuditedObject.ITEM,
                "*",
                AuditOperation.LIST,
                null,
                AuditDetail.of("audit.detail.latest", items.size()).encoded());
        return items;
    }

    List<ItemSummary> latest(int limit, Scope scope) {
        return queries.summaries("true", Map.of(), "i.created_at desc", Math.min(limit, 200), scope);
    }
}
