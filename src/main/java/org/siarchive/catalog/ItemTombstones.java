package org.siarchive.catalog;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.siarchive.audit.AuditDetail;
import org.siarchive.audit.AuditOperation;
import org.siarchive.audit.AuditTrail;
import org.siarchive.audit.AuditedObject;
import org.siarchive.crypto.Masks;
import org.siarchive.shared.Actor;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Turns a destroyed item's catalogue row into its tombstone (docs/adr/0069): status DESTROYED (the one
 * guarded move from PRESERVED), {@code destroyed_at}, and the description minus personal data — the
 * person link and the name as written are cleared, names and ID numbers inside the title and the
 * correction history are masked, original file names are replaced by their sequence number. The 档号,
 * class, year, retention, page count, employer link and the files' digests stay. The audit entry (naming
 * the 档号) and {@link ItemDestroyed} commit with it.
 */
@Component
public class ItemTombstones {

    private static final Pattern ID_NUMBER =
            Pattern.compile("(?<![0-9A-Za-z])(?:\\d{17}[0-9Xx]|\\d{15})(?![0-9A-Za-z])");

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;

    ItemTombstones(JdbcClient jdbc, AuditTrail audit, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.events = events;
    }

    private record Row(String archiveCode, String title, @Nullable String personName, @Nullable String registered) {}

    /**
     * Tombstones the item, inside the caller's transaction. False (nothing written) when it already is a
     * tombstone, so completing an interrupted destruction may call it again.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean tombstone(UUID itemId, String destructionList, OffsetDateTime destroyedAt, Actor actor) {
        var row = jdbc.sql(
                        """
                select i.archive_code, i.title, i.person_name, p.name as registered
                from item i left join person p on p.id = i.person_id where i.id = :id for update of i
                """)
                .param("id", itemId)
                .query(Row.class)
                .optional()
                .orElseThrow(() -> new IllegalStateException("no item " + itemId));
        var move = ItemState.PRESERVED.to(ItemState.DESTROYED);
        var names = new ArrayList<String>();
        if (row.personName() != null) names.add(row.personName());
        if (row.registered() != null) names.add(row.registered());
        int updated = jdbc.sql(
                        """
                update item set status = :to, destroyed_at = :at, title = :title, person_id = null,
                    person_name = null, status_reason = null, updated_at = now()
                where id = :id and status = :from
                """)
                .param("to", move.to().name())
                .param("from", move.from().name())
                .param("at", destroyedAt)
                .param("title", scrub(row.title(), names))
                .param("id", itemId)
                .update();
        if (updated == 0) {
            return false;
        }
        jdbc.sql("update item_file set original_name = lpad(seq::text, 4, '0') where item_id = :id")
                .param("id", itemId)
                .update();
        scrubCorrections(itemId, names);
        audit.record(
                actor,
                AuditedObject.ITEM,
                itemId.toString(),
                AuditOperation.DESTROY,
                null,
                AuditDetail.of("audit.detail.destroyed", row.archiveCode(), destructionList)
                        .encoded());
        events.publishEvent(new ItemDestroyed(itemId, row.archiveCode(), destructionList, destroyedAt));
        return true;
    }

    private void scrubCorrections(UUID itemId, List<String> names) {
        record Change(long id, String field, @Nullable String oldValue, @Nullable String newValue) {}
        var changes = jdbc.sql(
                        """
                select c.correction_id as id, c.field, c.old_value, c.new_value from item_correction_change c
                join item_correction r on r.id = c.correction_id where r.item_id = :id
                """)
                .param("id", itemId)
                .query(Change.class)
                .list();
        for (var c : changes) {
            jdbc.sql(
                            """
                    update item_correction_change set old_value = :o, new_value = :n
                    where correction_id = :id and field = :f
                    """)
                    .param("o", c.oldValue() == null ? null : scrub(c.oldValue(), names))
                    .param("n", c.newValue() == null ? null : scrub(c.newValue(), names))
                    .param("id", c.id())
                    .param("f", c.field())
                    .update();
        }
    }

    /** The text with every given name masked (surname kept) and every ID number masked. */
    static String scrub(String text, List<String> names) {
        String out = ID_NUMBER.matcher(text).replaceAll(m -> Masks.idNumber(m.group()));
        for (String n : names) {
            if (n != null && n.strip().length() >= 2) {
                out = out.replace(n.strip(), Masks.name(n.strip()));
            }
        }
        return out;
    }
}
