package org.siarchive.catalog;

import java.time.LocalDate;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.siarchive.shared.Bounds;
import org.siarchive.shared.Page;
import org.siarchive.shared.Scope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The catalogue's answers for retention disposition (docs/adr/0064): which items, volumes and boxes have a
 * term that ends by a day (到期鉴定清单), and the retention facts of given items for the rules of appraisal
 * and destruction. 永久 never appears and destroyed items never appear; only preserved items count. Every
 * list takes the reader's {@link Scope} into its WHERE clause.
 */
@Component
public class RetentionWorklist {

    /** Most item ids "all matching the filter" may resolve to. */
    public static final int MAX_SELECTION = 10_000;

    static final String FACTS_SELECT =
            """
            select i.id, i.archive_code, i.retention_code, r.years is null as permanent, i.retention_end,
                   i.status, i.fonds_id, i.title, i.year, i.category_code, i.security_level::int as security_level,
                   coalesce(i.page_count, (select count(*) from item_file x where x.item_id = i.id))::int as page_count
            from item i
            join fonds f on f.id = i.fonds_id
            join retention_period r on r.code = i.retention_code
            """;

    /** Due items: preserved, a fixed term, ending by :by, in the fonds and category when given. */
    static final String DUE_WHERE =
            """
            i.retention_end is not null and i.retention_end <= :by and i.status = 'PRESERVED'
            and (cast(:fonds as varchar) is null or f.code = :fonds)
            and (cast(:category as varchar) is null or i.category_code = :category)
            """;

    private final JdbcClient jdbc;
    private final WorklistQueries lists;

    RetentionWorklist(JdbcClient jdbc, WorklistQueries lists) {
        this.jdbc = jdbc;
        this.lists = lists;
    }

    /** What the worklist is asked for: terms ending by {@code by}, optionally one fonds (全宗号) and category. */
    public record Filter(LocalDate by, @Nullable String fondsCode, @Nullable String category) {}

    /** Due items per fonds × category: how many, their pages, the earliest end among them. */
    public record DueCount(
            String fondsCode,
            String fondsName,
            String categoryCode,
            String categoryName,
            long items,
            long pages,
            LocalDate earliest) {}

    /** One due item (件) of the list. */
    public record DueItem(
            UUID id,
            String archiveCode,
            String title,
            int year,
            String retentionCode,
            String retentionName,
            LocalDate endDate,
            int pageCount,
            String fondsCode,
            String categoryName) {}

    /** One due volume (卷, kind VOLUME) or box (盒, kind BOX; its 盒号 as code and title). */
    public record DueContainer(
            long id,
            String kind,
            @Nullable Integer year,
            @Nullable String retentionName,
            String archiveCode,
            String title,
            LocalDate endDate,
            String fondsCode,
            int items,
            int pages) {}

    /** Due items counted per fonds and category within {@code scope}. */
    public List<DueCount> counts(Filter filter, Scope scope) {
        return lists.counts(filter, scope);
    }

    /** A page of due items, earliest end first; the page is checked against the bounds (docs/adr/0036). */
    public Page<DueItem> items(Filter filter, Scope scope, int page, int size) {
        var p = Bounds.page(page, size);
        return lists.items(filter, scope, p.page(), p.size());
    }

    /** A page of due volumes: every live item in them due too (docs/adr/0064). */
    public Page<DueContainer> volumes(Filter filter, Scope scope, int page, int size) {
        var p = Bounds.page(page, size);
        return lists.volumes(filter, scope, p.page(), p.size());
    }

    /** A page of due boxes: every volume and item in them due. */
    public Page<DueContainer> boxes(Filter filter, Scope scope, int page, int size) {
        var p = Bounds.page(page, size);
        return lists.boxes(filter, scope, p.page(), p.size());
    }

    /** The due items for an export or a selection: the first {@link #MAX_SELECTION} by end and 档号. */
    public List<DueItem> allItems(Filter filter, Scope scope) {
        return lists.items(filter, scope, 0, MAX_SELECTION).content();
    }

    /**
     * The retention facts of the given items, in the order given; unknown ids are left out. Unscoped: the
     * caller has already resolved the items within its reader's scope (or is the platform itself).
     */
    public Map<UUID, RetentionFacts> facts(Collection<UUID> itemIds) {
        return facts(itemIds, Scope.EVERYTHING);
    }

    /** As {@link #facts(Collection)}, leaving out items outside {@code scope}. */
    public Map<UUID, RetentionFacts> facts(Collection<UUID> itemIds, Scope scope) {
        var found = new LinkedHashMap<UUID, RetentionFacts>();
        if (itemIds.isEmpty()) {
            return found;
        }
        var params = ItemQueries.scopeParams(scope);
        params.put("ids", itemIds.toArray(UUID[]::new));
        var byId = new java.util.HashMap<UUID, RetentionFacts>();
        jdbc.sql(FACTS_SELECT + " where i.id = any(:ids) and " + ItemQueries.SCOPE_CLAUSE)
                .params(params)
                .query((rs, n) -> facts(rs))
                .list()
                .forEach(f -> byId.put(f.itemId(), f));
        itemIds.forEach(id -> {
            var f = byId.get(id);
            if (f != null) {
                found.put(id, f);
            }
        });
        return found;
    }

    /**
     * The ids of the items due by the filter within {@code scope}, in 档号 order, at most {@code limit}
     * (capped at {@link #MAX_SELECTION}): "all matching the filter" of the worklist.
     */
    public List<UUID> dueItemIds(
            LocalDate by, @Nullable String fondsCode, @Nullable String category, Scope scope, int limit) {
        var params = dueParams(new Filter(by, fondsCode, category), scope);
        params.put("limit", Math.max(0, Math.min(limit, MAX_SELECTION)));
        return jdbc.sql("select i.id from item i join fonds f on f.id = i.fonds_id where " + DUE_WHERE + " and "
                        + ItemQueries.SCOPE_CLAUSE + " order by i.archive_code limit :limit")
                .params(params)
                .query(UUID.class)
                .list();
    }

    static Map<String, Object> dueParams(Filter filter, Scope scope) {
        var params = ItemQueries.scopeParams(scope);
        params.put("by", filter.by());
        params.put("fonds", blankToNull(filter.fondsCode()));
        params.put("category", blankToNull(filter.category()));
        return params;
    }

    private static @Nullable String blankToNull(@Nullable String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static RetentionFacts facts(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new RetentionFacts(
                rs.getObject("id", UUID.class),
                rs.getString("archive_code"),
                rs.getString("retention_code"),
                rs.getBoolean("permanent"),
                rs.getObject("retention_end", LocalDate.class),
                ItemState.valueOf(rs.getString("status")),
                rs.getLong("fonds_id"),
                rs.getInt("page_count"),
                rs.getString("title"),
                rs.getInt("year"),
                rs.getString("category_code"),
                rs.getInt("security_level"));
    }
}
