package org.siarchive.search;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.siarchive.catalog.ArchiveCodeInput;
import org.siarchive.crypto.FieldCipher;
import org.siarchive.shared.Bounds;
import org.siarchive.shared.Page;
import org.siarchive.shared.Scope;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.SimplePropertySqlParameterSource;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * SQL backend of the search port over {@code search_entry}. Criteria are bind parameters; a name
 * matches as a prefix, ID numbers exactly, a 档号 as people type it anywhere in the code (its typing key, ADR 0051).
 */
class SqlArchiveSearch implements ArchiveSearch {

    private final JdbcClient jdbc;

    private final FieldCipher cipher;

    SqlArchiveSearch(JdbcClient jdbc, FieldCipher cipher) {
        this.jdbc = jdbc;
        this.cipher = cipher;
    }

    @Override
    public SearchResults search(SearchQuery q, Scope scope) {
        int size = Page.clampSize(q.size());
        int page = Math.min(Math.max(0, q.page()), Bounds.RESULT_WINDOW / size - 1);
        var where = new ArrayList<String>();
        var params = new HashMap<String, Object>();
        where.add(
                "org_path like :scopeOrg and (:scopeAllFonds or fonds_id = any(:scopeFonds)) and clearance <= :scopeClearance");
        params.put("scopeOrg", scope.orgPattern());
        params.put("scopeAllFonds", scope.allFonds());
        params.put("scopeFonds", scope.fondsArray());
        params.put("scopeClearance", scope.clearance());
        criteria(q, where, params, cipher);
        String clause = String.join(" and ", where);
        long total = jdbc.sql("select count(*) from search_entry where " + clause)
                .params(params)
                .query(Long.class)
                .single();
        params.put("limit", size);
        params.put("offset", (long) page * size);
        List<SearchHit> hits = jdbc.sql(
                        """
                select item_id, archive_code, title, person_name, employer_name, category_code, step_code,
                       insurance_type, year, handled_at, null as snippet, responsible, doc_date, retention_code,
                       security_level, page_count
                from search_entry where %s order by handled_at desc, archive_code limit :limit offset :offset
                """
                                .formatted(clause))
                .params(params)
                .query(SearchHit.class)
                .list();
        return new SearchResults(new Page<>(hits, page, size, total), Map.of());
    }

    private static void criteria(SearchQuery q, List<String> where, Map<String, Object> params, FieldCipher cipher) {
        if (!SearchQuery.blank(q.name())) {
            where.add("(person_name like :name escape '\\' or employer_name like :name escape '\\')");
            params.put("name", likePrefix(q.name().strip()));
        }
        if (!SearchQuery.blank(q.idNumber())) {
            String key = q.idNumber().strip().toUpperCase(Locale.ROOT);
            where.add("(cert_no_index = :idIndex or credit_code = :idNumber)");
            params.put("idIndex", cipher.blindIndex(key, SearchIndexer.CERT_CONTEXT));
            params.put("idNumber", key);
        }
        if (!SearchQuery.blank(q.archiveCode())) {
            where.add("(archive_code = :code or archive_code_key like :codeKey escape '\\')");
            params.put("code", q.archiveCode().strip());
            params.put("codeKey", "%" + likePrefix(ArchiveCodeInput.key(q.archiveCode())));
        }
        var texts = new ArrayList<String>();
        if (!SearchQuery.blank(q.text())) {
            texts.add(q.text().strip());
        }
        texts.addAll(q.within());
        for (int i = 0; i < texts.size(); i++) {
            // the SQL backend has no full text: a text matches title, names or 档号 (as typed) as a substring
            where.add("(title like :t%1$d escape '\\' or person_name like :t%1$d escape '\\'".formatted(i)
                    + " or employer_name like :t%1$d escape '\\' or archive_code like :t%1$d escape '\\'".formatted(i)
                    + " or archive_code_key like :k%1$d escape '\\')".formatted(i));
            params.put("t" + i, "%" + likePrefix(texts.get(i)));
            String key = ArchiveCodeInput.key(texts.get(i));
            params.put("k" + i, key.isEmpty() ? "" : "%" + likePrefix(key));
        }
        if (!SearchQuery.blank(q.step())) {
            where.add("step_code = :step");
            params.put("step", q.step().strip());
        }
        if (!SearchQuery.blank(q.category())) {
            where.add("category_code = :category");
            params.put("category", q.category().strip());
        }
        if (q.year() != null) {
            where.add("year = :year");
            params.put("year", q.year());
        }
        if (!SearchQuery.blank(q.insuranceType())) {
            where.add("insurance_type = :insurance");
            params.put("insurance", q.insuranceType().strip());
        }
    }

    private static String likePrefix(String s) {
        return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }

    @Override
    public void index(SearchEntry e) {
        jdbc.sql(
                        """
                insert into search_entry (item_id, archive_code, title, person_name, cert_no_index, employer_name,
                    credit_code, category_code, step_code, insurance_type, year, handled_at, fonds_id, org_path,
                    clearance, archive_code_key, responsible, doc_date, retention_code, security_level, page_count)
                values (:itemId, :archiveCode, :title, :personName, :certNoIndex, :employerName, :creditCode,
                    :categoryCode, :stepCode, :insuranceType, :year, :handledAt, :fondsId, :orgPath, :clearance,
                    :codeKey, :responsible, :docDate, :retentionCode, :securityLevel, :pageCount)
                on conflict (item_id) do update set archive_code = excluded.archive_code, title = excluded.title,
                    person_name = excluded.person_name, cert_no_index = excluded.cert_no_index,
                    fonds_id = excluded.fonds_id, org_path = excluded.org_path, clearance = excluded.clearance,
                    employer_name = excluded.employer_name, credit_code = excluded.credit_code,
                    category_code = excluded.category_code, step_code = excluded.step_code,
                    insurance_type = excluded.insurance_type, year = excluded.year, handled_at = excluded.handled_at,
                    archive_code_key = excluded.archive_code_key, responsible = excluded.responsible,
                    doc_date = excluded.doc_date, retention_code = excluded.retention_code,
                    security_level = excluded.security_level, page_count = excluded.page_count
                """)
                .paramSource(withDerived(e))
                .update();
    }

    /** The entry's components, plus the 档号's typing key and the 密级 code the table keeps beside them. */
    private static SqlParameterSource withDerived(SearchEntry e) {
        var entry = new SimplePropertySqlParameterSource(e);
        var derived = new MapSqlParameterSource()
                .addValue("codeKey", ArchiveCodeInput.key(e.archiveCode()))
                .addValue("securityLevel", Integer.toString(e.clearance()));
        return new SqlParameterSource() {
            @Override
            public boolean hasValue(String name) {
                return derived.hasValue(name) || entry.hasValue(name);
            }

            @Override
            public @Nullable Object getValue(String name) {
                return derived.hasValue(name) ? derived.getValue(name) : entry.getValue(name);
            }
        };
    }

    @Override
    public void remove(java.util.UUID itemId) {
        jdbc.sql("delete from search_entry where item_id = :id")
                .param("id", itemId)
                .update();
    }

    @Override
    public void clear() {
        jdbc.sql("delete from search_entry").update();
    }

    @Override
    public boolean needsRebuild() {
        return jdbc.sql(
                        """
                select exists (select 1 from search_entry
                    where org_path is null or cert_no is not null or archive_code_key is null)
                """)
                .query(Boolean.class)
                .single();
    }

    @Override
    public long size() {
        return jdbc.sql("select count(*) from search_entry").query(Long.class).single();
    }
}
