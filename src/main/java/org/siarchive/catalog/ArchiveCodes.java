package org.siarchive.catalog;

import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Assigns 档号. The counter row of the item's class is incremented inside the registering
 * transaction, so concurrent captures in one class queue on that row and a rolled-back capture gives
 * its number back: numbers are unique and gap-free, and an assigned number is never changed.
 */
@Component
class ArchiveCodes {

    /** A 档号 and its parts. */
    record Assigned(String archiveCode, String classKey, int itemNo) {}

    private final JdbcClient jdbc;

    ArchiveCodes(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    Assigned assign(long fondsId, String categoryCode, Map<String, String> values) {
        var pattern = ruleFor(fondsId, categoryCode);
        String classKey = pattern.classKey(values);
        int next = next(classKey);
        return new Assigned(pattern.format(classKey, next), classKey, next);
    }

    /** The next number of a class; its counter row stays locked until the calling transaction ends. */
    @Transactional(propagation = Propagation.MANDATORY)
    int next(String classKey) {
        return jdbc.sql(
                        """
                insert into archive_code_counter (class_key, last_value) values (:k, 1)
                on conflict (class_key) do update set last_value = archive_code_counter.last_value + 1
                returning last_value
                """)
                .param("k", classKey)
                .query(Integer.class)
                .single();
    }

    /** The most specific rule: fonds + category, then fonds, then category, then the default. */
    ArchiveCodePattern ruleFor(long fondsId, String categoryCode) {
        return jdbc.sql(
                        """
                select pattern, seq_width from archive_code_rule
                where (fonds_id = :f or fonds_id is null) and (category_code = :c or category_code is null)
                order by (fonds_id is null), (category_code is null) limit 1
                """)
                .param("f", fondsId)
                .param("c", categoryCode)
                .query((rs, n) -> new ArchiveCodePattern(rs.getString(1), rs.getInt(2)))
                .single();
    }
}
