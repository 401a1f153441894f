package org.siarchive.catalog;

import java.util.List;
import java.util.UUID;
import org.siarchive.audit.AuditOperation;
import org.siarchive.audit.AuditTrail;
import org.siarchive.audit.AuditedObject;
import org.siarchive.shared.Access;
import org.siarchive.shared.Actor;
import org.siarchive.shared.ConflictException;
import org.siarchive.shared.InvalidInputException;
import org.siarchive.shared.NotFoundException;
import org.siarchive.shared.Scope;
import org.siarchive.shared.Violation;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Volumes (卷) and boxes (盒). A volume gathers items of one fonds, year and retention period and gets
 * its own 档号 ({fonds}-SB·{year}-{retention}-{案卷号:3}, gap-free per class); a box holds items or volumes.
 * Every change is audited in its transaction.
 */
@Component
public class Containers {

    static final ArchiveCodePattern VOLUME_PATTERN = new ArchiveCodePattern("{fonds}-SB·{year}-{retention}-{seq}", 3);

    /** A volume. */
    public record Volume(long id, String archiveCode, String title, int year, String retentionCode, Long boxId) {}

    /** A box. */
    public record Box(long id, String fondsCode, String boxNo) {}

    private final JdbcClient jdbc;
    private final Catalog catalog;
    private final AuditTrail audit;
    private final ArchiveCodes archiveCodes;

    Containers(JdbcClient jdbc, Catalog catalog, AuditTrail audit, ArchiveCodes archiveCodes) {
        this.archiveCodes = archiveCodes;
        this.jdbc = jdbc;
        this.catalog = catalog;
        this.audit = audit;
    }

    /** Files the given items into a new volume; they must share fonds, year and retention. */
    @Transactional
    public Volume fileIntoVolume(String title, List<UUID> itemIds, Access access) {
        Actor actor = access.actor();
        if (title == null || title.isBlank() || title.length() > 500) {
            throw new InvalidInputException(
                    Violation.of("title", title == null || title.isBlank() ? "required" : "maxLength", 500));
        }
        if (itemIds == null || itemIds.isEmpty()) {
            throw new InvalidInputException(Violation.of("items", "required"));
        }
        var items = itemIds.stream()
                .map(id -> catalog.requireItem(id, access.scope()))
                .toList();
        var first = items.get(0);
        for (var i : items) {
            if (!i.fondsCode().equals(first.fondsCode())
                    || i.year() != first.year()
                    || !i.retentionCode().equals(first.retentionCode())) {
                throw new InvalidInputException(Violation.of("items", "volumeMixed", i.archiveCode()));
            }
            if (!i.preserved()) {
                throw new ConflictException("conflict.itemNotPreserved", i.archiveCode());
            }
        }
        String classKey = "卷:"
                + VOLUME_PATTERN.classKey(java.util.Map.of(
                        "fonds",
                        first.fondsCode(),
                        "year",
                        Integer.toString(first.year()),
                        "retention",
                        first.retentionCode()));
        int seq = archiveCodes.next(classKey);
        String code = VOLUME_PATTERN.format(classKey.substring(2), seq);
        long id = jdbc.sql(
                        """
                insert into volume (fonds_id, archive_code, title, year, retention_code)
                values ((select id from fonds where code = :fonds), :code, :title, :year, :retention) returning id
                """)
                .param("fonds", first.fondsCode())
                .param("code", code)
                .param("title", title.strip())
                .param("year", first.year())
                .param("retention", first.retentionCode())
                .query(Long.class)
                .single();
        for (var i : items) {
            int moved = jdbc.sql(
                            "update item set volume_id = :v, updated_at = now() where id = :id and volume_id is null")
                    .param("v", id)
                    .param("id", i.id())
                    .update();
            if (moved == 0) {
                throw new ConflictException("conflict.itemAlreadyInVolume", i.archiveCode());
            }
            audit.record(actor, AuditedObject.ITEM, i.id().toString(), AuditOperation.FILE_INTO_VOLUME, null, code);
        }
        audit.record(actor, AuditedObject.VOLUME, Long.toString(id), AuditOperation.CREATE, null, code);
        return volume(id, access.scope());
    }

    @Transactional
    public Box createBox(String fondsCode, String boxNo, Access access) {
        Actor actor = access.actor();
        if (boxNo == null || !boxNo.strip().matches("[A-Za-z0-9\\-·]{1,64}")) {
            throw new InvalidInputException(
                    Violation.of("boxNo", boxNo == null || boxNo.isBlank() ? "required" : "format"));
        }
        var scopeParams = ItemQueries.scopeParams(access.scope());
        scopeParams.put("c", fondsCode);
        Long fondsId = jdbc.sql(
                        """
                select f.id from fonds f where f.code = :c
                and f.org_path like :scopeOrg and (:scopeAllFonds or f.id = any(:scopeFonds))
                """)
                .params(scopeParams)
                .query(Long.class)
                .optional()
                .orElseThrow(() -> new InvalidInputException(Violation.of("fondsCode", "codeTable", fondsCode)));
        long id = jdbc.sql(
                        """
                insert into box (fonds_id, box_no) values (:f, :n) on conflict (fonds_id, box_no) do nothing returning id
                """)
                .param("f", fondsId)
                .param("n", boxNo.strip())
                .query(Long.class)
                .optional()
                .orElseThrow(() -> new ConflictException("conflict.boxExists", boxNo.strip()));
        audit.record(
                actor,
                AuditedObject.BOX,
                Long.toString(id),
                AuditOperation.CREATE,
                null,
                org.siarchive.audit.AuditDetail.of("audit.detail.box", boxNo.strip())
                        .encoded());
        return new Box(id, fondsCode, boxNo.strip());
    }

    /** Puts items into a box (装盒); an item already in another box moves, and the move is audited. */
    @Transactional
    public void putIntoBox(long boxId, List<UUID> itemIds, Access access) {
        Actor actor = access.actor();
        var box = box(boxId, access.scope());
        for (UUID itemId : itemIds) {
            var item = catalog.requireItem(itemId, access.scope());
            if (!item.fondsCode().equals(box.fondsCode())) {
                throw new InvalidInputException(Violation.of("items", "boxOtherFonds", item.archiveCode()));
            }
            jdbc.sql("update item set box_id = :b, updated_at = now() where id = :id")
                    .param("b", boxId)
                    .param("id", itemId)
                    .update();
            audit.record(
                    actor,
                    AuditedObject.ITEM,
                    itemId.toString(),
                    AuditOperation.PUT_INTO_BOX,
                    null,
                    org.siarchive.audit.AuditDetail.of("audit.detail.box", box.boxNo())
                            .encoded());
        }
    }

    /** A volume with the 档号 of its items in the reader's scope; the read is audited. */
    @Transactional
    public java.util.Map<String, Object> readVolume(long id, Access access) {
        var v = volume(id, access.scope());
        var items = itemCodesInVolume(id, access.scope());
        audit.record(
                access.actor(), AuditedObject.VOLUME, Long.toString(id), AuditOperation.READ, null, v.archiveCode());
        return java.util.Map.of("volume", v, "items", items);
    }

    private static final String CONTAINER_SCOPE =
            " and f.org_path like :scopeOrg and (:scopeAllFonds or f.id = any(:scopeFonds))";

    public Volume volume(long id, Scope scope) {
        var p = ItemQueries.scopeParams(scope);
        p.put("id", id);
        return jdbc.sql(
                        """
                select v.id, v.archive_code, v.title, v.year, v.retention_code, v.box_id from volume v
                join fonds f on f.id = v.fonds_id where v.id = :id"""
                                + CONTAINER_SCOPE)
                .params(p)
                .query(Volume.class)
                .optional()
                .orElseThrow(() -> new NotFoundException("VOLUME", Long.toString(id)));
    }

    public Box box(long id, Scope scope) {
        var p = ItemQueries.scopeParams(scope);
        p.put("id", id);
        return jdbc.sql(
                        """
                select b.id, f.code as fonds_code, b.box_no from box b join fonds f on f.id = b.fonds_id
                where b.id = :id"""
                                + CONTAINER_SCOPE)
                .params(p)
                .query(Box.class)
                .optional()
                .orElseThrow(() -> new NotFoundException("BOX", Long.toString(id)));
    }

    /** 档号 of the items in the volume that the reader may see. */
    public List<String> itemCodesInVolume(long volumeId, Scope scope) {
        var p = ItemQueries.scopeParams(scope);
        p.put("v", volumeId);
        return jdbc.sql("select i.archive_code from item i join fonds f on f.id = i.fonds_id"
                        + " where i.volume_id = :v and " + ItemQueries.SCOPE_CLAUSE
                        + " order by i.archive_code")
                .params(p)
                .query(String.class)
                .list();
    }

    public List<String> itemCodesInBox(long boxId, Scope scope) {
        var p = ItemQueries.scopeParams(scope);
        p.put("b", boxId);
        return jdbc.sql("select i.archive_code from item i join fonds f on f.id = i.fonds_id"
                        + " where i.box_id = :b and " + ItemQueries.SCOPE_CLAUSE + " order by i.archive_code")
                .params(p)
                .query(String.class)
                .list();
    }
}
