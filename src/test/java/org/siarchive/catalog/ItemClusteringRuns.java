package org.siarchive.catalog;

import org.siarchive.shared.Actor;
import org.springframework.context.ApplicationContext;

/** Lets a benchmark outside the catalogue run the off-peak clustering job now, as its schedule would. */
public final class ItemClusteringRuns {

    private ItemClusteringRuns() {}

    /** Runs the job once; says how it ended. */
    public static String runNow(ApplicationContext context) {
        var run = context.getBean(ItemClustering.class).run(Actor.SYSTEM);
        if (!run.done()) {
            throw new IllegalStateException("item table not clustered: " + run.failure());
        }
        return String.format(
                java.util.Locale.ROOT,
                "%,d items in %.1f s",
                run.items(),
                run.took().toMillis() / 1000.0);
    }
}
