package org.siarchive.mining;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Planted catalogue rows for the mining tests, written straight into the catalogue's tables (tests may): a fonds of
 * the unit, persons, items of a business step handled at a chosen time, and files of chosen materials.
 */
final class MiningFixture {

    private final JdbcClient jdbc;
    private final String tag;
    private int seq;

    MiningFixture(JdbcClient jdbc, String tag) {
        this.jdbc = jdbc;
        this.tag = tag;
    }

    long fonds(long orgId, String orgPath) {
        return jdbc.sql(
                        """
                insert into fonds (code, name, agency, org_path, org_id) values (:c, :n, :n, :p, :o) returning id
                """)
                .param("c", "MF" + tag + (seq++))
                .param("n", "挖掘测试全宗" + tag)
                .param("p", orgPath)
                .param("o", orgId)
                .query(Long.class)
                .single();
    }

    long person() {
        return jdbc.sql("insert into person (cert_type, cert_no, name) values ('01', :c, :n) returning id")
                .param("c", "M" + tag + "-" + (seq++))
                .param("n", "挖掘" + seq)
                .query(Long.class)
                .single();
    }

    /** An item of {@code step} handled at {@code handled}, with files of {@code materials}. */
    UUID item(long fonds, String step, String category, OffsetDateTime handled, Long person, List<String> materials) {
        UUID id = UUID.randomUUID();
        int n = seq++;
        jdbc.sql(
                        """
                insert into item (id, fonds_id, archive_code, class_key, item_no, title, responsible, doc_date, year,
                                  security_level, page_count, category_code, step_code, acceptance_no,
                                  idempotency_key, fingerprint, handler, handling_agency, handled_at, retention_code,
                                  retention_start, person_id, status, object_id)
                values (:id, :f, :code, :key, :no, '挖掘测试件', '经办科', :day, :year, '1', 3, :cat, :step, :acc,
                        :idem, repeat('0', 64), '经办员', '经办机构', :at, 'Y', :day, :person, 'PRESERVED', :obj)
                """)
                .param("id", id)
                .param("f", fonds)
                .param("code", "MN-" + tag + "-" + n)
                .param("key", "mining-" + tag)
                .param("no", n)
                .param("day", handled.toLocalDate())
                .param("year", handled.getYear())
                .param("cat", category)
                .param("step", step)
                .param("acc", "ACC" + tag + n)
                .param("idem", "mining-" + tag + "-" + n)
                .param("at", handled)
                .param("person", person)
                .param("obj", "mining-" + id)
                .update();
        int fileSeq = 1;
        for (String m : materials) {
            jdbc.sql(
                            """
                    insert into item_file (item_id, seq, material_code, original_name, logical_path, media_type,
                                           format_name, size_bytes, sm3, sha256)
                    values (:id, :s, :m, 'a.pdf', :p, 'application/pdf', 'PDF', 1000, repeat('0', 64), repeat('0', 64))
                    """)
                    .param("id", id)
                    .param("s", fileSeq)
                    .param("m", m)
                    .param("p", "content/" + fileSeq + ".pdf")
                    .update();
            fileSeq++;
        }
        return id;
    }

    static OffsetDateTime at(int year, int month, int day) {
        return OffsetDateTime.of(year, month, day, 10, 0, 0, 0, ZoneOffset.ofHours(8));
    }
}
