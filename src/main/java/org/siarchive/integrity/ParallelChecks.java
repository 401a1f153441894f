package org.siarchive.integrity;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.siarchive.catalog.ItemFeed;
import org.springframework.stereotype.Component;

/**
 * Checks a chunk of the feed in parallel, one item per core on low-priority daemon threads, each reading at
 * an equal share of the sweep's read-rate limit.
 */
@Component
class ParallelChecks {

    private final ItemFixityCheck checks;
    private final int threads = Runtime.getRuntime().availableProcessors();
    private final ExecutorService checkers;

    ParallelChecks(ItemFixityCheck checks) {
        this.checks = checks;
        var n = new AtomicInteger();
        this.checkers = Executors.newFixedThreadPool(threads, r -> {
            var t = new Thread(r, "fixity-" + n.incrementAndGet());
            t.setDaemon(true);
            t.setPriority(Thread.MIN_PRIORITY);
            return t;
        });
    }

    @jakarta.annotation.PreDestroy
    void stop() {
        checkers.shutdownNow();
    }

    /**
     * Every item's check, in the chunk's order, reading at most {@code rateMbS} in all (0: no limit); {@code
     * validatedInventories} holds, by item, the root inventory digest its object last passed full validation with.
     */
    List<ItemFixityCheck.Result> check(
            List<ItemFeed.PreservedItem> chunk, int rateMbS, Map<UUID, String> validatedInventories) {
        int share = rateMbS == 0 ? 0 : Math.max(1, rateMbS / threads);
        var futures = chunk.stream()
                .map(item -> CompletableFuture.supplyAsync(
                        () -> checks.check(item.record(), item.files(), share, validatedInventories.get(item.id())),
                        checkers))
                .toList();
        return futures.stream().map(CompletableFuture::join).toList();
    }
}
