package org.siarchive.audit;

import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.siarchive.shared.Actor;

/** An entry recorded but not yet chained: masked and truncated, waiting for its place in the chain. */
record PendingEntry(
        Instant at,
        Actor actor,
        String objectType,
        String objectId,
        String operation,
        String result,
        @Nullable String reason,
        @Nullable String detail) {}
