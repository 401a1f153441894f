package org.siarchive.catalog;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.siarchive.crypto.FieldCipher;
import org.siarchive.shared.Scope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Read side of the catalogue: items with their files, person and employer files, counts. Every read
 * takes a {@link Scope} that becomes part of the WHERE clause as bind parameters: the organisation
 * subtree of the item's fonds, the allowed fonds and the clearance against the item's 密级.
 */
@Component
class ItemQueries {

    static final String CERT_CONTEXT = "person.cert_no";
    static final String PHONE_CONTEXT = "person.phone";
    static final String BANK_CONTEXT = "person.bank_account";

    static final String SCOPE_CLAUSE =
            """
            (f.org_path like :scopeOrg and (:scopeAllFonds or i.fonds_id = any(:scopeFonds))
             and i.security_level::int <= :scopeClearance)""";

    static final String ITEM_SELECT =
            """
            select i.id, i.archive_code, f.code as fonds_code, f.name as fonds_name, i.item_no, i.title,
                   i.responsible, i.doc_date, i.year, i.doc_no, i.security_level, i.category_code,
                   c.name as category_name, i.step_code, s.name as step_name, i.insurance_type,
                   it.name as insurance_name, i.acceptance_no, i.handler, i.handling_agency, i.handled_at,
                   i.retention_code, r.name as retention_name, i.retention_start, i.retention_end,
                   p.cert_type, p.cert_no_enc, i.person_name, p.name as registered_person_name,
                   e.credit_code, e.name as employer_name, i.status, i.status_reason, i.object_id,
                   i.object_version, i.idempotency_key, i.fingerprint, i.created_at
            from item i
            join fonds f on f.id = i.fonds_id
            join material_category c on c.code = i.category_code
            join business_step s on s.code = i.step_code
            join retention_period r on r.code = i.retention_code
            left join code_table it on it.category = 'AAE140' and it.code = i.insurance_type
            left join person p on p.id = i.person_id
            left join employer e on e.id = i.employer_id
            """;

    private static final String SUMMARY_SELECT =
            """
            select i.id, i.archive_code, i.title, s.name as step_name, c.name as category_name,
                   it.name as insurance_name, r.name as retention_name, i.handled_at, i.person_name,
                   e.name as employer_name, i.status, i.responsible, i.doc_date, i.security_level,
                   coalesce(i.page_count, (select count(*) from item_file x where x.item_id = i.id))::int as page_count,
                   i.retention_code
            from item i
            join fonds f on f.id = i.fonds_id
            join material_category c on c.code = i.category_code
            join business_step s on s.code = i.step_code
            join retention_period r on r.code = i.retention_code
            left join code_table it on it.category = 'AAE140' and it.code = i.insurance_type
            left join employer e on e.id = i.employer_id
            """;

    private static final org.springframework.jdbc.core.DataClassRowMapper<ItemRecord.ItemFile> FILE_ROW =
            new org.springframework.jdbc.core.DataClassRowMapper<>(ItemRecord.ItemFile.class);

    /**
     * Item summaries mapped by hand, by column index found once per result set: a mapper by class first looks each
     * constructor parameter up by its camelCase name, and pgjdbc answers every miss with an exception and its stack
     * trace (500 for a person file of 50 items, most of its CPU); a look-up by name per row and column costs a hash
     * look-up each, 800 for such a file (issue 20, PersonFileBenchmark).
     */
    private static List<ItemSummary> summaries(java.sql.ResultSet rs) throws java.sql.SQLException {
        var out = new java.util.ArrayList<ItemSummary>();
        if (!rs.next()) {
            return out;
        }
        int[] c = new int[SUMMARY_COLUMNS.size()];
        for (int i = 0; i < c.length; i++) {
            c[i] = rs.findColumn(SUMMARY_COLUMNS.get(i));
        }
        do {
            out.add(new ItemSummary(
                    rs.getObject(c[0], UUID.class),
                    rs.getString(c[1]),
                    rs.getString(c[2]),
                    rs.getString(c[3]),
                    rs.getString(c[4]),
                    rs.getString(c[5]),
                    rs.getString(c[6]),
                    rs.getObject(c[7], java.time.OffsetDateTime.class),
                    rs.getString(c[8]),
                    rs.getString(c[9]),
                    rs.getString(c[10]),
                    rs.getString(c[11]),
                    rs.getObject(c[12], java.time.LocalDate.class),
                    rs.getString(c[13]),
                    rs.getObject(c[14], Integer.class),
                    rs.getString(c[15])));
        } while (rs.next());
        return out;
    }

    private static final org.springframework.jdbc.core.ResultSetExtractor<List<ItemSummary>> SUMMARIES =
            ItemQueries::summaries;

    /** The columns of {@link ItemSummary}'s components, in their order. */
    private static final List<String> SUMMARY_COLUMNS = List.of(
            "id",
            "archive_code",
            "title",
            "step_name",
            "category_name",
            "insurance_name",
            "retention_name",
            "handled_at",
            "person_name",
            "employer_name",
            "status",
            "responsible",
            "doc_date",
            "security_level",
            "page_count",
            "retention_code");

    private final JdbcClient jdbc;
    private final FieldCipher cipher;

    ItemQueries(JdbcClient jdbc, FieldCipher cipher) {
        this.jdbc = jdbc;
        this.cipher = cipher;
    }

    static Map<String, Object> scopeParams(Scope scope) {
        var m = new HashMap<String, Object>();
        m.put("scopeOrg", scope.orgPattern());
        m.put("scopeAllFonds", scope.allFonds());
        m.put("scopeFonds", scope.fondsArray());
        m.put("scopeClearance", scope.clearance());
        return m;
    }

    Optional<ItemRecord> byId(UUID id, Scope scope) {
        return one("i.id = :v", id, scope);
    }

    Optional<ItemRecord> byIdempotencyKey(String key) {
        return one("i.idempotency_key = :v", key, Scope.EVERYTHING);
    }

    Optional<ItemRecord> byArchiveCode(String code, Scope scope) {
        return one("i.archive_code = :v", code, scope);
    }

    private Optional<ItemRecord> one(String where, Object value, Scope scope) {
        var params = scopeParams(scope);
        params.put("v", value);
        return jdbc.sql(ITEM_SELECT + " where " + where + " and " + SCOPE_CLAUSE)
                .params(params)
                .query((rs, n) ->
                        ItemRows.item(rs).withCertNo(cipher.decrypt(rs.getBytes("cert_no_enc"), CERT_CONTEXT)))
                .optional()
                .map(item -> item.withFiles(files(item.id())));
    }

    /** Several items by id with their files in two queries (unscoped; missing ids are left out). */
    List<ItemRecord> byIds(List<UUID> ids) {
        return byIds(ids, null);
    }

    /**
     * Several items by id with their files in two queries, in the order asked; ids missing or (with a scope) outside
     * it are left out.
     */
    List<ItemRecord> byIds(List<UUID> ids, @Nullable Scope scope) {
        if (ids.isEmpty()) {
            return List.of();
        }
        var params = scope == null ? new HashMap<String, Object>() : scopeParams(scope);
        params.put("ids", ids.toArray(UUID[]::new));
        var byId = new HashMap<UUID, ItemRecord>();
        jdbc.sql(ITEM_SELECT + " where i.id = any(:ids)" + (scope == null ? "" : " and " + SCOPE_CLAUSE))
                .params(params)
                .query((rs, n) ->
                        ItemRows.item(rs).withCertNo(cipher.decrypt(rs.getBytes("cert_no_enc"), CERT_CONTEXT)))
                .list()
                .forEach(item -> byId.put(item.id(), item));
        var files = new HashMap<UUID, List<ItemRecord.ItemFile>>();
        jdbc.sql(
                        """
                select f.item_id, f.seq, f.material_code, m.name as material_name, f.original_name, f.logical_path,
                       f.media_type, f.format_name, f.size_bytes, f.sm3, f.sha256
                from item_file f join material_type m on m.code = f.material_code
                where f.item_id = any(:ids) order by f.item_id, f.seq
                """)
                .param("ids", byId.keySet().toArray(UUID[]::new))
                .query(rs -> {
                    files.computeIfAbsent(rs.getObject("item_id", UUID.class), k -> new java.util.ArrayList<>())
                            .add(FILE_ROW.mapRow(rs, rs.getRow()));
                });
        return ids.stream()
                .map(byId::get)
                .filter(java.util.Objects::nonNull)
                .map(item -> item.withFiles(files.getOrDefault(item.id(), List.of())))
                .toList();
    }

    List<ItemRecord.ItemFile> files(UUID itemId) {
        return jdbc.sql(
                        """
                select f.seq, f.material_code, m.name as material_name, f.original_name, f.logical_path,
                       f.media_type, f.format_name, f.size_bytes, f.sm3, f.sha256
                from item_file f join material_type m on m.code = f.material_code
                where f.item_id = :id order by f.seq
                """)
                .param("id", itemId)
                .query(ItemRecord.ItemFile.class)
                .list();
    }

    List<ItemSummary> summaries(String where, Map<String, ?> params, String orderBy, int limit, Scope scope) {
        return summaries(where, params, orderBy, 0, limit, scope);
    }

    /** A page of summaries: {@code offset} rows skipped, at most {@code limit} returned. */
    List<ItemSummary> summaries(
            String where, Map<String, ?> params, String orderBy, long offset, int limit, Scope scope) {
        var all = scopeParams(scope);
        all.putAll(params);
        return jdbc.sql(SUMMARY_SELECT + " where " + where + " and " + SCOPE_CLAUSE + " order by " + orderBy + " limit "
                        + limit + " offset " + offset)
                .params(all)
                .query(SUMMARIES);
    }

    Counts counts(Scope scope) {
        var p = scopeParams(scope);
        String all = " from item i join fonds f on f.id = i.fonds_id where " + SCOPE_CLAUSE;
        // holdings exclude destroyed items; the figures by status show them as 已销毁 (docs/adr/0070)
        String from = all + " and i.status <> 'DESTROYED'";
        long items = count("select count(*)" + from, p);
        long persons = count("select count(distinct i.person_id)" + from, p);
        long employers = count("select count(distinct i.employer_id)" + from, p);
        long bytes = count(
                "select coalesce(sum(x.size_bytes), 0) from item_file x where x.item_id in (select i.id" + from + ")",
                p);
        return new Counts(
                items,
                persons,
                employers,
                bytes,
                grouped("select i.status, count(*)" + all + " group by i.status order by i.status", p),
                grouped(
                        """
                select c.name, count(i.id) from material_category c
                left join (select i.id, i.category_code %s) i on i.category_code = c.code
                group by c.code, c.name order by c.code
                """
                                .formatted(from),
                        p));
    }

    private long count(String sql, Map<String, ?> params) {
        return jdbc.sql(sql).params(params).query(Long.class).single();
    }

    private Map<String, Long> grouped(String sql, Map<String, ?> params) {
        return jdbc.sql(sql).params(params).query((rs, n) -> Map.entry(rs.getString(1), rs.getLong(2))).list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, LinkedHashMap::new));
    }
}
