package org.siarchive.analytics;

import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.siarchive.catalog.ItemFigures;
import org.siarchive.shared.ReadableTime;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The in-process holdings rebuild for callers outside the application context (docs/adr/0143): the same page loop
 * ({@link HoldingsRebuild#fill}), classification ({@link HoldingsEntry}, {@link HoldingsClassification}) and ledger
 * ({@link HoldingsLedger#keep}, {@link HoldingsLedger#sumUp}) as the audited rebuild, without its progress row and
 * audit record. The Spark statistics job's test compares its figures with what this writes to {@code holdings_cell}
 * and {@code holdings_month}.
 */
public final class HoldingsInProcess {

    private HoldingsInProcess() {}

    /** Counts every item afresh into the holdings tables; the number of items held. */
    public static long rebuild(DataSource dataSource, ZoneId zone) {
        var jdbc = JdbcClient.create(dataSource);
        var ledger = new HoldingsLedger(jdbc, new JdbcTemplate(dataSource));
        var tx = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        tx.executeWithoutResult(s -> ledger.clear());
        var held = new AtomicLong();
        HoldingsRebuild.fill(ItemFigures.over(jdbc), ReadableTime.of(zone), null, (entries, last) -> {
            tx.executeWithoutResult(s -> ledger.keep(entries));
            held.addAndGet(entries.size());
        });
        tx.executeWithoutResult(s -> ledger.sumUp());
        return held.get();
    }
}
