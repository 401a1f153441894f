package org.siarchive.catalog;

import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Unscoped id lists for the platform's own walks over the catalogue: start-up reconciliation, index
 * catch-up and rebuild, sweeps and drills. Nothing here is shown to a person.
 */
@Component
class ItemWalks {

    private final JdbcClient jdbc;

    ItemWalks(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<ReceivingItem> receiving() {
        return jdbc.sql("select id, receiving_node from item where status = 'RECEIVING' order by created_at")
                .query((rs, n) -> new ReceivingItem(rs.getObject(1, UUID.class), rs.getString(2)))
                .list();
    }

    Map<String, Integer> objectVersions(List<String> objectIds) {
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

    boolean destroyed(UUID itemId) {
        return jdbc.sql("select exists (select 1 from item where id = :id and status = 'DESTROYED')")
                .param("id", itemId)
                .query(Boolean.class)
                .single();
    }

    boolean hasObject(String objectId) {
        return jdbc.sql("select exists (select 1 from item where object_id = :o)")
                .param("o", objectId)
                .query(Boolean.class)
                .single();
    }

    List<UUID> updatedSince(OffsetDateTime since, @Nullable UUID after, int limit) {
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

    List<UUID> after(@Nullable UUID after, int limit) {
        return jdbc.sql(
                        "select id from item where (:after::uuid is null or id > :after::uuid) order by id limit :limit")
                .param("after", after)
                .param("limit", limit)
                .query(UUID.class)
                .list();
    }

    OffsetDateTime now() {
        return jdbc.sql("select now()").query(OffsetDateTime.class).single();
    }
}
