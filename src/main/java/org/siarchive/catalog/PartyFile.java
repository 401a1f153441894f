package org.siarchive.catalog;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** 一人一档 / 一企一档: the party and all of its items (within the reader's scope) by business time. */
public record PartyFile(Party party, List<ItemSummary> items) {

    /**
     * A person (参保人) or an employer (参保单位). For a person, {@code key}, {@code phone} and
     * {@code bankAccount} are masked unless the reader unmasked them with a recorded reason.
     */
    public record Party(
            long id,
            String kind,
            String key,
            @Nullable String keyType,
            String name,
            @Nullable String gender,
            java.time.@Nullable LocalDate birthDate,
            @Nullable String phone,
            @Nullable String bankAccount) {}
}
