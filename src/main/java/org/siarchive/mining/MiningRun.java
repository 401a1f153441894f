package org.siarchive.mining;

import java.time.OffsetDateTime;
import org.jspecify.annotations.Nullable;

/** A mining run as listed: who, when, over which unit, what it read and how long it took. */
record MiningRun(
        long id,
        long orgId,
        String orgPath,
        String triggerKind,
        String startedBy,
        OffsetDateTime startedAt,
        @Nullable OffsetDateTime finishedAt,
        String state,
        long itemCap,
        @Nullable Long itemsInScope,
        @Nullable Long itemsRead,
        @Nullable Long durationMs) {

    boolean sampled() {
        return itemsInScope != null && itemsRead != null && itemsRead < itemsInScope;
    }
}
