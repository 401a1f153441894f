package org.siarchive.analytics;

import java.time.Duration;
import org.siarchive.digitisation.BatchFigures;
import org.siarchive.digitisation.ScanBatchDecided;
import org.siarchive.lending.LoanDecided;
import org.siarchive.lending.LoanRequested;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Counts utilisation and digitisation events into the daily activity read model (docs/adr/0088): use requests made
 * and decided (with the time to decision), and the pages of each scan batch decided (with those read by OCR).
 * Idempotent by event identity like {@link ActivityCounter}.
 */
@Component
class OperationsCounter {

    private final ActivityDays days;
    private final BatchFigures batches;

    OperationsCounter(ActivityDays days, BatchFigures batches) {
        this.days = days;
        this.batches = batches;
    }

    @ApplicationModuleListener
    void on(LoanRequested e) {
        days.add(new Occurrence(
                "LoanRequested|" + e.requestId(),
                ActivityKind.LOAN_REQUESTED,
                e.requestedAt(),
                e.orgPath(),
                e.itemCount()));
    }

    @ApplicationModuleListener
    void on(LoanDecided e) {
        long seconds =
                Math.max(0, Duration.between(e.requestedAt(), e.decidedAt()).toSeconds());
        days.add(new Occurrence(
                "LoanDecided|" + e.requestId(),
                e.approved() ? ActivityKind.LOAN_APPROVED : ActivityKind.LOAN_REFUSED,
                e.decidedAt(),
                e.orgPath(),
                seconds));
    }

    @ApplicationModuleListener
    void on(ScanBatchDecided e) {
        batches.of(e.batchId()).ifPresent(pages -> pages(e, pages));
    }

    /** A batch the digitisation module no longer knows has no pages to count. */
    private void pages(ScanBatchDecided e, BatchFigures.Pages pages) {
        String identity = e.batchId() + "|" + e.decidedAt().toInstant();
        boolean accepted = e.decision() == ScanBatchDecided.Decision.ACCEPTED;
        days.add(new Occurrence(
                "ScanPages|" + identity,
                accepted ? ActivityKind.SCAN_PAGES_ACCEPTED : ActivityKind.SCAN_PAGES_REJECTED,
                e.decidedAt(),
                e.orgPath(),
                pages.scanned()));
        if (pages.recognised() > 0) {
            days.add(new Occurrence(
                    "OcrPages|" + identity, ActivityKind.OCR_PAGES, e.decidedAt(), e.orgPath(), pages.recognised()));
        }
    }
}
