package org.siarchive.audit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jspecify.annotations.Nullable;
import org.siarchive.shared.UnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Group commit of the access entries of reads (docs/adr/0117). A read changes nothing, so its entry needs no
 * transaction of the read's own, only to be durable before the answer leaves. One writer thread takes every entry
 * waiting, chains them in arrival order in one transaction (one lock of the chain head, one WAL flush) and then
 * releases each waiting request; while it commits, the next group gathers. A request waits at most {@code max-wait}
 * for its own entry's commit and fails if the entry was not committed: no answer without its entry. A group that
 * fails is retried entry by entry, so one entry the database refuses fails only its own request.
 */
@Component
class AccessEntries implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(AccessEntries.class);

    private record Waiting(PendingEntry entry, CompletableFuture<Void> committed) {}

    private final ChainWriter chain;
    private final TransactionTemplate tx;
    private final BlockingQueue<Waiting> queue;
    private final int maxEntries;
    private final Duration maxWait;
    private volatile boolean running;
    private volatile Thread writer = new Thread(() -> {});

    AccessEntries(
            ChainWriter chain,
            TransactionTemplate tx,
            @Value("${siarchive.audit.group-commit.max-entries:256}") int maxEntries,
            @Value("${siarchive.audit.group-commit.max-wait:PT10S}") Duration maxWait) {
        this.chain = chain;
        this.tx = tx;
        this.maxEntries = Math.max(1, maxEntries);
        this.maxWait = maxWait;
        this.queue = new ArrayBlockingQueue<>(this.maxEntries * 16);
    }

    /** Returns once the entry is committed; throws {@link UnavailableException} if it was not within max-wait. */
    void commit(PendingEntry entry) {
        if (!running) {
            tx.executeWithoutResult(s -> chain.append(List.of(entry)));
            return;
        }
        var waiting = new Waiting(entry, new CompletableFuture<>());
        long deadline = System.nanoTime() + maxWait.toNanos();
        try {
            if (!queue.offer(waiting, maxWait.toNanos(), TimeUnit.NANOSECONDS)) {
                throw unavailable(null);
            }
            waiting.committed().get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (ExecutionException e) {
            throw unavailable(e.getCause());
        } catch (TimeoutException e) {
            throw unavailable(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unavailable(e);
        }
    }

    private static UnavailableException unavailable(@Nullable Throwable cause) {
        var e = new UnavailableException("audit.unavailable");
        if (cause != null) {
            e.initCause(cause);
        }
        return e;
    }

    private void run() {
        var group = new ArrayList<Waiting>(maxEntries);
        while (running || !queue.isEmpty()) {
            try {
                var first = queue.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                group.add(first);
                queue.drainTo(group, maxEntries - 1);
                commitGroup(group);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                log.error("Access audit writer failed", e);
                group.forEach(w -> w.committed().completeExceptionally(e));
            } finally {
                group.clear();
            }
        }
    }

    private void commitGroup(List<Waiting> group) {
        try {
            var entries = group.stream().map(Waiting::entry).toList();
            tx.executeWithoutResult(s -> chain.append(entries));
            group.forEach(w -> w.committed().complete(null));
        } catch (RuntimeException e) {
            if (group.size() == 1) {
                log.warn("Access audit entry not committed: {}", e.toString());
                group.get(0).committed().completeExceptionally(e);
                return;
            }
            for (var w : group) {
                commitGroup(List.of(w));
            }
        }
    }

    @Override
    public void start() {
        running = true;
        var t = new Thread(this::run, "audit-access-writer");
        t.setDaemon(true);
        writer = t;
        t.start();
    }

    /** Stops taking entries; those already waiting are committed first. */
    @Override
    public void stop() {
        running = false;
        try {
            writer.join(maxWait.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Starts before the web server and stops after it: no request can be left waiting. */
    @Override
    public int getPhase() {
        return 0;
    }
}
