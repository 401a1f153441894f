package org.siarchive.catalog;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.siarchive.audit.AuditDetail;
import org.siarchive.audit.AuditOperation;
import org.siarchive.audit.AuditTrail;
import org.siarchive.audit.AuditedObject;
import org.siarchive.shared.Actor;
import org.siarchive.shared.ConflictException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Changes of items' retention terms (保管期限变更) decided by appraisal: a term is a minimum, so it is only
 * ever extended. One set-based statement updates the items and writes one {@code item_retention_change}
 * row each (the end date before, kept), then one audit entry per item and one {@link RetentionsExtended}
 * event, all in the caller's transaction.
 */
@Component
public class RetentionChanges {

    /** One item's extension: its new term and why. */
    public record Extension(UUID itemId, String newCode, String reason) {}

    /** One change, for the item page. */
    public record Change(
            String oldCode,
            @Nullable LocalDate oldEnd,
            String newCode,
            @Nullable LocalDate newEnd,
            String reason,
            String batchNo,
            String changedBy,
            OffsetDateTime changedAt) {}

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;

    RetentionChanges(JdbcClient jdbc, AuditTrail audit, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.events = events;
    }

    /**
     * Extends every item's term (409 when one is 永久, destroyed, or its new term is not longer). The new end
     * counts from the item's retention start; 永久 has none.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void extend(List<Extension> extensions, String batchNo, Actor actor) {
        if (extensions.isEmpty()) {
            return;
        }
        var ids = extensions.stream().map(Extension::itemId).toArray(UUID[]::new);
        var codes = extensions.stream().map(Extension::newCode).toArray(String[]::new);
        var reasons = extensions.stream().map(Extension::reason).toArray(String[]::new);
        refuseShorter(ids, codes);
        var changed = jdbc.sql(
                        """
                with x as (select * from unnest(:ids, :codes, :reasons) as x(item_id, code, reason)),
                old as (select i.id, i.retention_code, i.retention_end from item i join x on x.item_id = i.id),
                upd as (
                    update item i set retention_code = x.code, updated_at = now(),
                        retention_end = case when p.years is null then null
                            else (i.retention_start + make_interval(years => p.years) - interval '1 day')::date end
                    from x join retention_period p on p.code = x.code
                    where i.id = x.item_id
                    returning i.id, i.archive_code, i.retention_code, i.retention_end)
                insert into item_retention_change (item_id, old_code, old_end, new_code, new_end, reason, batch_no,
                    changed_by)
                select upd.id, old.retention_code, old.retention_end, upd.retention_code, upd.retention_end, x.reason,
                    :batch, :actor
                from upd join old on old.id = upd.id join x on x.item_id = upd.id
                returning item_id, old_code, old_end, new_code, new_end, reason""")
                .param("ids", ids)
                .param("codes", codes)
                .param("reasons", reasons)
                .param("batch", batchNo)
                .param("actor", actor.name())
                .query((rs, n) -> new Object[] {
                    rs.getObject(1, UUID.class),
                    rs.getString(2),
                    rs.getObject(3, LocalDate.class),
                    rs.getString(4),
                    rs.getObject(5, LocalDate.class),
                    rs.getString(6)
                })
                .list();
        audited(changed, batchNo, actor);
        events.publishEvent(new RetentionsExtended(batchNo, List.of(ids)));
    }

    private void audited(List<Object[]> changed, String batchNo, Actor actor) {
        for (var c : changed) {
            audit.record(
                    actor,
                    AuditedObject.ITEM,
                    c[0].toString(),
                    AuditOperation.SET_RETENTION,
                    (String) c[5],
                    AuditDetail.of(
                                    "audit.detail.retentionExtended",
                                    AuditDetail.label("directory.retention." + c[1]),
                                    c[2] == null ? "—" : c[2],
                                    AuditDetail.label("directory.retention." + c[3]),
                                    c[4] == null ? "—" : c[4],
                                    batchNo)
                            .encoded());
        }
    }

    /** 409 when an item is destroyed, 永久, or its new term is not longer than its current one. */
    private void refuseShorter(UUID[] ids, String[] codes) {
        var refused = jdbc.sql(
                        """
                select i.archive_code from unnest(:ids, :codes) as x(item_id, code)
                join item i on i.id = x.item_id
                join retention_period o on o.code = i.retention_code
                join retention_period n on n.code = x.code
                where i.status = 'DESTROYED' or o.years is null
                   or (n.years is not null and n.years <= o.years)
                order by i.archive_code limit 1""")
                .param("ids", ids)
                .param("codes", codes)
                .query(String.class)
                .optional();
        refused.ifPresent(code -> {
            throw new ConflictException("disposition.batch.conflict.notLonger", code);
        });
    }

    /** The item's retention changes, oldest first. */
    public List<Change> of(UUID itemId) {
        return jdbc.sql(
                        """
                select old_code, old_end, new_code, new_end, reason, batch_no, changed_by, changed_at
                from item_retention_change where item_id = :id order by changed_at, id""")
                .param("id", itemId)
                .query((rs, n) -> new Change(
                        rs.getString(1),
                        rs.getObject(2, LocalDate.class),
                        rs.getString(3),
                        rs.getObject(4, LocalDate.class),
                        rs.getString(5),
                        rs.getString(6),
                        rs.getString(7),
                        rs.getObject(8, OffsetDateTime.class)))
                .list();
    }
}
