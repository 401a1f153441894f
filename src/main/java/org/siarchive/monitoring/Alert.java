package org.siarchive.monitoring;

import java.time.OffsetDateTime;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A security alert: which rule fired about whom, in which window, how far over the threshold, and its review. */
public record Alert(
        UUID id,
        String ruleCode,
        String actor,
        String orgPath,
        OffsetDateTime windowStart,
        OffsetDateTime windowEnd,
        String severity,
        int observed,
        @Nullable Integer threshold,
        OffsetDateTime raisedAt,
        String state,
        @Nullable String acknowledgedBy,
        @Nullable OffsetDateTime acknowledgedAt,
        @Nullable String note) {

    public static final String OPEN = "OPEN";
    public static final String ACKNOWLEDGED = "ACKNOWLEDGED";

    public String ruleKey() {
        return "monitoring.rule.name." + ruleCode;
    }

    public String severityKey() {
        return "monitoring.severity." + severity;
    }

    public String stateKey() {
        return "monitoring.state." + state;
    }

    public boolean open() {
        return OPEN.equals(state);
    }
}
