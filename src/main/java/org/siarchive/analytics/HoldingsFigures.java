package org.siarchive.analytics;

import java.time.LocalDate;
import java.util.List;
import org.siarchive.organisation.OrgUnit;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Reads the holdings read model within an organisation subtree (a {@code like} pattern bound as a parameter): totals,
 * sums by one dimension, by child unit and by month filed. Small, indexed reads — never the catalogue.
 */
@Component
class HoldingsFigures {

    /** A sum of held items, their pages and bytes under a key (a year, a code, an organisation path, a month). */
    record Sum(String key, long items, long pages, long bytes) {}

    /** The dimensions of {@code holdings_cell} one can sum by. */
    enum By {
        YEAR("year"),
        CATEGORY("category_code"),
        INSURANCE("insurance_type"),
        RETENTION("retention_code");

        final String column;

        By(String column) {
            this.column = column;
        }
    }

    private final JdbcClient jdbc;

    HoldingsFigures(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Sum total(String orgPattern) {
        return jdbc.sql(
                        """
                select '' as key, coalesce(sum(items), 0) as items, coalesce(sum(pages), 0) as pages,
                       coalesce(sum(bytes), 0) as bytes
                  from holdings_cell where org_path like :p
                """)
                .param("p", orgPattern)
                .query(Sum.class)
                .single();
    }

    /** The sums by {@code by}, in key order, without keys that hold nothing. */
    List<Sum> by(By by, String orgPattern) {
        return jdbc.sql("select cast(" + by.column + " as varchar) as key, sum(items) as items, sum(pages) as pages,"
                        + " sum(bytes) as bytes from holdings_cell where org_path like :p group by " + by.column
                        + " having sum(items) > 0 order by " + by.column)
                .param("p", orgPattern)
                .query(Sum.class)
                .list();
    }

    /**
     * The sums of each unit's subtree, keyed by its path, and of the selected unit itself (items filed at that level,
     * keyed by its own path with the suffix {@code =}).
     */
    List<Sum> byUnit(OrgUnit org, List<OrgUnit> children) {
        String[] paths = children.stream().map(OrgUnit::path).toArray(String[]::new);
        return jdbc.sql(
                        """
                select u.path as key, coalesce(sum(c.items), 0) as items, coalesce(sum(c.pages), 0) as pages,
                       coalesce(sum(c.bytes), 0) as bytes
                  from unnest(cast(:paths as varchar[])) as u(path)
                  left join holdings_cell c on c.org_path like u.path || '%'
                 group by u.path
                union all
                select :own || '=', coalesce(sum(items), 0), coalesce(sum(pages), 0), coalesce(sum(bytes), 0)
                  from holdings_cell where org_path = :own
                """)
                .param("paths", paths)
                .param("own", org.path())
                .query(Sum.class)
                .list();
    }

    /** The items filed per month from {@code from} to {@code to} (first days of months), without empty months. */
    List<Sum> byMonth(String orgPattern, LocalDate from, LocalDate to) {
        return jdbc.sql(
                        """
                select cast(filed_month as varchar) as key, sum(items) as items, sum(pages) as pages,
                       sum(bytes) as bytes
                  from holdings_month where org_path like :p and filed_month between :from and :to
                 group by filed_month order by filed_month
                """)
                .param("p", orgPattern)
                .param("from", from)
                .param("to", to)
                .query(Sum.class)
                .list();
    }

    /** What was held before {@code month} (filed in earlier months and still held). */
    Sum before(String orgPattern, LocalDate month) {
        return jdbc.sql(
                        """
                select '' as key, coalesce(sum(items), 0) as items, coalesce(sum(pages), 0) as pages,
                       coalesce(sum(bytes), 0) as bytes
                  from holdings_month where org_path like :p and filed_month < :m
                """)
                .param("p", orgPattern)
                .param("m", month)
                .query(Sum.class)
                .single();
    }
}
