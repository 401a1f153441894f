package org.siarchive.catalog;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * A retention period (保管期限). Counting starts on 1 January of the year after the material was
 * formed (人社部令第3号; GB/T 31599); a fixed term ends on 31 December of its last year. The term is a
 * minimum: appraisal may extend it, never shorten it.
 */
public record Retention(String code, String name, @Nullable Integer years) {

    public boolean permanent() {
        return years == null;
    }

    public static LocalDate start(LocalDate formed) {
        return LocalDate.of(formed.getYear() + 1, 1, 1);
    }

    /** Last day of the term, or null for 永久. */
    public @Nullable LocalDate end(LocalDate formed) {
        return years == null ? null : start(formed).plusYears(years).minusDays(1);
    }
}
