package org.siarchive.catalog;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
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

    static final String SELECT = ItemFigureRows.SELECT;

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

    /** The facts read through {@code jdbc}, for tools outside the application context. */
    public static ItemFigures over(JdbcClient jdbc) {
        return new ItemFigures(jdbc);
    }

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
        return ItemFigureRows.fact(rs);
    }
}
