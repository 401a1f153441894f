package org.siarchive.federation;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.siarchive.shared.ReadableTime;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Runs the county's push on its schedule ({@code siarchive.federation.cron}, every 10 minutes unless set), on one
 * node of a cluster at a time: batches go one after another until the pass is complete or the province does not
 * acknowledge (then the pending batch waits for the next run).
 */
@Component
class FeedJob {

    /** Batches one run sends at most, so a run ends. */
    static final int MAX_BATCHES_PER_RUN = 200;

    private final CountyPush push;
    private final FederationSettings settings;

    FeedJob(CountyPush push, FederationSettings settings) {
        this.push = push;
        this.settings = settings;
    }

    @Scheduled(cron = "${siarchive.federation.cron:0 */10 * * * *}", zone = ReadableTime.DEFAULT_ZONE)
    @SchedulerLock(name = "federation-feed-push", lockAtMostFor = "PT30M")
    void run() {
        if (!settings.enabled()) {
            return;
        }
        runNow();
    }

    /**
     * Sends batches until the pass over the catalogue is complete (a batch that was not full) or one is not
     * acknowledged; the batches acknowledged. A pass starts a margin before now, so its last items come again in the
     * next run, not in this one.
     */
    int runNow() {
        int sent = 0;
        for (int i = 0; i < MAX_BATCHES_PER_RUN; i++) {
            var outcome = push.pushOnce();
            if (!outcome.acknowledged()) {
                break;
            }
            sent++;
            if (!outcome.more()) {
                break;
            }
        }
        return sent;
    }
}
