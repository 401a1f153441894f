package org.siarchive.capture;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.siarchive.catalog.ItemRecord;

/** Per item of a batch, in the batch's order: created, replayed or refused (with why). */
public record BatchResult(List<ItemResult> items) {

    public enum Outcome {
        CREATED,
        REPLAYED,
        REFUSED
    }

    /** One item's result; {@code refusal} is what the single capture would have thrown. */
    public record ItemResult(
            int index, Outcome outcome, @Nullable ItemRecord item, @Nullable RuntimeException refusal) {}

    public BatchResult {
        items = List.copyOf(items);
    }

    public long count(Outcome outcome) {
        return items.stream().filter(i -> i.outcome() == outcome).count();
    }
}
