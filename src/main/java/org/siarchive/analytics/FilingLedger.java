package org.siarchive.analytics;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;
import org.siarchive.catalog.ItemFigures;
import org.siarchive.shared.ReadableTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The SQL that keeps the 随办随归 read model (docs/adr/0088): {@code filing_item} holds one row per item filed (its
 * identity: a redelivered capture adds nothing), {@code filing_month} the same counted per month filed, organisation
 * and business step with a histogram of days from handling to filing. Both change in one transaction.
 */
@Component
class FilingLedger {

    /**
     * Days to file counted one by one: {@code hist[d + 1]} of {@code filing_month} counts the items filed within d
     * days (cumulative, d = 0 … 365), so "filed within N days" is one element per row; {@code hist[367]} is all.
     */
    static final int MAX_DAYS = 365;

    static final int BINS = MAX_DAYS + 2;

    private final JdbcClient jdbc;
    private final ReadableTime time;

    FilingLedger(JdbcClient jdbc, ReadableTime time) {
        this.jdbc = jdbc;
        this.time = time;
    }

    /** One item filed, as the catalogue's facts tell it. */
    record Filed(UUID itemId, LocalDate day, String orgPath, String stepCode, int daysToFile, boolean complete) {

        int bin() {
            return Math.min(daysToFile, MAX_DAYS + 1) + 1;
        }
    }

    /** The filing of an item from its facts; empty when it was never filed or belongs to no organisation. */
    Optional<Filed> filed(ItemFigures.Fact f) {
        if ("RECEIVING".equals(f.status())
                || f.orgPath() == null
                || !f.orgPath().startsWith("/")) {
            return Optional.empty();
        }
        LocalDate day = time.date(f.capturedAt());
        long days = Math.max(0, ChronoUnit.DAYS.between(time.date(f.handledAt()), day));
        return Optional.of(new Filed(
                f.id(),
                day,
                f.orgPath(),
                f.stepCode(),
                (int) Math.min(days, Integer.MAX_VALUE),
                f.missingRequired().isEmpty()));
    }

    /**
     * Counts the item unless it was counted before; true when it was new. A correction that arrived first marks it
     * corrected; a destroyed item is counted destroyed.
     */
    @Transactional
    boolean add(Filed f, boolean destroyed) {
        boolean corrected = correctedBefore(f.itemId());
        int added = jdbc.sql(
                        """
                insert into filing_item (item_id, day, org_path, step_code, days_to_file, complete, corrected,
                                         destroyed)
                values (:id, :day, :org, :step, :days, :complete, :corrected, :destroyed)
                on conflict (item_id) do nothing
                """)
                .param("id", f.itemId())
                .param("day", f.day())
                .param("org", f.orgPath())
                .param("step", f.stepCode())
                .param("days", f.daysToFile())
                .param("complete", f.complete())
                .param("corrected", corrected)
                .param("destroyed", destroyed)
                .update();
        if (added == 0) {
            return false;
        }
        jdbc.sql(
                        """
                insert into filing_month (month, org_path, step_code, items, complete, corrected, destroyed,
                                          days_total, hist)
                values (:month, :org, :step, 1, :complete, :corrected, :destroyed, :days,
                        (select array_agg(case when g >= :bin then 1 else 0 end order by g)
                           from generate_series(1, :bins) g))
                on conflict (month, org_path, step_code) do update set
                    items = filing_month.items + 1,
                    complete = filing_month.complete + excluded.complete,
                    corrected = filing_month.corrected + excluded.corrected,
                    destroyed = filing_month.destroyed + excluded.destroyed,
                    days_total = filing_month.days_total + excluded.days_total,
                    hist = (select array_agg(case when t.i >= :bin then t.h + 1 else t.h end order by t.i)
                              from unnest(filing_month.hist) with ordinality as t(h, i))
                """)
                .param("month", f.day().withDayOfMonth(1))
                .param("org", f.orgPath())
                .param("step", f.stepCode())
                .param("complete", f.complete() ? 1 : 0)
                .param("corrected", corrected ? 1 : 0)
                .param("destroyed", destroyed ? 1 : 0)
                .param("days", (long) f.daysToFile())
                .param("bin", f.bin())
                .param("bins", BINS)
                .update();
        return true;
    }

    private boolean correctedBefore(UUID itemId) {
        return jdbc.sql(
                        """
                select exists (select 1 from filing_correction where item_id = :id)
                """)
                .param("id", itemId)
                .query(Boolean.class)
                .single();
    }

    /**
     * Corrections the daily activity read model counted before this read model existed (one pass over its
     * corrections, when a backfill starts), so backfilled items are counted corrected as their events would have.
     */
    @Transactional
    int rememberEarlierCorrections() {
        return jdbc.sql(
                        """
                insert into filing_correction (item_id)
                select distinct cast(split_part(identity, '|', 2) as uuid) from activity_event
                 where activity = 'ITEM_CORRECTED' and identity like 'ItemCorrected|%'
                on conflict do nothing
                """)
                .update();
    }

    /** The item's description was corrected: counted once per item, however many corrections follow. */
    @Transactional
    void corrected(UUID itemId) {
        jdbc.sql("insert into filing_correction (item_id) values (:id) on conflict do nothing")
                .param("id", itemId)
                .update();
        flag(itemId, "corrected");
    }

    /** The item was destroyed: counted once per item. */
    @Transactional
    void destroyed(UUID itemId) {
        flag(itemId, "destroyed");
    }

    private void flag(UUID itemId, String column) {
        // the column is one of two constants above, never input
        jdbc.sql("with changed as (update filing_item set " + column + " = true where item_id = :id and not "
                        + column + " returning day, org_path, step_code) "
                        + "update filing_month m set " + column + " = m." + column + " + 1 from changed c "
                        + "where m.month = date_trunc('month', c.day)::date and m.org_path = c.org_path "
                        + "and m.step_code = c.step_code")
                .param("id", itemId)
                .update();
    }
}
