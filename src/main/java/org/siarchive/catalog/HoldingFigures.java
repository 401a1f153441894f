package org.siarchive.catalog;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What an organisation subtree holds and did with its holdings in a period, counted on the catalogue's own tables
 * for the annual statistics report (issue 18, docs/adr/0090): 卷 and 件 held at an instant by retention period,
 * received (registered) and destroyed within a period, pages re-digitised within a period, and where given items
 * are held (for counting uses and transfers that other modules record by item). Every query is bounded by the
 * subtree pattern ({@code org_path like :pattern}) and a period; nothing is read item by item.
 */
@Component
public class HoldingFigures {

    /** Largest number of item ids one {@link #placements} call resolves. */
    public static final int MAX_IDS = 5_000;

    /** A retention period of the reference data (保管期限), in its order. */
    public record Period(String code, String name) {}

    /** 卷 and 件 counted per retention code (codes without any are absent). */
    public record Counts(Map<String, Long> volumes, Map<String, Long> items) {

        public long totalVolumes() {
            return volumes.values().stream().mapToLong(Long::longValue).sum();
        }

        public long totalItems() {
            return items.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    /** Where an item is held: its fonds' organisation path and its volume (null when not in a volume). */
    public record Placement(String orgPath, @Nullable Long volumeId) {}

    private final JdbcClient jdbc;

    HoldingFigures(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The retention periods of the reference data, in their order. */
    public List<Period> periods() {
        return jdbc.sql("select code, name from retention_period order by sort_order, code")
                .query(Period.class)
                .list();
    }

    /**
     * 卷 and 件 held at {@code end} (instants with the people's offset: a volume's destruction day is compared
     * with their local date): registered before it and not destroyed before it. A volume counts while it
     * was made before {@code end} and not physically destroyed before that day.
     */
    public Counts heldAt(String orgPattern, OffsetDateTime end) {
        var volumes = grouped(
                """
                select v.retention_code as code, count(*) as n
                  from volume v join fonds f on f.id = v.fonds_id
                 where f.org_path like :pattern and v.created_at < :end
                   and (v.physically_destroyed_on is null or v.physically_destroyed_on >= :endDay)
                 group by v.retention_code
                """,
                orgPattern,
                null,
                end);
        var items = grouped(
                """
                select i.retention_code as code, count(*) as n
                  from item i join fonds f on f.id = i.fonds_id
                 where f.org_path like :pattern and i.created_at < :end
                   and (i.destroyed_at is null or i.destroyed_at >= :end)
                 group by i.retention_code
                """,
                orgPattern,
                null,
                end);
        return new Counts(volumes, items);
    }

    /** 卷 made and 件 registered (归档) within [{@code from}, {@code to}). */
    public Counts receivedIn(String orgPattern, OffsetDateTime from, OffsetDateTime to) {
        var volumes = grouped(
                """
                select v.retention_code as code, count(*) as n
                  from volume v join fonds f on f.id = v.fonds_id
                 where f.org_path like :pattern and v.created_at >= :from and v.created_at < :end
                 group by v.retention_code
                """,
                orgPattern,
                from,
                to);
        var items = grouped(
                """
                select i.retention_code as code, count(*) as n
                  from item i join fonds f on f.id = i.fonds_id
                 where f.org_path like :pattern and i.created_at >= :from and i.created_at < :end
                 group by i.retention_code
                """,
                orgPattern,
                from,
                to);
        return new Counts(volumes, items);
    }

    /** 件 destroyed and 卷 physically destroyed within [{@code from}, {@code to}). */
    public Counts destroyedIn(String orgPattern, OffsetDateTime from, OffsetDateTime to) {
        var volumes = grouped(
                """
                select v.retention_code as code, count(*) as n
                  from volume v join fonds f on f.id = v.fonds_id
                 where f.org_path like :pattern and v.physically_destroyed_on >= :fromDay
                   and v.physically_destroyed_on < :endDay
                 group by v.retention_code
                """,
                orgPattern,
                from,
                to);
        var items = grouped(
                """
                select i.retention_code as code, count(*) as n
                  from item i join fonds f on f.id = i.fonds_id
                 where f.org_path like :pattern and i.destroyed_at >= :from and i.destroyed_at < :end
                 group by i.retention_code
                """,
                orgPattern,
                from,
                to);
        return new Counts(volumes, items);
    }

    /** Re-digitised paper: items whose page images were registered within the period, and those pages. */
    public long[] digitisedIn(String orgPattern, OffsetDateTime from, OffsetDateTime to) {
        return jdbc.sql(
                        """
                select count(distinct r.item_id) as items, count(*) as pages
                  from item_rendition r join item i on i.id = r.item_id join fonds f on f.id = i.fonds_id
                 where r.kind = 'SCAN_PAGE' and f.org_path like :pattern
                   and r.created_at >= :from and r.created_at < :end
                """)
                .param("pattern", orgPattern)
                .param("from", from)
                .param("end", to)
                .query((rs, n) -> new long[] {rs.getLong("items"), rs.getLong("pages")})
                .single();
    }

    /** Where the given items are held (at most {@value #MAX_IDS}); unknown ids are absent. */
    public Map<UUID, Placement> placements(Collection<UUID> ids) {
        if (ids.size() > MAX_IDS) {
            throw new IllegalArgumentException("at most " + MAX_IDS + " ids");
        }
        var out = new HashMap<UUID, Placement>();
        if (ids.isEmpty()) {
            return out;
        }
        jdbc.sql(
                        """
                select i.id, coalesce(f.org_path, '') as org_path, i.volume_id
                  from item i join fonds f on f.id = i.fonds_id
                 where i.id = any(:ids)
                """)
                .param("ids", new ArrayList<>(ids).toArray(UUID[]::new))
                .query(rs -> {
                    out.put(
                            rs.getObject("id", UUID.class),
                            new Placement(rs.getString("org_path"), rs.getObject("volume_id", Long.class)));
                });
        return out;
    }

    private Map<String, Long> grouped(
            String sql, String orgPattern, @Nullable OffsetDateTime from, OffsetDateTime end) {
        var out = new LinkedHashMap<String, Long>();
        var spec = jdbc.sql(sql).param("pattern", orgPattern);
        if (sql.contains(":end ") || sql.contains(":end\n") || sql.contains(":end)")) {
            spec = spec.param("end", end);
        }
        if (sql.contains(":endDay")) {
            spec = spec.param("endDay", end.toLocalDate());
        }
        if (from != null && sql.contains(":from ")) {
            spec = spec.param("from", from);
        }
        if (from != null && sql.contains(":fromDay")) {
            spec = spec.param("fromDay", from.toLocalDate());
        }
        spec.query(rs -> {
            out.put(rs.getString("code"), rs.getLong("n"));
        });
        return out;
    }
}
