package org.siarchive.comparison;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** A run as pages and the API show it, with its inputs and its rule versions' counts. */
public record RunView(
        long id,
        String triggerKind,
        long orgId,
        String orgPath,
        LocalDate asOf,
        String state,
        String startedBy,
        OffsetDateTime startedAt,
        @Nullable OffsetDateTime finishedAt,
        @Nullable Long durationMs,
        long probeRows,
        long buildRows,
        long hits,
        long newWarnings,
        @Nullable Long loadMs,
        @Nullable Long joinMs,
        @Nullable Long storeMs,
        @Nullable String failure,
        List<Input> inputs,
        List<RuleCount> rules) {

    /** A dataset the run read. */
    public record Input(long datasetId, String kind, String source, String title, String fileSm3, long rowsUsed) {}

    /** A rule version's counts in the run. */
    public record RuleCount(
            long ruleVersionId,
            String ruleCode,
            int version,
            String digest,
            long hits,
            long newWarnings,
            BigDecimal amountAtRisk,
            long durationMs) {}

    public String ruleNameKey(String code) {
        return RuleDefinition.labelKey(code);
    }
}
