package org.siarchive.search;

import java.time.OffsetDateTime;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.siarchive.catalog.ItemRecord;

/** What the index keeps of an item: the searchable fields, denormalised. */
public record SearchEntry(
        UUID itemId,
        String archiveCode,
        String title,
        @Nullable String personName,
        @Nullable String certNo,
        @Nullable String employerName,
        @Nullable String creditCode,
        String categoryCode,
        String stepCode,
        @Nullable String insuranceType,
        int year,
        OffsetDateTime handledAt) {

    static SearchEntry of(ItemRecord i) {
        return new SearchEntry(
                i.id(),
                i.archiveCode(),
                i.title(),
                i.personName(),
                i.certNo(),
                i.employerName(),
                i.creditCode(),
                i.categoryCode(),
                i.stepCode(),
                i.insuranceType(),
                i.year(),
                i.handledAt());
    }
}
