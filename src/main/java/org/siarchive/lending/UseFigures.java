package org.siarchive.lending;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The uses of the archive (利用登记) within a period, page by page (keyset on the register's id), for the annual
 * statistics report (issue 18, docs/adr/0090): who used which item when. The report decides which unit holds the
 * item and counts 人次, 卷次 and 件次 from these lines.
 */
@Component
public class UseFigures {

    /** Largest page one call returns. */
    public static final int MAX_PAGE = 5_000;

    /** One use: the register line's id, the item, the user (account or borrower) and when. */
    public record Use(long id, UUID itemId, String user, OffsetDateTime at) {}

    private final JdbcClient jdbc;

    UseFigures(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Up to {@code limit} (≤ {@value #MAX_PAGE}) uses in [{@code from}, {@code to}) after the line {@code after}. */
    public List<Use> page(OffsetDateTime from, OffsetDateTime to, long after, int limit) {
        return jdbc.sql(
                        """
                select id, item_id, user_name, at from utilisation
                 where at >= :from and at < :to and id > :after
                 order by id limit :limit
                """)
                .param("from", from)
                .param("to", to)
                .param("after", after)
                .param("limit", Math.max(1, Math.min(limit, MAX_PAGE)))
                .query((rs, n) -> new Use(
                        rs.getLong("id"),
                        rs.getObject("item_id", UUID.class),
                        rs.getString("user_name"),
                        rs.getObject("at", OffsetDateTime.class)))
                .list();
    }
}
