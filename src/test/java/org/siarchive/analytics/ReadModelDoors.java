package org.siarchive.analytics;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Collection;
import java.util.UUID;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * For tests of other modules that read {@link UnitFigures} (supervision's KPIs): counts a data set again after
 * the test dated it by SQL, as the scheduled backfill and fixity refresh would, and waits for the filing
 * listener. Test sources only; the read models stay analytics' own.
 */
public final class ReadModelDoors {

    private ReadModelDoors() {}

    /** Until the filing listener finished every event published to it. */
    public static void awaitFiling(JdbcClient jdbc) {
        await().atMost(Duration.ofSeconds(30))
                .until(() -> jdbc.sql(
                                        """
                                select count(*) from event_publication
                                 where (listener_id like '%FilingListener%' or listener_id like '%CaptureCounters%')
                                   and completion_date is null
                                """)
                                .query(Long.class)
                                .single()
                        == 0);
    }

    /** Forgets what was counted of these items under {@code orgPath} and counts them again from the catalogue. */
    public static void recountFiling(ApplicationContext context, Collection<UUID> items, String orgPath) {
        var jdbc = context.getBean(JdbcClient.class);
        awaitFiling(jdbc);
        jdbc.sql("delete from filing_item where item_id = any(:ids)")
                .param("ids", items.toArray(UUID[]::new))
                .update();
        jdbc.sql("delete from filing_month where org_path like :org")
                .param("org", orgPath + "%")
                .update();
        var backfill = context.getBean(FilingBackfill.class);
        backfill.restart();
        backfill.run();
    }

    /** Reads every fixity check again from the start (idempotent), as the refresh does. */
    public static void refreshFixity(ApplicationContext context) {
        context.getBean(JdbcClient.class).sql("delete from fixity_cursor").update();
        context.getBean(FixityRefresh.class).run(Duration.ZERO);
    }
}
