package org.siarchive.analytics;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.siarchive.catalog.Catalog;
import org.siarchive.integrity.FixityChecks;
import org.siarchive.shared.ReadableTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps the preservation-health read model current by a bounded incremental refresh (docs/adr/0088): integrity's
 * latest checks are read after a cursor ({@link FixityChecks}, keyset on check time), a page per transaction with
 * the cursor; each item is counted on the day of its latest check ({@code fixity_day}), moved from its earlier day
 * when it is checked again. Checks younger than a settling time are left for the next run, so a sweep's transaction
 * still committing is not skipped. Started by the schedule {@code siarchive.statistics.fixity-refresh}.
 */
@Component
class FixityRefresh {

    static final Duration SETTLE = Duration.ofMinutes(5);

    private static final OffsetDateTime ORIGIN = OffsetDateTime.of(2000, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);

    private static final UUID NONE = new UUID(0, 0);

    private final JdbcClient jdbc;
    private final FixityChecks checks;
    private final Catalog catalog;
    private final ReadableTime time;
    private final TransactionTemplate tx;

    FixityRefresh(JdbcClient jdbc, FixityChecks checks, Catalog catalog, ReadableTime time, TransactionTemplate tx) {
        this.jdbc = jdbc;
        this.checks = checks;
        this.catalog = catalog;
        this.time = time;
        this.tx = tx;
    }

    @Scheduled(cron = "${siarchive.statistics.fixity-refresh:0 */5 * * * *}", zone = ReadableTime.DEFAULT_ZONE)
    @SchedulerLock(name = "statistics-fixity-refresh", lockAtMostFor = "PT30M")
    void scheduled() {
        run(SETTLE);
    }

    /** Reads every check older than {@code settle} not read yet; the checks read. */
    long run(Duration settle) {
        OffsetDateTime before = time.now().toOffsetDateTime().minus(settle);
        long read = 0;
        int page;
        do {
            page = tx.execute(s -> page(before));
            read += page;
        } while (page == FixityChecks.MAX_PAGE);
        return read;
    }

    private int page(OffsetDateTime before) {
        var cursor = jdbc.sql("select checked_at, item_id from fixity_cursor where id = 1 for update")
                .query((rs, n) -> new FixityChecks.Check(
                        rs.getObject(2, UUID.class), rs.getObject(1, OffsetDateTime.class), true))
                .optional()
                .orElse(new FixityChecks.Check(NONE, ORIGIN, true));
        var page = checks.after(cursor.checkedAt(), cursor.itemId(), before, FixityChecks.MAX_PAGE);
        page.forEach(this::count);
        if (!page.isEmpty()) {
            var last = page.get(page.size() - 1);
            jdbc.sql(
                            """
                    insert into fixity_cursor (id, checked_at, item_id) values (1, :at, :item)
                    on conflict (id) do update set checked_at = excluded.checked_at, item_id = excluded.item_id
                    """)
                    .param("at", last.checkedAt())
                    .param("item", last.itemId())
                    .update();
        }
        return page.size();
    }

    /** The item's latest check replaces the one counted before (if any), on its own day. */
    private void count(FixityChecks.Check c) {
        var earlier = jdbc.sql("delete from fixity_item where item_id = :id returning day, org_path, passed")
                .param("id", c.itemId())
                .query((rs, n) -> new Counted(rs.getObject(1, LocalDate.class), rs.getString(2), rs.getBoolean(3)))
                .optional();
        earlier.ifPresent(this::remove);
        String org = earlier.map(Counted::orgPath).orElseGet(() -> orgPathOf(c.itemId()));
        var now = new Counted(time.date(c.checkedAt()), org, c.passed());
        jdbc.sql(
                        "insert into fixity_item (item_id, org_path, checked_at, day, passed) values (:id, :org, :at, :day, :p)")
                .param("id", c.itemId())
                .param("org", org)
                .param("at", c.checkedAt())
                .param("day", now.day())
                .param("p", c.passed())
                .update();
        add(now);
    }

    private record Counted(LocalDate day, String orgPath, boolean passed) {}

    private void add(Counted c) {
        jdbc.sql(
                        """
                insert into fixity_day (day, org_path, passed, failed) values (:day, :org, :p, :f)
                on conflict (day, org_path) do update
                    set passed = fixity_day.passed + excluded.passed, failed = fixity_day.failed + excluded.failed
                """)
                .param("day", c.day())
                .param("org", c.orgPath())
                .param("p", c.passed() ? 1 : 0)
                .param("f", c.passed() ? 0 : 1)
                .update();
    }

    private void remove(Counted c) {
        jdbc.sql(
                        "update fixity_day set passed = passed - :p, failed = failed - :f where day = :day and org_path = :org")
                .param("day", c.day())
                .param("org", c.orgPath())
                .param("p", c.passed() ? 1 : 0)
                .param("f", c.passed() ? 0 : 1)
                .update();
    }

    /** The organisation of the item: as filed, else as the catalogue knows it, else the whole tree. */
    private String orgPathOf(UUID itemId) {
        return jdbc.sql("select org_path from filing_item where item_id = :id")
                .param("id", itemId)
                .query(String.class)
                .optional()
                .or(() -> catalog.orgPathOf(itemId).filter(p -> p != null && p.startsWith("/")))
                .orElse(ActivityCounter.WHOLE_TREE);
    }
}
