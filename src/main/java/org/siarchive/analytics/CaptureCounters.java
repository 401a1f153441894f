package org.siarchive.analytics;

import org.siarchive.catalog.ItemCaptured;
import org.siarchive.catalog.ItemsCaptured;
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

    /**
     * A group commit's captures, one publication and one transaction for the group (docs/adr/0127). A failing count
     * rolls the group's transaction back and the event is delivered again for all of them; each count is
     * idempotent, so the items counted before it are not counted twice.
     */
    @ApplicationModuleListener
    void on(ItemsCaptured e) {
        e.items().forEach(this::on);
    }
}
