package org.siarchive.analytics;

import org.siarchive.catalog.ItemCaptured;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * The one listener of captures in this module: a captured item is counted into the daily activity, the holdings and
 * the 随办随归 read models from one persisted event publication, in one transaction (docs/adr/0121). Three listeners
 * cost every capture three publication rows written before its acknowledgement and three listener transactions
 * after it. Each count is idempotent on the item id, so a redelivered event changes nothing; should one of them
 * fail, the event is retried for all three.
 */
@Component
class CaptureCounters {

    private final ActivityCounter activity;
    private final HoldingsCounter holdings;
    private final FilingListener filing;

    CaptureCounters(ActivityCounter activity, HoldingsCounter holdings, FilingListener filing) {
        this.activity = activity;
        this.holdings = holdings;
        this.filing = filing;
    }

    @ApplicationModuleListener
    void on(ItemCaptured e) {
        activity.on(e);
        holdings.on(e);
        filing.on(e);
    }
}
