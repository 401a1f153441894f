package org.siarchive.catalog;

import java.util.List;
import java.util.Map;
import org.siarchive.shared.Page;
import org.siarchive.shared.Scope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The SQL of the expiry worklist (到期鉴定清单): due items counted per fonds × category and listed a page
 * at a time, and due volumes and boxes by {@link ContainerTerm}'s rule (docs/adr/0064). Containers are
 * in scope when their fonds is and none of their items is above the reader's clearance.
 */
@Component
class WorklistQueries {

    private static final String ITEM_FROM =
            """
            from item i
            join fonds f on f.id = i.fonds_id
            join retention_period r on r.code = i.retention_code
            join material_category c on c.code = i.category_code
            """
                    + " where "
                    + RetentionWorklist.DUE_WHERE + " and " + ItemQueries.SCOPE_CLAUSE;

    /** Each volume's own end and what its live items add: the latest end, any 永久, highest 密级, categories. */
    private static final String VOLUME_ENDS =
            """
            volume_end as (
                select v.id, v.fonds_id, v.box_id, v.archive_code, v.title, v.year, v.retention_code,
                       r.name as retention_name, m.items, m.pages, m.categories, m.max_level,
                       case when r.years is null or coalesce(m.any_permanent, false) then null
                            else greatest(make_date(v.year + r.years, 12, 31), m.members_end) end as end_date
                from volume v
                join retention_period r on r.code = v.retention_code
                left join (select i.volume_id, max(i.retention_end) as members_end,
                                  bool_or(i.retention_end is null) as any_permanent, count(*) as items,
                                  sum(coalesce(i.page_count, 0)) as pages, max(i.security_level::int) as max_level,
                                  array_agg(distinct i.category_code) as categories
                           from item i where i.volume_id is not null and i.status <> 'DESTROYED'
                           group by i.volume_id) m on m.volume_id = v.id)
            """;

    private static final String BOX_ENDS =
            """
            box_member as (
                select box_id, end_date, end_date is null as permanent, coalesce(max_level, 1) as lvl,
                       items, pages, categories
                from volume_end where box_id is not null
                union all
                select i.box_id, i.retention_end, i.retention_end is null, i.security_level::int, 1,
                       coalesce(i.page_count, 0), array[i.category_code]
                from item i where i.box_id is not null and i.volume_id is null and i.status <> 'DESTROYED'),
            box_end as (
                select b.id, b.fonds_id, b.box_no as archive_code, b.box_no as title,
                       case when bool_or(m.permanent) then null else max(m.end_date) end as end_date,
                       max(m.lvl) as max_level, sum(m.items) as items, sum(m.pages) as pages,
                       array_agg(distinct c) as categories
                from box b join box_member m on m.box_id = b.id, unnest(m.categories) c
                group by b.id, b.fonds_id, b.box_no)
            """;

    private static final String CONTAINER_WHERE =
            """
            where x.end_date is not null and x.end_date <= :by
              and (cast(:fonds as varchar) is null or f.code = :fonds)
              and (cast(:category as varchar) is null or :category = any(x.categories))
              and f.org_path like :scopeOrg and (:scopeAllFonds or x.fonds_id = any(:scopeFonds))
              and coalesce(x.max_level, 1) <= :scopeClearance
            """;

    private final JdbcClient jdbc;

    WorklistQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<RetentionWorklist.DueCount> counts(RetentionWorklist.Filter filter, Scope scope) {
        return jdbc.sql(
                        """
                select f.code as fonds_code, f.name as fonds_name, i.category_code, c.name as category_name,
                       count(*) as items, sum(coalesce(i.page_count, 0)) as pages, min(i.retention_end) as earliest
                """
                                + ITEM_FROM
                                + " group by f.code, f.name, i.category_code, c.name order by f.code, i.category_code")
                .params(RetentionWorklist.dueParams(filter, scope))
                .query(RetentionWorklist.DueCount.class)
                .list();
    }

    Page<RetentionWorklist.DueItem> items(RetentionWorklist.Filter filter, Scope scope, int page, int size) {
        Map<String, Object> params = RetentionWorklist.dueParams(filter, scope);
        long total = jdbc.sql("select count(*) " + ITEM_FROM)
                .params(params)
                .query(Long.class)
                .single();
        params.put("limit", size);
        params.put("offset", (long) page * size);
        var rows = jdbc.sql(
                        """
                select i.id, i.archive_code, i.title, i.year, i.retention_code, r.name as retention_name,
                       i.retention_end as end_date, f.code as fonds_code, c.name as category_name,
                       coalesce(i.page_count, (select count(*) from item_file x where x.item_id = i.id))::int as page_count
                """
                                + ITEM_FROM
                                + " order by i.retention_end, i.archive_code limit :limit offset :offset")
                .params(params)
                .query(RetentionWorklist.DueItem.class)
                .list();
        return new Page<>(rows, page, size, total);
    }

    Page<RetentionWorklist.DueContainer> volumes(RetentionWorklist.Filter filter, Scope scope, int page, int size) {
        return containers(
                "with " + VOLUME_ENDS,
                "volume_end",
                "'VOLUME' as kind, x.year, x.retention_name,",
                filter,
                scope,
                page,
                size);
    }

    Page<RetentionWorklist.DueContainer> boxes(RetentionWorklist.Filter filter, Scope scope, int page, int size) {
        return containers(
                "with " + VOLUME_ENDS + ", " + BOX_ENDS,
                "box_end",
                "'BOX' as kind, null::int as year, null as retention_name,",
                filter,
                scope,
                page,
                size);
    }

    private Page<RetentionWorklist.DueContainer> containers(
            String with,
            String table,
            String columns,
            RetentionWorklist.Filter filter,
            Scope scope,
            int page,
            int size) {
        Map<String, Object> params = RetentionWorklist.dueParams(filter, scope);
        String from = " from " + table + " x join fonds f on f.id = x.fonds_id " + CONTAINER_WHERE;
        long total = jdbc.sql(with + " select count(*)" + from)
                .params(params)
                .query(Long.class)
                .single();
        params.put("limit", size);
        params.put("offset", (long) page * size);
        var rows = jdbc.sql(with + " select x.id, " + columns
                        + """
                 x.archive_code, x.title, x.end_date, f.code as fonds_code,
                 coalesce(x.items, 0)::int as items, coalesce(x.pages, 0)::int as pages
                """
                        + from
                        + " order by x.end_date, x.archive_code limit :limit offset :offset")
                .params(params)
                .query(RetentionWorklist.DueContainer.class)
                .list();
        return new Page<>(rows, page, size, total);
    }
}
