package org.siarchive.analytics;

import java.util.UUID;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.jspecify.annotations.Nullable;
import org.siarchive.catalog.ItemFigures;
import org.siarchive.shared.ReadableTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Counts the items filed before the 随办随归 read model existed (docs/adr/0088): the catalogue's facts page by page
 * ({@link ItemFigures#page}, keyset on the id), each page with the marker row {@code filing_backfill} in one
 * transaction, so a crash resumes after the last page counted. Items the events counted already are skipped by
 * their identity; what the backfill counts is what the events would have counted. Started by the schedule
 * {@code siarchive.statistics.backfill} (tests start it themselves).
 */
@Component
class FilingBackfill {

    private static final Logger log = LoggerFactory.getLogger(FilingBackfill.class);

    static final int PAGE = 1_000;

    private final JdbcClient jdbc;
    private final ItemFigures figures;
    private final FilingLedger ledger;
    private final TransactionTemplate tx;

    FilingBackfill(JdbcClient jdbc, ItemFigures figures, FilingLedger ledger, TransactionTemplate tx) {
        this.jdbc = jdbc;
        this.figures = figures;
        this.ledger = ledger;
        this.tx = tx;
    }

    /** Until the marker says done; a no-op afterwards. */
    @Scheduled(cron = "${siarchive.statistics.backfill:0 */10 * * * *}", zone = ReadableTime.DEFAULT_ZONE)
    @SchedulerLock(name = "statistics-filing-backfill", lockAtMostFor = "PT2H", lockAtLeastFor = "PT1M")
    void scheduled() {
        if (!done()) {
            run();
        }
    }

    /** Counts every filed item not counted yet, page by page from the marker; the items counted now. */
    long run() {
        tx.executeWithoutResult(s -> {
            jdbc.sql("insert into filing_backfill (id) values (1) on conflict do nothing")
                    .update();
            ledger.rememberEarlierCorrections();
        });
        long added = 0;
        int read;
        do {
            Long[] counted = {0L};
            int[] size = {0};
            tx.executeWithoutResult(s -> {
                UUID after = marker();
                var page = figures.page(after, PAGE);
                for (var fact : page) {
                    if (ledger.filed(fact)
                            .map(f -> ledger.add(f, "DESTROYED".equals(fact.status())))
                            .orElse(false)) {
                        counted[0]++;
                    }
                }
                size[0] = page.size();
                UUID last = page.isEmpty() ? after : page.get(page.size() - 1).id();
                jdbc.sql("update filing_backfill set after_id = :after, done = :done, items = items + :n,"
                                + " updated_at = now() where id = 1")
                        .param("after", last)
                        .param("done", page.size() < PAGE)
                        .param("n", counted[0])
                        .update();
            });
            added += counted[0];
            read = size[0];
        } while (read == PAGE);
        log.info("filing read model backfilled: {} items counted", added);
        return added;
    }

    /** Starts the backfill over from the first item (a rebuild); items counted stay counted. */
    void restart() {
        jdbc.sql("update filing_backfill set after_id = null, done = false where id = 1")
                .update();
    }

    private boolean done() {
        return jdbc.sql("select coalesce((select done from filing_backfill where id = 1), false)")
                .query(Boolean.class)
                .single();
    }

    private @Nullable UUID marker() {
        return jdbc.sql("select after_id from filing_backfill where id = 1")
                .query(UUID.class)
                .optional()
                .orElse(null);
    }
}
