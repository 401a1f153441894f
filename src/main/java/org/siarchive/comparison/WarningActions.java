package org.siarchive.comparison;

import java.math.BigDecimal;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.siarchive.shared.Access;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * What people do to a warning, the one entry for the pages, the API and other modules: take it, route it to
 * a unit within the caller's subtree, confirm it (payment action, amount to recover, finding) or exclude it
 * (reason), and close it. A decision commits first; then its evidence is filed into the archive (for
 * confirmations and exclusions alike, docs/adr/0079). A filing that fails leaves the decision standing and
 * is completed by {@link #file} or by closing, which files first when it must.
 */
@Component
public class WarningActions {

    private static final Logger log = LoggerFactory.getLogger(WarningActions.class);

    private final WarningDecisions decisions;
    private final EvidenceFiling filing;
    private final Warnings warnings;

    WarningActions(WarningDecisions decisions, EvidenceFiling filing, Warnings warnings) {
        this.decisions = decisions;
        this.filing = filing;
        this.warnings = warnings;
    }

    public WarningView take(String warningNo, Access access) {
        decisions.take(warningNo, access);
        return warnings.get(warningNo, access);
    }

    public WarningView assign(String warningNo, @Nullable Long orgId, Access access) {
        decisions.assign(warningNo, orgId, access);
        return warnings.get(warningNo, access);
    }

    public WarningView confirm(
            String warningNo,
            @Nullable String paymentAction,
            @Nullable BigDecimal amountToRecover,
            @Nullable String finding,
            Access access) {
        decisions.confirm(
                warningNo, new WarningDecisions.Confirmation(paymentAction, amountToRecover, finding), access);
        fileQuietly(warningNo, access);
        return warnings.get(warningNo, access);
    }

    public WarningView exclude(String warningNo, @Nullable String reason, Access access) {
        decisions.exclude(warningNo, reason, access);
        fileQuietly(warningNo, access);
        return warnings.get(warningNo, access);
    }

    /** Closes it; a decided warning whose evidence is not filed yet is filed first. */
    public WarningView close(String warningNo, Access access) {
        var w = warnings.row(warningNo, access);
        if (w.decidedAt() != null && w.evidenceItemId() == null) {
            filing.file(warningNo, access);
        }
        decisions.close(warningNo, access);
        return warnings.get(warningNo, access);
    }

    /** Files the decided warning's evidence now (idempotent); returns the item's id. */
    public UUID file(String warningNo, Access access) {
        return filing.file(warningNo, access);
    }

    private void fileQuietly(String warningNo, Access access) {
        try {
            filing.file(warningNo, access);
        } catch (RuntimeException e) {
            log.warn("evidence of warning {} not filed yet: {}", warningNo, e.toString());
        }
    }
}
