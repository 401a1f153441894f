package org.siarchive.integrity;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Each item's latest fixity check, read in the order it was checked (keyset on check time and item id, through the
 * index on the check time) — how statistics keep their preservation-health read model current without reading
 * integrity's tables (issue 18, docs/adr/0088).
 */
@Component
public class FixityChecks {

    /** Largest page one call returns. */
    public static final int MAX_PAGE = 5_000;

    private final JdbcClient jdbc;

    FixityChecks(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** An item's latest check: when, and whether everything stored for it was as registered. */
    public record Check(UUID itemId, OffsetDateTime checkedAt, boolean passed) {}

    /**
     * Up to {@code limit} (≤ {@value #MAX_PAGE}) latest checks after ({@code at}, {@code item}) and before {@code
     * before}, by check time and item id. An item checked again moves to its new time.
     */
    public List<Check> after(OffsetDateTime at, UUID item, OffsetDateTime before, int limit) {
        return jdbc.sql(
                        """
                select item_id, checked_at, passed from item_fixity
                 where checked_at >= :at and (checked_at > :at or item_id > :item) and checked_at < :before
                 order by checked_at, item_id limit :limit
                """)
                .param("at", at)
                .param("item", item)
                .param("before", before)
                .param("limit", Math.max(1, Math.min(limit, MAX_PAGE)))
                .query((rs, n) ->
                        new Check(rs.getObject(1, UUID.class), rs.getObject(2, OffsetDateTime.class), rs.getBoolean(3)))
                .list();
    }
}
