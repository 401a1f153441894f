package org.siarchive.catalog;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * When a volume (卷) or box (盒) is due for appraisal (docs/adr/0064): a container ends with the last of
 * its members, so it is due only when every member is. A volume's own term counts from 1 January of the
 * year after its 年度 ({@link Retention#start}); its members are its items that are not destroyed. A
 * box's members are its volumes and items. Any 永久 member (or a 永久 volume) keeps it forever. The
 * worklist's SQL applies the same rule ({@code WorklistQueries}); this class states it once for people.
 */
public final class ContainerTerm {

    private ContainerTerm() {}

    /** Last day of a volume's own term from its 年度 and term in years (null = 永久 → empty). */
    public static Optional<LocalDate> ownEnd(int year, @Nullable Integer years) {
        return years == null
                ? Optional.empty()
                : Optional.of(Retention.start(LocalDate.of(year, 1, 1))
                        .plusYears(years)
                        .minusDays(1));
    }

    /**
     * A volume's end: the latest of its own end and its items' ends (each empty for 永久); empty (never
     * due) when any of them is 永久.
     */
    public static Optional<LocalDate> volumeEnd(
            int year, @Nullable Integer years, Collection<Optional<LocalDate>> items) {
        var own = ownEnd(year, years);
        if (own.isEmpty()) {
            return Optional.empty();
        }
        return latest(own.get(), items);
    }

    /** A box's end: the latest end of its volumes and items; empty when any is 永久 or the box is empty. */
    public static Optional<LocalDate> boxEnd(Collection<Optional<LocalDate>> members) {
        return members.isEmpty() ? Optional.empty() : latest(LocalDate.MIN, members);
    }

    private static Optional<LocalDate> latest(LocalDate from, Collection<Optional<LocalDate>> members) {
        LocalDate latest = from;
        for (var m : members) {
            if (m.isEmpty()) {
                return Optional.empty();
            }
            latest = m.get().isAfter(latest) ? m.get() : latest;
        }
        return Optional.of(latest);
    }
}
