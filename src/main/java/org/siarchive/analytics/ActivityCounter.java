package org.siarchive.analytics;

import java.time.OffsetDateTime;
import java.util.UUID;
import org.siarchive.catalog.Catalog;
import org.siarchive.catalog.ItemCaptured;
import org.siarchive.catalog.ItemCorrected;
import org.siarchive.catalog.ItemDestroyed;
import org.siarchive.checks.CheckRunFinished;
import org.siarchive.digitisation.ScanBatchDecided;
import org.siarchive.integrity.FixityFindingRecorded;
import org.siarchive.lending.LoanGranted;
import org.siarchive.lending.LoanReturned;
import org.siarchive.shared.ReadableTime;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Counts each business event into the daily activity read model. Listeners run after the publishing transaction
 * commits, each in its own transaction, from persisted event publications: a crash before counting is retried, and
 * a retried event is counted once because its identity is its natural ids (docs/adr/0047).
 */
@Component
class ActivityCounter {

    /** Where an event is counted whose item the catalogue no longer knows: only a whole-tree scope sees it. */
    static final String WHOLE_TREE = "/";

    private final ActivityDays days;
    private final Catalog catalog;
    private final ReadableTime time;

    ActivityCounter(ActivityDays days, Catalog catalog, ReadableTime time) {
        this.days = days;
        this.catalog = catalog;
        this.time = time;
    }

    // catalogue events carry neither organisation nor (capture, correction) time: the catalogue is asked for the
    // item's organisation, and the day is the one on which the event is counted

    /** Called by {@link CaptureCounters}, the one listener of captures in this module (docs/adr/0121). */
    void on(ItemCaptured e) {
        item("ItemCaptured|" + e.itemId(), ActivityKind.ITEM_CAPTURED, now(), e.itemId());
    }

    @ApplicationModuleListener
    void on(ItemCorrected e) {
        item("ItemCorrected|" + e.itemId() + "|v" + e.objectVersion(), ActivityKind.ITEM_CORRECTED, now(), e.itemId());
    }

    @ApplicationModuleListener
    void on(ItemDestroyed e) {
        item("ItemDestroyed|" + e.itemId(), ActivityKind.ITEM_DESTROYED, e.destroyedAt(), e.itemId());
    }

    @ApplicationModuleListener
    void on(LoanGranted e) {
        days.add(new Occurrence(
                "LoanGranted|" + e.requestId(),
                ActivityKind.LOAN_GRANTED,
                e.grantedFrom(),
                e.orgPath(),
                e.itemCount()));
    }

    @ApplicationModuleListener
    void on(LoanReturned e) {
        days.add(new Occurrence(
                "LoanReturned|" + e.loanId() + "|" + e.at().toInstant() + "|" + e.stillOut(),
                ActivityKind.LOAN_RETURNED,
                e.at(),
                e.orgPath(),
                e.returned()));
    }

    @ApplicationModuleListener
    void on(FixityFindingRecorded e) {
        days.add(new Occurrence(
                "FixityFindingRecorded|" + e.sweepId() + "|" + e.itemId() + "|" + e.kind() + "|" + e.subject(),
                ActivityKind.FIXITY_FINDING,
                e.recordedAt(),
                e.orgPath(),
                1));
    }

    /** A group's filing runs, one publication for the group (docs/adr/0127): each counted as if finished alone. */
    @ApplicationModuleListener
    void on(org.siarchive.checks.CheckRunsFinished e) {
        e.runs().forEach(this::on);
    }

    @ApplicationModuleListener
    void on(CheckRunFinished e) {
        days.add(new Occurrence(
                "CheckRunFinished|" + e.runId(),
                e.passed() ? ActivityKind.CHECK_RUN_PASSED : ActivityKind.CHECK_RUN_FAILED,
                e.finishedAt(),
                e.orgPath(),
                e.records()));
    }

    @ApplicationModuleListener
    void on(ScanBatchDecided e) {
        days.add(new Occurrence(
                "ScanBatchDecided|" + e.batchId() + "|" + e.decidedAt().toInstant(),
                e.decision() == ScanBatchDecided.Decision.ACCEPTED
                        ? ActivityKind.SCAN_BATCH_ACCEPTED
                        : ActivityKind.SCAN_BATCH_REJECTED,
                e.decidedAt(),
                e.orgPath(),
                e.itemCount()));
    }

    private void item(String identity, ActivityKind kind, OffsetDateTime at, UUID itemId) {
        days.add(new Occurrence(identity, kind, at, orgPathOf(itemId), 1));
    }

    /** The organisation of the item's fonds, asked of the catalogue (its tables are its own). */
    private String orgPathOf(UUID itemId) {
        return catalog.orgPathOf(itemId)
                .filter(path -> path != null && path.startsWith("/"))
                .orElse(WHOLE_TREE);
    }

    private OffsetDateTime now() {
        return time.now().toOffsetDateTime();
    }
}
