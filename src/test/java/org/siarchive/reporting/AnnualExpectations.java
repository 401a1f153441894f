package org.siarchive.reporting;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The counted figures of the annual report for a subtree and year, written independently of the application's
 * code: plain SQL over the tables, the year as Beijing's calendar year ({@code make_timestamptz(…, 'Asia/Shanghai')},
 * {@code at time zone 'Asia/Shanghai'}).
 */
final class AnnualExpectations {

    private static final String START = "make_timestamptz(:y, 1, 1, 0, 0, 0, 'Asia/Shanghai')";
    private static final String END = "make_timestamptz(:y + 1, 1, 1, 0, 0, 0, 'Asia/Shanghai')";

    private final JdbcClient jdbc;
    private final String pattern;
    private final int year;

    AnnualExpectations(JdbcClient jdbc, String pattern, int year) {
        this.jdbc = jdbc;
        this.pattern = pattern;
        this.year = year;
    }

    Map<String, BigDecimal> counted() {
        var out = new HashMap<String, BigDecimal>();
        List<String> periods = jdbc.sql("select code from retention_period")
                .query(String.class)
                .list();
        long heldVolumes = 0;
        long heldItems = 0;
        for (String p : periods) {
            long v = count(
                    """
                    select count(*) from volume v join fonds f on f.id = v.fonds_id
                     where f.org_path like :p and v.retention_code = :r and v.created_at < %s
                       and (v.physically_destroyed_on is null or v.physically_destroyed_on >= make_date(:y + 1, 1, 1))
                    """
                            .formatted(END),
                    p);
            long i = count(
                    """
                    select count(*) from item i join fonds f on f.id = i.fonds_id
                     where f.org_path like :p and i.retention_code = :r and i.created_at < %s
                       and (i.destroyed_at is null or i.destroyed_at >= %s)
                    """
                            .formatted(END, END),
                    p);
            out.put("heldVolumes." + p, BigDecimal.valueOf(v));
            out.put("heldItems." + p, BigDecimal.valueOf(i));
            heldVolumes += v;
            heldItems += i;
        }
        put(out, "heldVolumes", heldVolumes);
        put(out, "heldItems", heldItems);
        put(
                out,
                "receivedVolumes",
                count(
                        """
                select count(*) from volume v join fonds f on f.id = v.fonds_id
                 where f.org_path like :p and v.created_at >= %s and v.created_at < %s
                """
                                .formatted(START, END),
                        null));
        put(
                out,
                "receivedItems",
                count(
                        """
                select count(*) from item i join fonds f on f.id = i.fonds_id
                 where f.org_path like :p and i.created_at >= %s and i.created_at < %s
                """
                                .formatted(START, END),
                        null));
        put(
                out,
                "destroyedVolumes",
                count(
                        """
                select count(*) from volume v join fonds f on f.id = v.fonds_id
                 where f.org_path like :p and extract(year from v.physically_destroyed_on) = :y
                """,
                        null));
        put(
                out,
                "destroyedItems",
                count(
                        """
                select count(*) from item i join fonds f on f.id = i.fonds_id
                 where f.org_path like :p and extract(year from i.destroyed_at at time zone 'Asia/Shanghai') = :y
                """,
                        null));
        String transferred =
                """
                from item i join fonds f on f.id = i.fonds_id
                 where f.org_path like :p and i.id::text in (
                       select a.object_id from audit_entry a where a.object_type = 'ITEM'
                          and a.operation = 'TRANSFER_EXPORT' and a.result = 'SUCCESS'
                          and extract(year from a.at at time zone 'Asia/Shanghai') = :y)
                """;
        put(out, "transferredItems", count("select count(*) " + transferred, null));
        put(out, "transferredVolumes", count("select count(distinct i.volume_id) " + transferred, null));
        String used =
                """
                from utilisation u join item i on i.id = u.item_id join fonds f on f.id = i.fonds_id
                 where f.org_path like :p and extract(year from u.at at time zone 'Asia/Shanghai') = :y
                """;
        String day = "(u.at at time zone 'Asia/Shanghai')::date, f.org_path";
        put(out, "usePersons", count("select count(distinct (u.user_name, " + day + ")) " + used, null));
        put(out, "useItems", count("select count(distinct (u.user_name, " + day + ", u.item_id)) " + used, null));
        put(
                out,
                "useVolumes",
                count(
                        "select count(distinct (u.user_name, " + day + ", i.volume_id)) " + used
                                + " and i.volume_id is not null",
                        null));
        String scanned =
                """
                from item_rendition r join item i on i.id = r.item_id join fonds f on f.id = i.fonds_id
                 where r.kind = 'SCAN_PAGE' and f.org_path like :p
                   and extract(year from r.created_at at time zone 'Asia/Shanghai') = :y
                """;
        put(out, "digitisedItems", count("select count(distinct r.item_id) " + scanned, null));
        put(out, "digitisedPages", count("select count(*) " + scanned, null));
        return out;
    }

    private long count(String sql, String retention) {
        var spec = jdbc.sql(sql).param("p", pattern).param("y", year);
        if (retention != null) {
            spec = spec.param("r", retention);
        }
        return spec.query(Long.class).single();
    }

    private static void put(Map<String, BigDecimal> out, String code, long value) {
        out.put(code, BigDecimal.valueOf(value));
    }
}
