package org.siarchive.analytics;

import java.sql.Date;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The SQL of the holdings read model (docs/adr/0086): {@code holdings_item} holds what each held item contributes,
 * {@code holdings_cell} and {@code holdings_month} the sums. An item is recounted by comparing its ledger row with
 * what it contributes now and moving the sums by the difference, in one transaction, under a lock on the item — so a
 * redelivered event, or two events of one item at once, count it exactly once.
 */
@Component
class HoldingsLedger {

    /** First key of the advisory locks on items (the second is a hash of the item id). */
    private static final int LOCK_SPACE = 18_10;

    private static final String COLUMNS =
            "item_id, org_path, year, category_code, insurance_type, retention_code, filed_month, pages, bytes";

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;

    HoldingsLedger(JdbcClient jdbc, JdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    /**
     * Makes the item count as {@code current} says once the item is locked (nothing: not held); true when the sums
     * changed. The facts are read under the lock, so of two recounts of one item the later sees the later facts.
     */
    @Transactional
    boolean recount(UUID itemId, Supplier<Optional<HoldingsEntry>> current) {
        jdbc.sql("select pg_advisory_xact_lock(:space, :key)")
                .param("space", LOCK_SPACE)
                .param("key", itemId.hashCode())
                .query((rs, n) -> 1)
                .list();
        var now = current.get();
        var before = entry(itemId);
        if (before.equals(now)) {
            return false;
        }
        before.ifPresent(e -> {
            add(e, -1);
            jdbc.sql("delete from holdings_item where item_id = :id")
                    .param("id", itemId)
                    .update();
        });
        now.ifPresent(e -> {
            add(e, 1);
            jdbc.sql("insert into holdings_item (" + COLUMNS + ") values (:id, :org, :year, :cat, :ins, :ret, :month,"
                            + " :pages, :bytes) on conflict (item_id) do update set org_path = excluded.org_path,"
                            + " year = excluded.year, category_code = excluded.category_code,"
                            + " insurance_type = excluded.insurance_type, retention_code = excluded.retention_code,"
                            + " filed_month = excluded.filed_month, pages = excluded.pages, bytes = excluded.bytes")
                    .param("id", e.itemId())
                    .param("org", e.orgPath())
                    .param("year", e.year())
                    .param("cat", e.categoryCode())
                    .param("ins", e.insuranceType())
                    .param("ret", e.retentionCode())
                    .param("month", e.filedMonth())
                    .param("pages", e.pages())
                    .param("bytes", e.bytes())
                    .update();
        });
        return true;
    }

    Optional<HoldingsEntry> entry(UUID itemId) {
        return jdbc.sql("select " + COLUMNS + " from holdings_item where item_id = :id")
                .param("id", itemId)
                .query(HoldingsEntry.class)
                .optional();
    }

    /**
     * Moves the sums by one item: an upsert to add (a new cell starts at the item), an update to take away (the
     * cell exists, as the item was counted in it; a check constraint would refuse a negative insert proposal).
     */
    private void add(HoldingsEntry e, int sign) {
        String cell = sign > 0
                ? """
                insert into holdings_cell as c (org_path, year, category_code, insurance_type, retention_code,
                                                items, pages, bytes)
                values (:org, :year, :cat, :ins, :ret, 1, :pages, :bytes)
                on conflict (org_path, year, category_code, insurance_type, retention_code) do update
                    set items = c.items + 1, pages = c.pages + excluded.pages, bytes = c.bytes + excluded.bytes
                """
                : """
                update holdings_cell set items = items - 1, pages = pages - :pages, bytes = bytes - :bytes
                 where org_path = :org and year = :year and category_code = :cat and insurance_type = :ins
                   and retention_code = :ret
                """;
        jdbc.sql(cell)
                .param("org", e.orgPath())
                .param("year", e.year())
                .param("cat", e.categoryCode())
                .param("ins", e.insuranceType())
                .param("ret", e.retentionCode())
                .param("pages", e.pages())
                .param("bytes", e.bytes())
                .update();
        String month = sign > 0
                ? """
                insert into holdings_month as m (org_path, filed_month, items, pages, bytes)
                values (:org, :month, 1, :pages, :bytes)
                on conflict (org_path, filed_month) do update
                    set items = m.items + 1, pages = m.pages + excluded.pages, bytes = m.bytes + excluded.bytes
                """
                : """
                update holdings_month set items = items - 1, pages = pages - :pages, bytes = bytes - :bytes
                 where org_path = :org and filed_month = :month
                """;
        jdbc.sql(month)
                .param("org", e.orgPath())
                .param("month", e.filedMonth())
                .param("pages", e.pages())
                .param("bytes", e.bytes())
                .update();
    }

    // ------------------------------------------------------------------ rebuild

    /** Forgets every count: a rebuild starts from nothing. */
    void clear() {
        jdbc.sql("truncate holdings_item, holdings_cell, holdings_month").update();
    }

    /** Adds a page of held items to the ledger; an item an event counted meanwhile keeps its (newer) row. */
    void keep(List<HoldingsEntry> entries) {
        var rows = new ArrayList<Object[]>(entries.size());
        for (var e : entries) {
            rows.add(new Object[] {
                e.itemId(),
                e.orgPath(),
                e.year(),
                e.categoryCode(),
                e.insuranceType(),
                e.retentionCode(),
                Date.valueOf(e.filedMonth()),
                e.pages(),
                e.bytes()
            });
        }
        batch.batchUpdate(
                "insert into holdings_item (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?)"
                        + " on conflict (item_id) do nothing",
                rows);
    }

    /** Sums the ledger into the aggregates afresh, with events held back until it is done. */
    void sumUp() {
        jdbc.sql("lock table holdings_item in share mode").update();
        jdbc.sql("delete from holdings_cell").update();
        jdbc.sql("delete from holdings_month").update();
        jdbc.sql(
                        """
                insert into holdings_cell (org_path, year, category_code, insurance_type, retention_code,
                                           items, pages, bytes)
                select org_path, year, category_code, insurance_type, retention_code, count(*), sum(pages), sum(bytes)
                  from holdings_item group by org_path, year, category_code, insurance_type, retention_code
                """)
                .update();
        jdbc.sql(
                        """
                insert into holdings_month (org_path, filed_month, items, pages, bytes)
                select org_path, filed_month, count(*), sum(pages), sum(bytes)
                  from holdings_item group by org_path, filed_month
                """)
                .update();
    }
}
