package org.siarchive.catalog;

import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.siarchive.shared.Scope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * {@link ItemFigures} of one data scope only (an organisation subtree and its fonds): for analyses that read a
 * unit's items page by page (issue 18 mining) without reading, let alone filtering, the rest of the catalogue.
 */
@Component
public class ItemFiguresInScope {

    private static final String WHERE = " where f.org_path like :org and (:allFonds or i.fonds_id = any(:fonds))";

    private final JdbcClient jdbc;

    ItemFiguresInScope(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** How many items the scope holds (every status), to state a sample's share. */
    public long count(Scope scope) {
        return jdbc.sql("select count(*) from item i join fonds f on f.id = i.fonds_id" + WHERE)
                .param("org", scope.orgPattern())
                .param("allFonds", scope.allFonds())
                .param("fonds", scope.fondsArray())
                .query(Long.class)
                .single();
    }

    /**
     * Up to {@code limit} (≤ {@value ItemFigures#MAX_PAGE}) items of the scope after {@code after} in id order
     * (random identifiers: any prefix of this order is a uniform sample); from the start if null.
     */
    public List<ItemFigures.Fact> page(Scope scope, @Nullable UUID after, int limit) {
        int size = Math.max(1, Math.min(limit, ItemFigures.MAX_PAGE));
        return jdbc.sql(ItemFigures.SELECT + WHERE
                        + " and (cast(:after as uuid) is null or i.id > cast(:after as uuid))"
                        + " order by i.id limit :limit")
                .param("org", scope.orgPattern())
                .param("allFonds", scope.allFonds())
                .param("fonds", scope.fondsArray())
                .param("after", after)
                .param("limit", size)
                .query(ItemFigures::fact)
                .list();
    }
}
