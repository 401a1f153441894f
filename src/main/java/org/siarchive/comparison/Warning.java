package org.siarchive.comparison;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One warning (预警) as stored: which rule found whom (token and sealed ID number, masked name), where it is
 * handled (unit, assignee, deadline), what was decided and what was filed. The sealed ID number never leaves
 * the module: pages and the API show {@link WarningView}.
 */
public record Warning(
        long id,
        String warningNo,
        String ruleCode,
        long ruleVersionId,
        long firstRunId,
        long lastRunId,
        byte[] token,
        byte[] certEnc,
        @Nullable String nameMasked,
        @Nullable Long personId,
        long orgId,
        String orgPath,
        WarningState state,
        BigDecimal amountAtRisk,
        int monthsAtRisk,
        @Nullable BigDecimal amountToRecover,
        @Nullable PaymentAction paymentAction,
        @Nullable String exclusionReason,
        @Nullable String finding,
        @Nullable String assignedTo,
        @Nullable OffsetDateTime assignedAt,
        LocalDate dueOn,
        OffsetDateTime raisedAt,
        @Nullable String decidedBy,
        @Nullable OffsetDateTime decidedAt,
        @Nullable String closedBy,
        @Nullable OffsetDateTime closedAt,
        @Nullable UUID evidenceItemId,
        int reminders) {

    /** Past its deadline and not closed. */
    public boolean overdue(LocalDate today) {
        return state.open() && dueOn.isBefore(today);
    }

    /** A decision that files the check's report and evidence into the archive. */
    public boolean decided() {
        return state == WarningState.CONFIRMED || state == WarningState.EXCLUDED || decidedAt != null;
    }

    /** One matched record: copies of the facts (masked), from which dataset and row. */
    public record Evidence(int seq, long datasetId, long rowNo, String kind, String source, String facts) {}

    /** One line of the warning's history. */
    public record Event(int seq, OffsetDateTime at, String actor, String action, @Nullable String note) {}
}
