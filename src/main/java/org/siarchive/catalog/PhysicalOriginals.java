package org.siarchive.catalog;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.siarchive.audit.AuditDetail;
import org.siarchive.audit.AuditOperation;
import org.siarchive.audit.AuditTrail;
import org.siarchive.audit.AuditedObject;
import org.siarchive.shared.Access;
import org.siarchive.shared.Actor;
import org.siarchive.shared.ConflictException;
import org.siarchive.shared.InvalidInputException;
import org.siarchive.shared.ReadableTime;
import org.siarchive.shared.Violation;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Physical originals follow the destruction (实体档案待销毁): a box or volume all of whose items are destroyed
 * is marked with the 销毁清册 that destroyed the last of them, when {@link ItemDestroyed} arrives; the
 * archivist then confirms the paper's destruction (date, method). Both are audited (docs/adr/0067).
 */
@Component
public class PhysicalOriginals {

    /** A marked box or volume: {@code kind} BOX or VOLUME, {@code code} its 盒号 or 档号. */
    public record Container(
            String kind,
            long id,
            String code,
            @Nullable String location,
            String disposalList,
            @Nullable LocalDate destroyedOn,
            @Nullable String method) {}

    /** An item whose paper must be pulled from a box or volume that keeps other items. */
    public record Pull(UUID itemId, String archiveCode, String container, @Nullable String location) {}

    private static final String LOCATION = "(select l.room || ' ' || l.shelf || '-' || l.layer || '-' || l.cell"
            + " from storage_location l where l.id = %s)";

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final ReadableTime time;

    PhysicalOriginals(JdbcClient jdbc, AuditTrail audit, ReadableTime time) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.time = time;
    }

    @ApplicationModuleListener
    void on(ItemDestroyed event) {
        markAfter(event.itemId(), event.destructionList());
    }

    /** Marks the item's box and volume when none of their items is left undestroyed; idempotent. */
    @Transactional
    public void markAfter(UUID itemId, String listNo) {
        for (String kind : List.of("box", "volume")) {
            var marked = jdbc.sql(
                            ("""
                    update %1$s c set disposal_list = :list, disposal_marked_at = now()
                    where c.id = (select %1$s_id from item where id = :item) and c.disposal_list is null
                    and not exists (select 1 from item o where o.%1$s_id = c.id and o.status <> 'DESTROYED')
                    returning c.id""")
                                    .formatted(kind))
                    .param("list", listNo)
                    .param("item", itemId)
                    .query(Long.class)
                    .optional();
            marked.ifPresent(id -> audit.record(
                    Actor.SYSTEM,
                    kind.equals("box") ? AuditedObject.BOX : AuditedObject.VOLUME,
                    Long.toString(id),
                    AuditOperation.MARK_FOR_DESTRUCTION,
                    null,
                    AuditDetail.of("audit.detail.physicalMarked", listNo).encoded()));
        }
    }

    /** The boxes and volumes marked with the list (the list itself is scope-checked by its owner). */
    public List<Container> ofList(String listNo) {
        return jdbc.sql(
                        ("""
                select 'BOX' as kind, b.id, b.box_no as code, %s as location, b.disposal_list,
                       b.physically_destroyed_on as destroyed_on, b.physical_method as method
                from box b where b.disposal_list = :list
                union all
                select 'VOLUME', v.id, v.archive_code, %s, v.disposal_list, v.physically_destroyed_on, v.physical_method
                from volume v where v.disposal_list = :list
                order by 1, 3""")
                                .formatted(LOCATION.formatted("b.location_id"), LOCATION.formatted("v.location_id")))
                .param("list", listNo)
                .query(Container.class)
                .list();
    }

    /**
     * Items of the list whose box or volume keeps items outside it: their paper is pulled out one by one
     * (from the volume when they have one, else from the box).
     */
    public List<Pull> pulls(Collection<UUID> itemIds) {
        if (itemIds.isEmpty()) {
            return List.of();
        }
        var ids = itemIds.toArray(UUID[]::new);
        return jdbc.sql(
                        ("""
                select i.id as item_id, i.archive_code,
                       coalesce(v.archive_code, b.box_no) as container,
                       coalesce(%s, %s, %s) as location
                from item i left join volume v on v.id = i.volume_id left join box b on b.id = i.box_id
                left join box vb on vb.id = v.box_id
                where i.id = any(:ids) and (i.volume_id is not null or i.box_id is not null)
                and exists (select 1 from item o where o.id <> all(:ids)
                            and ((i.volume_id is not null and o.volume_id = i.volume_id)
                              or (i.volume_id is null and o.box_id = i.box_id)))
                order by i.archive_code""")
                                .formatted(
                                        LOCATION.formatted("v.location_id"),
                                        LOCATION.formatted("vb.location_id"),
                                        LOCATION.formatted("b.location_id")))
                .param("ids", ids)
                .query(Pull.class)
                .list();
    }

    /** The archivist confirms the paper was destroyed: on a marked container only, not in the future. */
    @Transactional
    public void confirm(
            String kind, long id, String listNo, @Nullable LocalDate on, @Nullable String method, Access access) {
        var violations = new java.util.ArrayList<Violation>();
        if (on == null) {
            violations.add(Violation.of("destroyedOn", "required"));
        } else if (on.isAfter(time.today())) {
            violations.add(Violation.of("destroyedOn", "future"));
        }
        if (method == null || method.isBlank()) {
            violations.add(Violation.of("method", "required"));
        } else if (method.strip().length() > 100) {
            violations.add(Violation.of("method", "maxLength", 100));
        }
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        String table =
                switch (kind) {
                    case "BOX" -> "box";
                    case "VOLUME" -> "volume";
                    default -> throw new InvalidInputException(Violation.of("kind", "code"));
                };
        int n = jdbc.sql(("update %s set physically_destroyed_on = :on, physical_method = :m"
                                + " where id = :id and disposal_list = :list and physically_destroyed_on is null")
                        .formatted(table))
                .param("on", on)
                .param("m", method.strip())
                .param("id", id)
                .param("list", listNo)
                .update();
        if (n == 0) {
            throw new ConflictException("conflict.physicalNotMarked", listNo);
        }
        audit.record(
                access.actor(),
                kind.equals("BOX") ? AuditedObject.BOX : AuditedObject.VOLUME,
                Long.toString(id),
                AuditOperation.DESTROY_PHYSICAL,
                null,
                AuditDetail.of("audit.detail.physicalDestroyed", listNo, on.toString(), method.strip())
                        .encoded());
    }

    /** 已销毁（实体） on a box or volume page: the date, or null while the paper exists. */
    public @Nullable LocalDate destroyedOn(String kind, long id) {
        return jdbc
                .sql("select physically_destroyed_on from " + (kind.equals("BOX") ? "box" : "volume")
                        + " where id = :id")
                .param("id", id)
                .query(LocalDate.class)
                .list()
                .stream()
                .filter(java.util.Objects::nonNull)
                .findFirst()
                .orElse(null);
    }
}
