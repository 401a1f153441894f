package org.siarchive.supervision;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A rectification item (整改事项) of one unit, raised from an inspection plan: what (title, detail), who
 * (an account of the unit, or the unit as a whole when {@code owner} is null), by when, and how far it got.
 */
record Rectification(
        UUID id,
        String rectNo,
        UUID planId,
        String planNo,
        long orgId,
        String orgPath,
        @Nullable String owner,
        String title,
        @Nullable String detail,
        LocalDate deadline,
        RectificationState state,
        @Nullable String report,
        @Nullable String returnReason,
        int returns,
        String raisedBy,
        OffsetDateTime raisedAt,
        @Nullable String submittedBy,
        @Nullable OffsetDateTime submittedAt,
        @Nullable String closedBy,
        @Nullable OffsetDateTime closedAt) {

    /** Not closed and past its deadline on {@code today} (北京时间). */
    public boolean overdue(LocalDate today) {
        return state != RectificationState.CLOSED && deadline.isBefore(today);
    }
}
