package org.siarchive.catalog;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.siarchive.shared.Scope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Interim (issue 16, appraisal part): the item facts an appraisal batch needs, read set-based within a
 * caller's scope, until the worklist part's {@code RetentionFacts}/{@code RetentionWorklist} replace it. Every
 * query takes the items' one scope rule ({@link ItemQueries#SCOPE_CLAUSE}) as bind parameters.
 */
@Component
public class AppraisalFacts {

    /** What appraisal decides on: 档号, 题名, 年度, 页数, the term and its end, the item's state and fonds. */
    public record Fact(
            UUID id,
            String archiveCode,
            long fondsId,
            String title,
            int year,
            String categoryCode,
            String retentionCode,
            @Nullable LocalDate retentionEnd,
            String status,
            @Nullable Integer pages) {

        public boolean permanent() {
            return retentionEnd == null;
        }
    }

    private static final String SELECT =
            """
            select i.id, i.archive_code, i.fonds_id, i.title, i.year, i.category_code, i.retention_code,
                   i.retention_end, i.status, i.page_count
            from item i join fonds f on f.id = i.fonds_id
            """;

    private final JdbcClient jdbc;

    AppraisalFacts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The facts of those of {@code ids} within the scope (ids outside it are simply absent). */
    public List<Fact> facts(Collection<UUID> ids, Scope scope) {
        return jdbc.sql(SELECT + " where i.id = any(:ids) and " + ItemQueries.SCOPE_CLAUSE)
                .params(ItemQueries.scopeParams(scope))
                .param("ids", ids.toArray(UUID[]::new))
                .query(AppraisalFacts::fact)
                .list();
    }

    /**
     * Preserved items within the scope whose fixed term ends by {@code by} (the worklist's rule), optionally of one fonds
     * (code) and one category; at most {@code limit}, in 档号 order.
     */
    public List<UUID> due(LocalDate by, @Nullable String fondsCode, @Nullable String category, Scope scope, int limit) {
        var params = RetentionWorklist.dueParams(new RetentionWorklist.Filter(by, fondsCode, category), scope);
        params.put("limit", limit);
        return jdbc.sql("select i.id from item i join fonds f on f.id = i.fonds_id where "
                        + RetentionWorklist.DUE_WHERE + " and " + ItemQueries.SCOPE_CLAUSE
                        + " order by i.archive_code limit :limit")
                .params(params)
                .query(UUID.class)
                .list();
    }

    /** Whether the fonds lies within the scope's organisation subtree and fonds list. */
    public boolean fondsInScope(long fondsId, Scope scope) {
        return jdbc.sql(
                                """
                select count(*) from fonds f where f.id = :id and f.org_path like :scopeOrg
                  and (:scopeAllFonds or f.id = any(:scopeFonds))""")
                        .params(ItemQueries.scopeParams(scope))
                        .param("id", fondsId)
                        .query(Long.class)
                        .single()
                > 0;
    }

    /** Ids of the fonds within the scope. */
    public List<Long> fondsIdsInScope(Scope scope) {
        return jdbc.sql(
                        """
                select f.id from fonds f where f.org_path like :scopeOrg
                  and (:scopeAllFonds or f.id = any(:scopeFonds))""")
                .params(ItemQueries.scopeParams(scope))
                .query(Long.class)
                .list();
    }

    /** The fonds' code (全宗号), for batch numbers and documents. */
    public Optional<String> fondsCode(long fondsId) {
        return jdbc.sql("select code from fonds where id = :id")
                .param("id", fondsId)
                .query(String.class)
                .optional();
    }

    /** The organisation (materialised path) the fonds belongs to, for telling that unit's people (issue 18). */
    public Optional<String> fondsOrgPath(long fondsId) {
        return jdbc.sql("select org_path from fonds where id = :id and org_path is not null")
                .param("id", fondsId)
                .query(String.class)
                .optional();
    }

    /** Years of every retention period (保管期限) by code; 永久 maps to null. */
    public Map<String, Optional<Integer>> termYears() {
        var out = new java.util.LinkedHashMap<String, Optional<Integer>>();
        jdbc.sql("select code, years from retention_period order by sort_order").query(rs -> {
            int y = rs.getInt(2);
            out.put(rs.getString(1), rs.wasNull() ? Optional.empty() : Optional.of(y));
        });
        return out;
    }

    private static Fact fact(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        int pages = rs.getInt(10);
        boolean noPages = rs.wasNull();
        return new Fact(
                rs.getObject(1, UUID.class),
                rs.getString(2),
                rs.getLong(3),
                rs.getString(4),
                rs.getInt(5),
                rs.getString(6),
                rs.getString(7),
                rs.getObject(8, LocalDate.class),
                rs.getString(9),
                noPages ? null : pages);
    }
}
