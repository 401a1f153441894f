package org.siarchive.catalog;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The facts about an item that statistics count (issue 18, docs/adr/0085): where it belongs, how it is classified,
 * how big it is, when it was handled and filed, and which required materials of its business step it lacks. Read
 * models in other modules are built from these — one item at a time when an event arrives, or page by page (keyset
 * on the id) when a read model is rebuilt — so no module outside the catalogue reads the catalogue's tables.
 */
@Component
public class ItemFigures {

    /** Largest page one call returns. */
    public static final int MAX_PAGE = 5_000;

    static final String SELECT =
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

    private final JdbcClient jdbc;

    ItemFigures(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * One item's facts.
     *
     * @param orgPath the organisation path of the item's fonds ({@code /1/4/}); null for a fonds without one
     * @param status RECEIVING, PRESERVED, QUARANTINED or DESTROYED
     * @param capturedAt when the catalogue registered the item (归档时间)
     * @param handledAt when the business was handled (经办时间)
     * @param bytes the size of its files as captured (renditions not included)
     * @param missingRequired codes of the business step's required materials the item has no file of, in the
     *     step's order
     */
    public record Fact(
            UUID id,
            @Nullable String orgPath,
            int year,
            String categoryCode,
            String stepCode,
            @Nullable String insuranceType,
            String retentionCode,
            int pages,
            String status,
            OffsetDateTime handledAt,
            OffsetDateTime capturedAt,
            @Nullable OffsetDateTime destroyedAt,
            @Nullable Long personId,
            @Nullable Long employerId,
            int files,
            long bytes,
            List<String> missingRequired) {}

    /** The item's facts; empty when the catalogue does not know it. */
    public Optional<Fact> of(UUID itemId) {
        return jdbc.sql(SELECT + " where i.id = :id")
                .param("id", itemId)
                .query(ItemFigures::fact)
                .optional();
    }

    /** Up to {@code limit} (≤ {@value #MAX_PAGE}) items after {@code after} in id order; from the start if null. */
    public List<Fact> page(@Nullable UUID after, int limit) {
        int size = Math.max(1, Math.min(limit, MAX_PAGE));
        return jdbc.sql(SELECT + " where (cast(:after as uuid) is null or i.id > cast(:after as uuid))"
                        + " order by i.id limit :limit")
                .param("after", after)
                .param("limit", size)
                .query(ItemFigures::fact)
                .list();
    }

    static Fact fact(ResultSet rs, int row) throws SQLException {
        Long person = rs.getObject("person_id", Long.class);
        Long employer = rs.getObject("employer_id", Long.class);
        var missing = (String[]) rs.getArray("missing").getArray();
        return new Fact(
                rs.getObject("id", UUID.class),
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
