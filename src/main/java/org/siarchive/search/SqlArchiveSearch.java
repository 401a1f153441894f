package org.siarchive.search;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.siarchive.shared.Page;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * SQL backend of the search port over {@code search_entry}. Criteria are bind parameters; a name
 * matches as a prefix, ID numbers and 档号 exactly (档号 also as a prefix, to list a class).
 */
@Component
class SqlArchiveSearch implements ArchiveSearch {

    private final JdbcClient jdbc;

    SqlArchiveSearch(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Page<SearchHit> search(SearchQuery q) {
        int size = Page.clampSize(q.size());
        int page = Math.max(0, q.page());
        var where = new ArrayList<String>();
        var params = new HashMap<String, Object>();
        criteria(q, where, params);
        String clause = where.isEmpty() ? "true" : String.join(" and ", where);
        long total = jdbc.sql("select count(*) from search_entry where " + clause)
                .params(params)
                .query(Long.class)
                .single();
        params.put("limit", size);
        params.put("offset", (long) page * size);
        List<SearchHit> hits = jdbc.sql(
                        """
                select item_id, archive_code, title, person_name, cert_no, employer_name, category_code, step_code,
                       insurance_type, year, handled_at
                from search_entry where %s order by handled_at desc, archive_code limit :limit offset :offset
                """
                                .formatted(clause))
                .params(params)
                .query(SearchHit.class)
                .list();
        return new Page<>(hits, page, size, total);
    }

    private static void criteria(SearchQuery q, List<String> where, Map<String, Object> params) {
        if (!SearchQuery.blank(q.name())) {
            where.add("(person_name like :name escape '\\' or employer_name like :name escape '\\')");
            params.put("name", likePrefix(q.name().strip()));
        }
        if (!SearchQuery.blank(q.idNumber())) {
            where.add("(cert_no = :idNumber or credit_code = :idNumber)");
            params.put("idNumber", q.idNumber().strip().toUpperCase(Locale.ROOT));
        }
        if (!SearchQuery.blank(q.archiveCode())) {
            where.add("(archive_code = :code or archive_code like :codePrefix escape '\\')");
            params.put("code", q.archiveCode().strip());
            params.put("codePrefix", likePrefix(q.archiveCode().strip()));
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
                insert into search_entry (item_id, archive_code, title, person_name, cert_no, employer_name, credit_code,
                    category_code, step_code, insurance_type, year, handled_at)
                values (:itemId, :archiveCode, :title, :personName, :certNo, :employerName, :creditCode,
                    :categoryCode, :stepCode, :insuranceType, :year, :handledAt)
                on conflict (item_id) do update set archive_code = excluded.archive_code, title = excluded.title,
                    person_name = excluded.person_name, cert_no = excluded.cert_no,
                    employer_name = excluded.employer_name, credit_code = excluded.credit_code,
                    category_code = excluded.category_code, step_code = excluded.step_code,
                    insurance_type = excluded.insurance_type, year = excluded.year, handled_at = excluded.handled_at
                """)
                .paramSource(e)
                .update();
    }

    @Override
    public void clear() {
        jdbc.sql("delete from search_entry").update();
    }

    @Override
    public long size() {
        return jdbc.sql("select count(*) from search_entry").query(Long.class).single();
    }
}
