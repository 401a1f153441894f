package org.siarchive.catalog;

import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * What the disposition rules need to know of one item (件): its 档号, its term (保管期限) and the last day
 * of it (null for 永久), where it is in its life, its fonds and the figures a 销毁清册 prints. Read through
 * {@link RetentionWorklist#facts}; the catalogue owns the item, so the disposition module never reads the
 * table itself (docs/adr/0039).
 *
 * @param end last day of the term (31 December of its last year); null when {@code permanent}
 * @param pageCount the recorded page count, or the number of files when none was recorded
 * @param securityLevel the item's 密级 (1 公开, 2 内部, 3 敏感)
 */
public record RetentionFacts(
        UUID itemId,
        String archiveCode,
        String retentionCode,
        boolean permanent,
        @Nullable LocalDate end,
        ItemState state,
        long fondsId,
        int pageCount,
        String title,
        int year,
        String categoryCode,
        int securityLevel) {

    /** Whether the term ends on or before {@code day} (never for 永久): the worklist's test. */
    public boolean endsBy(LocalDate day) {
        return end != null && !end.isAfter(day);
    }

    /** Whether the term has run out before {@code today} (its last day is past): destruction's test. */
    public boolean expired(LocalDate today) {
        return end != null && end.isBefore(today);
    }
}
