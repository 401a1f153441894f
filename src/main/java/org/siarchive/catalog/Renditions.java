package org.siarchive.catalog;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.siarchive.audit.AuditOperation;
import org.siarchive.audit.AuditTrail;
import org.siarchive.audit.AuditedObject;
import org.siarchive.shared.Actor;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.DataClassRowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Copies stored in an item's object beside its archival files — the searchable access PDF, the OFD
 * preservation copy — with their own digests; adding one is audited and announced ({@link RenditionAdded}).
 */
@Component
public class Renditions {

    private static final DataClassRowMapper<Rendition> ROW = new DataClassRowMapper<>(Rendition.class);

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final ItemGuards guards;

    Renditions(JdbcClient jdbc, AuditTrail audit, ApplicationEventPublisher events, ItemGuards guards) {
        this.guards = guards;
        this.jdbc = jdbc;
        this.audit = audit;
        this.events = events;
    }

    /** An access copy stored in the item's object (a new version, durable before this is called). */
    @Transactional
    public void add(
            UUID itemId,
            String kind,
            String logicalPath,
            long size,
            String sm3,
            String sha256,
            int objectVersion,
            Actor actor) {
        jdbc.sql(
                        """
                insert into item_rendition (item_id, kind, logical_path, size_bytes, sm3, sha256, object_version)
                values (:item, :kind, :path, :size, :sm3, :sha256, :v)
                on conflict (item_id, kind) where kind <> 'SCAN_PAGE' do update set logical_path = excluded.logical_path,
                    size_bytes = excluded.size_bytes, sm3 = excluded.sm3, sha256 = excluded.sha256,
                    object_version = excluded.object_version, created_at = now()
                """)
                .param("item", itemId)
                .param("kind", kind)
                .param("path", logicalPath)
                .param("size", size)
                .param("sm3", sm3)
                .param("sha256", sha256)
                .param("v", objectVersion)
                .update();
        recorded(
                itemId,
                kind,
                objectVersion,
                org.siarchive.audit.AuditDetail.of(
                        "audit.detail.rendition", "#rendition.kind." + kind, logicalPath, objectVersion),
                actor);
    }

    /** A page image of a digitised copy, stored in the item's object (docs/adr/0062). */
    public record Page(String logicalPath, long size, String sm3, String sha256) {}

    /**
     * The page images of a re-digitisation of the item's paper (kind {@code SCAN_PAGE}), stored in object
     * version {@code objectVersion} (durable before this is called): registered with their digests, so the
     * fixity sweeps check them like the masters; one audit entry and one {@link RenditionAdded}.
     */
    @Transactional
    public void addPages(UUID itemId, List<Page> pages, int objectVersion, String archiveCode, Actor actor) {
        // a re-digitisation adds content to the item: under a hold that is a correction (docs/adr/0071)
        guards.check(List.of(itemId), GuardedOperation.CORRECT);
        for (var p : pages) {
            jdbc.sql(
                            """
                    insert into item_rendition (item_id, kind, logical_path, size_bytes, sm3, sha256, object_version)
                    values (:item, 'SCAN_PAGE', :path, :size, :sm3, :sha256, :v)
                    """)
                    .param("item", itemId)
                    .param("path", p.logicalPath())
                    .param("size", p.size())
                    .param("sm3", p.sm3())
                    .param("sha256", p.sha256())
                    .param("v", objectVersion)
                    .update();
        }
        recorded(
                itemId,
                "SCAN_PAGE",
                objectVersion,
                org.siarchive.audit.AuditDetail.of(
                        "audit.detail.digitisedPages", archiveCode, pages.size(), objectVersion),
                actor);
    }

    /** The item's object version raised to the new one, the audit entry and the event: once per addition. */
    private void recorded(
            UUID itemId, String kind, int objectVersion, org.siarchive.audit.AuditDetail detail, Actor actor) {
        jdbc.sql("update item set object_version = greatest(object_version, :v), updated_at = now() where id = :id")
                .param("v", objectVersion)
                .param("id", itemId)
                .update();
        audit.record(actor, AuditedObject.ITEM, itemId.toString(), AuditOperation.RENDITION, null, detail.encoded());
        events.publishEvent(new RenditionAdded(itemId, kind, objectVersion));
    }

    /** A stored access copy. */
    public record Rendition(String kind, String logicalPath, long sizeBytes, String sm3, String sha256) {}

    /** The copies of several items, by item (items without any are left out). */
    public Map<UUID, List<Rendition>> ofItems(List<UUID> itemIds) {
        var out = new java.util.HashMap<UUID, List<Rendition>>();
        if (itemIds.isEmpty()) {
            return out;
        }
        jdbc.sql(
                        """
                select item_id, kind, logical_path, size_bytes, sm3, sha256 from item_rendition
                where item_id = any(:ids) order by item_id, kind
                """)
                .param("ids", itemIds.toArray(UUID[]::new))
                .query(rs -> {
                    out.computeIfAbsent(rs.getObject("item_id", UUID.class), k -> new java.util.ArrayList<>())
                            .add(ROW.mapRow(rs, rs.getRow()));
                });
        return out;
    }

    public Optional<Rendition> find(UUID itemId, String kind) {
        return jdbc.sql(
                        "select kind, logical_path, size_bytes, sm3, sha256 from item_rendition where item_id = :id and kind = :k")
                .param("id", itemId)
                .param("k", kind)
                .query(Rendition.class)
                .optional();
    }

    /** Kind → logical path of the item's access copies. */
    public Map<String, String> pathsByKind(UUID itemId) {
        var out = new java.util.LinkedHashMap<String, String>();
        jdbc.sql(
                        "select kind, logical_path from item_rendition where item_id = :id and kind <> 'SCAN_PAGE' order by kind")
                .param("id", itemId)
                .query((rs, n) -> out.put(rs.getString(1), rs.getString(2)))
                .list();
        return out;
    }
}
