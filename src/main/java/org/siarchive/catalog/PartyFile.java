package org.siarchive.catalog;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** 一人一档 / 一企一档: the party and all of its items ordered by business time. */
public record PartyFile(Party party, List<ItemSummary> items) {

    /** A person (参保人) or an employer (参保单位). */
    public record Party(
            long id,
            String kind,
            String key,
            @Nullable String keyType,
            String name,
            @Nullable String gender,
            java.time.@Nullable LocalDate birthDate) {}
}
