package org.siarchive.checks;

import java.util.List;

/**
 * Several four-property check runs finished in one transaction — a batch's or a group commit's filing runs, one per
 * item (docs/adr/0127): one event for them all, published in the transaction that writes their reports. Each
 * listener does for every run what it does for a {@link CheckRunFinished}.
 */
public record CheckRunsFinished(List<CheckRunFinished> runs) {

    public CheckRunsFinished {
        runs = List.copyOf(runs);
    }
}
