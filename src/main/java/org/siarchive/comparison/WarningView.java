package org.siarchive.comparison;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.siarchive.crypto.Masks;

/**
 * A warning as pages and the API show it: the ID number masked (like every masked ID, 前六后四), the unit's
 * name, the overdue mark of today, and whether the evidence is filed; never the token or the ciphertext.
 */
public record WarningView(
        String warningNo,
        String ruleCode,
        String ruleName,
        @Nullable String nameMasked,
        @Nullable String idMasked,
        @Nullable Long personId,
        long orgId,
        String orgName,
        WarningState state,
        BigDecimal amountAtRisk,
        int monthsAtRisk,
        @Nullable BigDecimal amountToRecover,
        @Nullable PaymentAction paymentAction,
        @Nullable String finding,
        @Nullable String exclusionReason,
        @Nullable String assignedTo,
        LocalDate dueOn,
        boolean overdue,
        OffsetDateTime raisedAt,
        long firstRunId,
        long lastRunId,
        @Nullable String decidedBy,
        @Nullable OffsetDateTime decidedAt,
        @Nullable String closedBy,
        @Nullable OffsetDateTime closedAt,
        @Nullable UUID evidenceItemId,
        int reminders) {

    static WarningView of(Warning w, @Nullable String certNo, String ruleName, String orgName, LocalDate today) {
        return new WarningView(
                w.warningNo(),
                w.ruleCode(),
                ruleName,
                w.nameMasked(),
                Masks.idNumber(certNo),
                w.personId(),
                w.orgId(),
                orgName,
                w.state(),
                w.amountAtRisk(),
                w.monthsAtRisk(),
                w.amountToRecover(),
                w.paymentAction(),
                w.finding(),
                w.exclusionReason(),
                w.assignedTo(),
                w.dueOn(),
                w.overdue(today),
                w.raisedAt(),
                w.firstRunId(),
                w.lastRunId(),
                w.decidedBy(),
                w.decidedAt(),
                w.closedBy(),
                w.closedAt(),
                w.evidenceItemId(),
                w.reminders());
    }

    public boolean evidenceFiled() {
        return evidenceItemId != null;
    }
}
