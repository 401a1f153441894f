package org.siarchive.search;

import org.jspecify.annotations.Nullable;

/** Metadata criteria; every criterion is optional and they combine with AND. {@code page} counts from 0. */
public record SearchQuery(
        @Nullable String name,
        @Nullable String idNumber,
        @Nullable String archiveCode,
        @Nullable String category,
        @Nullable Integer year,
        @Nullable String insuranceType,
        int page,
        int size) {

    public boolean empty() {
        return blank(name)
                && blank(idNumber)
                && blank(archiveCode)
                && blank(category)
                && year == null
                && blank(insuranceType);
    }

    static boolean blank(@Nullable String s) {
        return s == null || s.isBlank();
    }
}
