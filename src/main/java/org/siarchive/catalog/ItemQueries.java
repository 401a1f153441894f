package org.siarchive.catalog;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Read side of the catalogue: items with their files, person and employer files, counts. */
@Component
class ItemQueries {

    static final String ITEM_SELECT =
            """
            select i.id, i.archive_code, f.code as fonds_code, f.name as fonds_name, i.item_no, i.title,
                   i.responsible, i.doc_date, i.year, i.doc_no, i.security_level, i.category_code,
                   c.name as category_name, i.step_code, s.name as step_name, i.insurance_type,
                   it.name as insurance_name, i.acceptance_no, i.handler, i.handling_agency, i.handled_at,
                   i.retention_code, r.name as retention_name, i.retention_start, i.retention_end,
                   p.cert_type, p.cert_no, i.person_name, p.name as registered_person_name,
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
                   e.name as employer_name, i.status
            from item i
            join material_category c on c.code = i.category_code
            join business_step s on s.code = i.step_code
            join retention_period r on r.code = i.retention_code
            left join code_table it on it.category = 'AAE140' and it.code = i.insurance_type
            left join employer e on e.id = i.employer_id
            """;

    private final JdbcClient jdbc;

    ItemQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<ItemRecord> byId(UUID id) {
        return one("i.id = :v", id);
    }

    Optional<ItemRecord> byIdempotencyKey(String key) {
        return one("i.idempotency_key = :v", key);
    }

    Optional<ItemRecord> byArchiveCode(String code) {
        return one("i.archive_code = :v", code);
    }

    private Optional<ItemRecord> one(String where, Object value) {
        return jdbc.sql(ITEM_SELECT + " where " + where)
                .param("v", value)
                .query((rs, n) -> ItemRows.item(rs))
                .optional()
                .map(item -> item.withFiles(files(item.id())));
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

    List<ItemSummary> summaries(String where, Map<String, ?> params, String orderBy, int limit) {
        return jdbc.sql(SUMMARY_SELECT + " where " + where + " order by " + orderBy + " limit " + limit)
                .params(params)
                .query(ItemSummary.class)
                .list();
    }

    Optional<PartyFile.Party> person(String certNo) {
        return jdbc.sql(
                        """
                select id, 'PERSON' as kind, cert_no as key, cert_type as key_type, name,
                       gender, birth_date from person where cert_no = :k order by id limit 1
                """)
                .param("k", certNo)
                .query(PartyFile.Party.class)
                .optional();
    }

    Optional<PartyFile.Party> employer(String creditCode) {
        return jdbc.sql(
                        """
                select id, 'EMPLOYER' as kind, credit_code as key, null as key_type, name,
                       null as gender, null::date as birth_date from employer where credit_code = :k
                """)
                .param("k", creditCode)
                .query(PartyFile.Party.class)
                .optional();
    }

    Counts counts() {
        long items = count("select count(*) from item");
        long persons = count("select count(*) from person");
        long employers = count("select count(*) from employer");
        long bytes = count("select coalesce(sum(size_bytes), 0) from item_file");
        return new Counts(
                items,
                persons,
                employers,
                bytes,
                grouped(
                        """
                select status, count(*) from item group by status order by status
                """),
                grouped(
                        """
                select c.name, count(i.id) from material_category c left join item i on i.category_code = c.code
                group by c.code, c.name order by c.code
                """));
    }

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }

    private Map<String, Long> grouped(String sql) {
        return jdbc.sql(sql).query((rs, n) -> Map.entry(rs.getString(1), rs.getLong(2))).list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, LinkedHashMap::new));
    }
}
