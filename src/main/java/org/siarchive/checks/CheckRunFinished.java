package org.siarchive.checks;

import java.time.OffsetDateTime;

/**
 * A four-property check run finished and its report is written. Published in the transaction that writes
 * the report (ADR 0046). Counts are of check items: passed, failed and not checked (未检测, never read as
 * passed); {@code records} is how many records the run looked at.
 *
 * @param orgPath the organisation the run belongs to (materialised path, docs/adr/0031)
 */
public record CheckRunFinished(
        long runId,
        Stage stage,
        int passedItems,
        int failedItems,
        int notCheckedItems,
        int records,
        String orgPath,
        OffsetDateTime finishedAt) {

    /** The run's overall result: no item failed. */
    public boolean passed() {
        return failedItems == 0;
    }
}
