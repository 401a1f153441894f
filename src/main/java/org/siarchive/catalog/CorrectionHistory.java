package org.siarchive.catalog;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.siarchive.shared.Actor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The history of an item's corrections (更正): each correction with its corrector, time, reason, resulting
 * preservation version and the descriptive fields it changed, old → new. Written in the correcting
 * transaction ({@link ItemLifecycle#applyCorrection}), read for the item page.
 */
@Component
public class CorrectionHistory {

    /** One changed field; {@code field} is title, responsible or docNo. */
    public record Change(String field, @Nullable String oldValue, @Nullable String newValue) {}

    /** One correction, newest first in {@link #of}. */
    public record Entry(
            int objectVersion,
            String correctedBy,
            String correctorName,
            OffsetDateTime correctedAt,
            String reason,
            List<Change> changes) {}

    private final JdbcClient jdbc;
    private final Handling handling;

    CorrectionHistory(JdbcClient jdbc, Handling handling) {
        this.jdbc = jdbc;
        this.handling = handling;
    }

    /** Records a correction; in the caller's transaction. */
    void record(ItemRecord before, Catalog.Correction after, int objectVersion, Actor actor) {
        long id = jdbc.sql(
                        """
                insert into item_correction (item_id, object_version, corrected_by, corrector_name, reason)
                values (:item, :v, :by, :name, :reason) returning id
                """)
                .param("item", before.id())
                .param("v", objectVersion)
                .param("by", actor.name())
                .param("name", clip(handling.handlerName(actor), 100))
                .param("reason", after.reason())
                .query(Long.class)
                .single();
        for (var c : changes(before, after)) {
            jdbc.sql(
                            """
                    insert into item_correction_change (correction_id, field, old_value, new_value)
                    values (:id, :field, :old, :new)
                    """)
                    .param("id", id)
                    .param("field", c.field())
                    .param("old", c.oldValue())
                    .param("new", c.newValue())
                    .update();
        }
    }

    /** The fields the correction changes, in form order. */
    static List<Change> changes(ItemRecord before, Catalog.Correction after) {
        var pairs = new LinkedHashMap<String, @Nullable String[]>();
        pairs.put("title", new @Nullable String[] {before.title(), after.title()});
        pairs.put("responsible", new @Nullable String[] {before.responsible(), after.responsible()});
        pairs.put("docNo", new @Nullable String[] {before.docNo(), after.docNo()});
        var out = new ArrayList<Change>();
        pairs.forEach((field, p) -> {
            if (!Objects.equals(p[0], p[1])) {
                out.add(new Change(field, p[0], p[1]));
            }
        });
        return out;
    }

    /** The item's corrections, newest first. The caller has checked that the reader may see the item. */
    public List<Entry> of(UUID itemId) {
        var changes = new LinkedHashMap<Long, List<Change>>();
        jdbc.sql(
                        """
                select c.correction_id, c.field, c.old_value, c.new_value from item_correction_change c
                join item_correction k on k.id = c.correction_id where k.item_id = :item
                """)
                .param("item", itemId)
                .query((rs, n) -> {
                    changes.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                            .add(new Change(rs.getString(2), rs.getString(3), rs.getString(4)));
                    return null;
                })
                .list();
        return jdbc.sql(
                        """
                select id, object_version, corrected_by, corrector_name, corrected_at, reason from item_correction
                where item_id = :item order by object_version desc, id desc
                """)
                .param("item", itemId)
                .query((rs, n) -> new Entry(
                        rs.getInt("object_version"),
                        rs.getString("corrected_by"),
                        rs.getString("corrector_name"),
                        rs.getObject("corrected_at", OffsetDateTime.class),
                        rs.getString("reason"),
                        List.copyOf(sorted(changes.getOrDefault(rs.getLong("id"), List.of())))))
                .list();
    }

    private static List<Change> sorted(List<Change> changes) {
        var order = List.of("title", "responsible", "docNo");
        return changes.stream()
                .sorted(java.util.Comparator.comparingInt(c -> order.indexOf(c.field())))
                .toList();
    }

    private static String clip(String s, int max) {
        return s.length() > max ? s.substring(0, max) : s;
    }
}
