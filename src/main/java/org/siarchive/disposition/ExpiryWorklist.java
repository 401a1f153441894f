package org.siarchive.disposition;

import java.time.LocalDate;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.siarchive.catalog.RetentionWorklist;
import org.siarchive.catalog.RetentionWorklist.Filter;
import org.siarchive.shared.Access;
import org.siarchive.shared.Bounds;
import org.siarchive.shared.InvalidInputException;
import org.siarchive.shared.ReadableTime;
import org.siarchive.shared.Register;
import org.siarchive.shared.Violation;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * 到期鉴定清单 (docs/adr/0064): what the catalogue finds due by a day, with the mark of items already in
 * an open appraisal batch (this module's {@code appraisal_item}). The day is a preset — 今年年底, 明年年底
 * — or a date the archivist picks.
 */
@Component
class ExpiryWorklist {

    /** How the day is chosen. */
    enum Preset {
        THIS_YEAR,
        NEXT_YEAR,
        DATE
    }

    /** What the worklist shows: items, volumes or boxes. */
    enum Kind {
        ITEMS,
        VOLUMES,
        BOXES
    }

    /** One due item, whether an open appraisal batch already holds it, and whether a legal hold (冻结) covers it. */
    record Row(RetentionWorklist.DueItem item, boolean inOpenBatch, boolean held) {}

    private final RetentionWorklist catalog;
    private final JdbcClient jdbc;
    private final ReadableTime time;
    private final Holds holds;

    ExpiryWorklist(RetentionWorklist catalog, JdbcClient jdbc, ReadableTime time, Holds holds) {
        this.holds = holds;
        this.catalog = catalog;
        this.jdbc = jdbc;
        this.time = time;
    }

    /** The day a preset (or a given date) means; DATE without a date is a 422 naming {@code by}. */
    LocalDate day(@Nullable Preset preset, @Nullable LocalDate by) {
        int year = time.today().getYear();
        Preset p = preset == null ? (by == null ? Preset.THIS_YEAR : Preset.DATE) : preset;
        return switch (p) {
            case THIS_YEAR -> LocalDate.of(year, 12, 31);
            case NEXT_YEAR -> LocalDate.of(year + 1, 12, 31);
            case DATE -> {
                if (by == null) {
                    throw new InvalidInputException(List.of(Violation.of("by", "required")));
                }
                yield by;
            }
        };
    }

    /** The filter as asked: the day of the preset, fonds and category as given (blank: all), checked. */
    Filter filter(@Nullable Preset preset, @Nullable LocalDate by, @Nullable String fonds, @Nullable String category) {
        var v = new java.util.ArrayList<Violation>();
        Bounds.text("fonds", fonds, 16).ifPresent(v::add);
        Bounds.text("category", category, 4).ifPresent(v::add);
        if (!v.isEmpty()) {
            throw new InvalidInputException(v);
        }
        return new Filter(day(preset, by), blank(fonds), blank(category));
    }

    static @Nullable String blank(@Nullable String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    List<RetentionWorklist.DueCount> counts(Filter filter, Access access) {
        return catalog.counts(filter, access.scope());
    }

    org.siarchive.shared.Page<Row> items(Filter filter, Access access, int page, int size) {
        var found = catalog.items(filter, access.scope(), page, size);
        var ids = found.content().stream().map(RetentionWorklist.DueItem::id).toList();
        var open = inOpenBatch(ids);
        var held = holds.heldItemIds(ids);
        return new org.siarchive.shared.Page<>(
                found.content().stream()
                        .map(i -> new Row(i, open.contains(i.id()), held.contains(i.id())))
                        .toList(),
                found.page(),
                found.size(),
                found.total());
    }

    org.siarchive.shared.Page<RetentionWorklist.DueContainer> containers(
            Kind kind, Filter filter, Access access, int page, int size) {
        return kind == Kind.BOXES
                ? catalog.boxes(filter, access.scope(), page, size)
                : catalog.volumes(filter, access.scope(), page, size);
    }

    /** Of these items, those an open appraisal batch holds. */
    Set<UUID> inOpenBatch(Collection<UUID> itemIds) {
        if (itemIds.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(jdbc.sql("select item_id from appraisal_item where open and item_id = any(:ids)")
                .param("ids", itemIds.toArray(UUID[]::new))
                .query(UUID.class)
                .list());
    }

    /** The list as a register for Excel: the same columns as the page, up to 10,000 rows. */
    Register register(Filter filter, Access access) {
        var items = catalog.allItems(filter, access.scope());
        var ids = items.stream().map(RetentionWorklist.DueItem::id).toList();
        var open = inOpenBatch(ids);
        var held = holds.heldItemIds(ids);
        List<List<?>> rows = items.stream()
                .<List<?>>map(i -> List.of(
                        i.archiveCode(),
                        i.title(),
                        i.year(),
                        i.retentionName(),
                        i.endDate().toString(),
                        i.pageCount(),
                        open.contains(i.id()) ? "✓" : "",
                        held.contains(i.id()) ? "✓" : ""))
                .toList();
        return new Register(
                "disposition.expiring.title",
                List.of(
                        Register.Column.of("disposition.expiring.archiveCode", 28),
                        Register.Column.of("disposition.expiring.itemTitle", 40),
                        Register.Column.of("disposition.expiring.year", 6),
                        Register.Column.of("disposition.expiring.retention", 8),
                        Register.Column.of("disposition.expiring.endDate", 12),
                        Register.Column.of("disposition.expiring.pages", 6),
                        Register.Column.of("disposition.expiring.inBatch", 8),
                        Register.Column.of("disposition.expiring.held", 6)),
                rows);
    }
}
