package org.siarchive.integrity;

import java.time.Instant;
import java.util.ArrayList;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Makes the queued OFD copies ({@link PendingCopies}) while {@link OfdCopySettings#open} allows: checked every minute
 * (so also right after start-up), in deferred mode only inside the window, with at most the configured number of
 * workers. Each copy is one transaction: the row is claimed and locked, the copy made and registered (its rendition
 * row and audit entry) and the row deleted together; a kill at any point leaves the row, and the next run makes the
 * copy. A worker stops taking copies when the window closes.
 */
@Component
class OfdCopyRuns {

    private static final Logger log = LoggerFactory.getLogger(OfdCopyRuns.class);

    private final PreservationCopies copies;
    private final PendingCopies pending;
    private final OfdCopySettings settings;
    private final TransactionTemplate tx;

    OfdCopyRuns(PreservationCopies copies, PendingCopies pending, OfdCopySettings settings, TransactionTemplate tx) {
        this.copies = copies;
        this.pending = pending;
        this.settings = settings;
        this.tx = tx;
    }

    @Scheduled(
            initialDelayString = "${siarchive.preservation.ofd-copies.check:PT1M}",
            fixedDelayString = "${siarchive.preservation.ofd-copies.check:PT1M}")
    @SchedulerLock(name = "integrity-ofd-copies", lockAtMostFor = "PT6H")
    void check() {
        try {
            int made = run(Instant::now);
            if (made > 0) {
                log.info("{} queued OFD preservation copies made", made);
            }
        } catch (RuntimeException e) {
            log.error("queued OFD preservation copies: {}", e.toString(), e);
        }
    }

    /** How copies are made and how many wait, for the console and the health endpoint. */
    record Status(OfdCopySettings.Mode mode, String window, int workers, PendingCopies.Backlog backlog) {}

    Status status() {
        return new Status(
                settings.mode(),
                settings.window().toString(),
                settings.workers(),
                pending.backlog(settings.maxAttempts()));
    }

    /** Makes queued copies while the clock says they may be made; returns how many were made. */
    int run(Supplier<Instant> clock) {
        if (!settings.open(clock.get())) {
            return 0;
        }
        if (settings.workers() == 1) {
            return work(clock);
        }
        var pool = Executors.newFixedThreadPool(settings.workers(), r -> new Thread(r, "ofd-copies"));
        try {
            var tasks = new ArrayList<Callable<Integer>>();
            for (int i = 0; i < settings.workers(); i++) {
                tasks.add(() -> work(clock));
            }
            int made = 0;
            for (Future<Integer> f : pool.invokeAll(tasks)) {
                made += f.get();
            }
            return made;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    /** One worker: copy after copy until none is left or the window closes. */
    private int work(Supplier<Instant> clock) {
        int made = 0;
        while (settings.open(clock.get())) {
            var step = next();
            if (step == null) {
                return made;
            }
            if (step == PreservationCopies.Outcome.MADE) {
                made++;
            }
        }
        return made;
    }

    /** Claims, makes and registers one copy in one transaction; null when nothing is left to take. */
    private PreservationCopies.@Nullable Outcome next() {
        var claimed = new UUID[1];
        try {
            return tx.execute(s -> {
                var id = pending.claim(settings.maxAttempts()).orElse(null);
                if (id == null) {
                    return null;
                }
                claimed[0] = id;
                var outcome = copies.make(id);
                if (outcome == PreservationCopies.Outcome.MASTER_MISMATCH) {
                    pending.failed(id, "a master does not match its registered size and digests");
                } else {
                    pending.done(id);
                }
                return outcome;
            });
        } catch (RuntimeException e) {
            if (claimed[0] == null) {
                throw e;
            }
            log.error("OFD preservation copy of item {} failed: {}", claimed[0], e.toString(), e);
            tx.executeWithoutResult(s -> pending.failed(claimed[0], e.toString()));
            return PreservationCopies.Outcome.FAILED;
        }
    }
}
