package org.siarchive.reporting;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.siarchive.catalog.HoldingFigures;
import org.siarchive.lending.UseFigures;
import org.siarchive.shared.ReadableTime;
import org.siarchive.transfer.TransferFigures;
import org.springframework.stereotype.Component;

/**
 * The figures of an organisation subtree's annual report, computed from the owning modules' public APIs
 * (docs/adr/0090): holdings and their movements from the catalogue, transfers from the transfer module, uses from
 * lending — each attributed to the unit whose fonds holds the item — and the manual figures of every unit of the
 * subtree summed. The year runs from 1 January to 31 December in Beijing time.
 */
@Component
class AnnualFigures {

    static final Set<String> KNOWN = Set.of(
            "heldVolumes",
            "heldItems",
            "receivedVolumes",
            "receivedItems",
            "transferredVolumes",
            "transferredItems",
            "destroyedVolumes",
            "destroyedItems",
            "usePersons",
            "useVolumes",
            "useItems",
            "digitisedItems",
            "digitisedPages");

    private final HoldingFigures holdings;
    private final UseFigures uses;
    private final TransferFigures transfers;
    private final ManualFigures manual;
    private final AnnualRows rows;
    private final ReadableTime time;

    AnnualFigures(
            HoldingFigures holdings,
            UseFigures uses,
            TransferFigures transfers,
            ManualFigures manual,
            AnnualRows rows,
            ReadableTime time) {
        this.holdings = holdings;
        this.uses = uses;
        this.transfers = transfers;
        this.manual = manual;
        this.rows = rows;
        this.time = time;
        var unknown = new HashSet<>(rows.computedBases());
        unknown.removeAll(KNOWN);
        if (!unknown.isEmpty()) {
            throw new IllegalStateException(AnnualRows.RESOURCE + " names figures nobody computes: " + unknown);
        }
    }

    /** Every row's figure of the subtree at {@code orgPath} for {@code year}, by row code. */
    Map<String, BigDecimal> of(String orgPath, int year) {
        String pattern = orgPath + "%";
        OffsetDateTime from = time.startOf(LocalDate.of(year, 1, 1));
        OffsetDateTime to = time.startOf(LocalDate.of(year + 1, 1, 1));
        var out = new LinkedHashMap<String, BigDecimal>();
        var periods = holdings.periods();
        var held = holdings.heldAt(pattern, to);
        put(out, "heldVolumes", held.totalVolumes());
        put(out, "heldItems", held.totalItems());
        for (var p : periods) {
            put(out, "heldVolumes." + p.code(), held.volumes().getOrDefault(p.code(), 0L));
            put(out, "heldItems." + p.code(), held.items().getOrDefault(p.code(), 0L));
        }
        var received = holdings.receivedIn(pattern, from, to);
        put(out, "receivedVolumes", received.totalVolumes());
        put(out, "receivedItems", received.totalItems());
        var destroyed = holdings.destroyedIn(pattern, from, to);
        put(out, "destroyedVolumes", destroyed.totalVolumes());
        put(out, "destroyedItems", destroyed.totalItems());
        transferred(out, orgPath, from, to);
        used(out, orgPath, from, to);
        long[] digitised = holdings.digitisedIn(pattern, from, to);
        put(out, "digitisedItems", digitised[0]);
        put(out, "digitisedPages", digitised[1]);
        var entered = manual.sum(orgPath, year);
        for (var row : rows.manualRows()) {
            out.put(row.code(), entered.getOrDefault(row.code(), BigDecimal.ZERO));
        }
        return out;
    }

    /** Items written into transfer packages in the year and held in the subtree, and their distinct volumes. */
    private void transferred(Map<String, BigDecimal> out, String orgPath, OffsetDateTime from, OffsetDateTime to) {
        long items = 0;
        var volumes = new HashSet<Long>();
        var ids = new ArrayList<>(transfers.itemsTransferred(from, to));
        for (int i = 0; i < ids.size(); i += HoldingFigures.MAX_IDS) {
            var chunk = ids.subList(i, Math.min(ids.size(), i + HoldingFigures.MAX_IDS));
            for (var p : holdings.placements(chunk).values()) {
                if (p.orgPath().startsWith(orgPath)) {
                    items++;
                    if (p.volumeId() != null) {
                        volumes.add(p.volumeId());
                    }
                }
            }
        }
        put(out, "transferredItems", items);
        put(out, "transferredVolumes", volumes.size());
    }

    /**
     * 利用: 人次 = distinct (holding unit, user, day) — one visit to one unit's archive —, 卷次 = distinct visits and
     * volumes, 件次 = distinct visits and items, over the uses of items the subtree holds. Counting the visit per
     * holding unit keeps a superior unit's figure the sum of its units'.
     */
    private void used(Map<String, BigDecimal> out, String orgPath, OffsetDateTime from, OffsetDateTime to) {
        var persons = new HashSet<String>();
        var volumes = new HashSet<String>();
        var items = new HashSet<String>();
        long after = 0;
        while (true) {
            List<UseFigures.Use> page = uses.page(from, to, after, UseFigures.MAX_PAGE);
            if (page.isEmpty()) {
                break;
            }
            var placed = holdings.placements(
                    page.stream().map(UseFigures.Use::itemId).distinct().toList());
            for (var u : page) {
                var p = placed.get(u.itemId());
                if (p == null || !p.orgPath().startsWith(orgPath)) {
                    continue;
                }
                String visit = p.orgPath() + "\u0000" + u.user() + "\u0000" + time.date(u.at());
                persons.add(visit);
                items.add(visit + "\u0000" + u.itemId());
                if (p.volumeId() != null) {
                    volumes.add(visit + "\u0000" + p.volumeId());
                }
            }
            after = page.get(page.size() - 1).id();
        }
        put(out, "usePersons", persons.size());
        put(out, "useVolumes", volumes.size());
        put(out, "useItems", items.size());
    }

    private static void put(Map<String, BigDecimal> out, String code, long value) {
        out.put(code, BigDecimal.valueOf(value));
    }
}
