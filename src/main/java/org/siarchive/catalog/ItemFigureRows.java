package org.siarchive.catalog;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;

/**
 * The SQL and row mapping behind {@link ItemFigures}, in plain JDBC, for readers outside the Spring context: the
 * Spark statistics job reads the catalogue's items with exactly the query and mapping the in-process rebuild pages
 * through (docs/adr/0143). The select ends with its {@code from} clause (aliases {@code i} for the item, {@code f}
 * for its fonds), so a caller appends its own {@code where}.
 */
public final class ItemFigureRows {

    /** The facts of items; append a {@code where} on {@code i.…}. */
    public static final String SELECT =
            """
            select i.id, f.org_path, i.year, i.category_code, i.step_code, i.insurance_type, i.retention_code,
                   coalesce(i.page_count, 0) as pages, i.status, i.handled_at, i.created_at, i.destroyed_at,
                   i.person_id, i.employer_id,
                   (select count(*) from item_file x where x.item_id = i.id) as files,
                   (select coalesce(sum(x.size_bytes), 0) from item_file x where x.item_id = i.id) as bytes,
                   array(select m.material_code from business_step_material m
                          where m.step_code = i.step_code and m.required
                            and not exists (select 1 from item_file x
                                            where x.item_id = i.id and x.material_code = m.material_code)
                          order by m.sort_order) as missing
              from item i join fonds f on f.id = i.fonds_id
            """;

    private ItemFigureRows() {}

    /** The facts of the row the result set stands on. */
    public static ItemFigures.Fact fact(ResultSet rs) throws SQLException {
        Long person = rs.getObject("person_id", Long.class);
        Long employer = rs.getObject("employer_id", Long.class);
        var missing = (String[]) rs.getArray("missing").getArray();
        return new ItemFigures.Fact(
                rs.getObject("id", java.util.UUID.class),
                rs.getString("org_path"),
                rs.getInt("year"),
                rs.getString("category_code"),
                rs.getString("step_code"),
                rs.getString("insurance_type"),
                rs.getString("retention_code"),
                rs.getInt("pages"),
                rs.getString("status"),
                rs.getObject("handled_at", OffsetDateTime.class),
                rs.getObject("created_at", OffsetDateTime.class),
                rs.getObject("destroyed_at", OffsetDateTime.class),
                person,
                employer,
                rs.getInt("files"),
                rs.getLong("bytes"),
                List.copyOf(Arrays.asList(missing)));
    }
}
