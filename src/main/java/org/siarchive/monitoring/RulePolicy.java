package org.siarchive.monitoring;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import org.jspecify.annotations.Nullable;

/**
 * One rule's policy: whether it runs, how severe its alerts are, and its thresholds (those the rule does not use
 * are null): a count and its window, working hours (Beijing time), a look-back in days and the deviations above the
 * mean that count as unusual.
 */
public record RulePolicy(
        String code,
        boolean enabled,
        String severity,
        @Nullable Integer threshold,
        @Nullable Integer windowMinutes,
        @Nullable Integer workStart,
        @Nullable Integer workEnd,
        @Nullable Integer lookbackDays,
        @Nullable BigDecimal deviations,
        @Nullable OffsetDateTime updatedAt,
        @Nullable String updatedBy) {

    public RuleCode rule() {
        return RuleCode.valueOf(code);
    }

    public String severityKey() {
        return "monitoring.severity." + severity;
    }

    int thresholdOr(int fallback) {
        return threshold == null ? fallback : threshold;
    }

    int windowOr(int fallback) {
        return windowMinutes == null ? fallback : windowMinutes;
    }

    int lookbackOr(int fallback) {
        return lookbackDays == null ? fallback : lookbackDays;
    }
}
