package org.siarchive.integrity;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.jspecify.annotations.Nullable;
import org.siarchive.catalog.ItemFeed;
import org.siarchive.catalog.ItemRecord;
import org.siarchive.shared.Actor;
import org.siarchive.shared.ConflictException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Fixity sweeps: every preserved item of the catalogue's {@link ItemFeed} checked by {@link ItemFixityCheck},
 * in id order, a chunk of items (64 unless configured) at a time in parallel ({@link ParallelChecks}) and recorded with the new
 * cursor in one transaction ({@link FindingRecords}, {@link SweepLedger}), so a restart repeats at most one
 * chunk. Reads at most the configured MB/s; each finding is stored, audited, announced and raises a
 * preservation alert; damaged files can be repaired from the replica (by hand, or at once when configured).
 */
@Component
public class FixitySweeps {

    private static final Logger log = LoggerFactory.getLogger(FixitySweeps.class);
    static final Actor SWEEPER = new Actor("fixity-sweep", null, "127.0.0.1", "siarchive fixity sweep");

    private final TransactionTemplate tx;
    private final ItemFeed feed;
    private final SweepLedger ledger;
    private final ParallelChecks checker;
    private final FindingRecords records;
    private final ItemFixityCheck checks;
    private final ReplicaRepair repair;
    private final MessageSource messages;
    private final boolean autoRepair;
    private final AtomicBoolean running = new AtomicBoolean();
    private volatile int chunkSize;
    private volatile Duration pause;
    private final Duration revalidateAfter;

    FixitySweeps(
            TransactionTemplate tx,
            ItemFeed feed,
            SweepLedger ledger,
            ParallelChecks checker,
            FindingRecords records,
            ItemFixityCheck checks,
            ReplicaRepair repair,
            MessageSource messages,
            @Value("${siarchive.fixity.auto-repair:false}") boolean autoRepair,
            @Value("${siarchive.fixity.chunk:64}") int chunk,
            @Value("${siarchive.fixity.pause:PT0S}") Duration pause,
            @Value("${siarchive.fixity.revalidate-after:P30D}") Duration revalidateAfter) {
        this.tx = tx;
        this.feed = feed;
        this.ledger = ledger;
        this.checker = checker;
        this.records = records;
        this.checks = checks;
        this.repair = repair;
        this.messages = messages;
        this.autoRepair = autoRepair;
        this.revalidateAfter = revalidateAfter;
        pace(chunk, pause);
    }

    /**
     * Items per recorded chunk (each chunk is one commit of the progress the console shows) and a pause
     * between chunks, to spare a busy store (and to let a test watch a small sweep advance).
     */
    void pace(int chunk, Duration pause) {
        this.chunkSize = Math.max(1, Math.min(chunk, ItemFeed.MAX_PAGE));
        this.pause = pause.isNegative() ? Duration.ZERO : pause;
    }

    /** A sweep as the console shows it. */
    public record Sweep(
            long id,
            String status,
            int rateMbS,
            int itemsTotal,
            int itemsDone,
            long bytesDone,
            int findings,
            String startedBy,
            OffsetDateTime startedAt,
            @Nullable OffsetDateTime finishedAt,
            @Nullable String lastCode) {

        public boolean running() {
            return "RUNNING".equals(status);
        }

        /** How far the sweep got, 0–100 (a finished sweep is complete even if items left the store meanwhile). */
        public int percent() {
            if (!running()) {
                return 100;
            }
            return itemsTotal <= 0 ? 0 : (int) Math.min(100, itemsDone * 100L / itemsTotal);
        }
    }

    /**
     * One thing found wrong. {@code subject} is the logical path in the item's OCFL object (or the object id);
     * {@code detail} holds only language-neutral facts (digests, field names): people read
     * {@link #describe}.
     */
    public record Finding(UUID itemId, String archiveCode, String kind, String subject, String detail) {}

    /** The finding as a person reads it, in their language: what is wrong with which logical path. */
    public String describe(Finding f, Locale locale) {
        String text = messages.getMessage("fixity.finding." + f.kind(), new Object[] {f.subject()}, locale);
        return f.detail().isBlank()
                ? text
                : text + messages.getMessage("fixity.finding.detail", new Object[] {f.detail()}, locale);
    }

    /** Starts a sweep over every preserved item; refused while one runs. */
    public long start(int rateMbS, Actor actor) {
        Long id = tx.execute(s -> {
            if (ledger.current().isPresent()) {
                throw new ConflictException("conflict.sweepRunning", "");
            }
            return ledger.open(rateMbS, feed.count(ItemFeed.WHOLE_STORE), actor);
        });
        return java.util.Objects.requireNonNull(id);
    }

    /** Preserved items whose latest passed fixity check is older than {@code age}, or that were never checked. */
    public long notVerifiedWithin(Duration age) {
        // item_fixity holds only preserved items (the feed's), and an item never leaves that state
        return Math.max(0, feed.count(ItemFeed.WHOLE_STORE) - records.passedWithin(age));
    }

    /** The preserved items a sweep checks: every item of the store whose content is preserved. */
    public long preservedCount() {
        return feed.count(ItemFeed.WHOLE_STORE);
    }

    public Optional<Sweep> current() {
        return ledger.current();
    }

    public List<Sweep> recent() {
        return ledger.recent();
    }

    public Sweep sweep(long id) {
        return ledger.sweep(id);
    }

    public List<Finding> findings(long sweepId) {
        return records.of(sweepId);
    }

    /** Works on the running sweep, a few items per call; scheduled, and callable directly (tests, commands). */
    @Scheduled(initialDelayString = "${siarchive.fixity.poll:PT2S}", fixedDelayString = "${siarchive.fixity.poll:PT2S}")
    @SchedulerLock(name = "integrity-fixity-sweep", lockAtMostFor = "PT1H")
    public void work() {
        if (!running.compareAndSet(false, true)) {
            return;
        }
        try {
            while (step(chunkSize)) {
                if (!pause.isZero()) {
                    Thread.sleep(pause.toMillis());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            log.error("fixity sweep: {}", e.toString(), e);
        } finally {
            running.set(false);
        }
    }

    /** Checks up to {@code n} items after the cursor; returns false when nothing is left to do. */
    boolean step(int n) {
        var sweep = current().orElse(null);
        if (sweep == null) {
            return false;
        }
        var chunk = feed.preserved(ItemFeed.WHOLE_STORE, ledger.cursor(sweep.id()), n);
        UUID next = chunk.next();
        if (next == null) {
            tx.executeWithoutResult(s -> ledger.finish(sweep));
            return false;
        }
        // the chunk is checked in parallel and recorded in one transaction with the new cursor: a crash
        // repeats at most this chunk, and there is one commit per chunk, not per item
        var results = checker.check(
                chunk.items(),
                sweep.rateMbS(),
                records.validatedInventories(
                        chunk.items().stream().map(ItemFeed.PreservedItem::id).toList(), revalidateAfter));
        tx.executeWithoutResult(s -> {
            var tally = records.record(sweep.id(), chunk, results);
            var last = chunk.items().get(chunk.items().size() - 1);
            ledger.advance(sweep.id(), next, last.archiveCode(), chunk.items().size(), tally.bytes(), tally.findings());
        });
        if (autoRepair && repair.available()) {
            repair.repairAll(results, SWEEPER);
        }
        return true;
    }

    /**
     * The sweep's checks of one item, outside any sweep (the CQ four-property check uses them):
     * content re-hashed, OCFL object validated, sidecar compared. Empty when the item is intact.
     */
    public List<Finding> inspect(ItemRecord item) {
        return checks.inspect(item);
    }

    /**
     * Repairs an item's damaged or missing files from the replica (each copy checked against the registered
     * digests first), then checks the item again. Every repaired file is audited; returns what is still wrong.
     */
    public List<Finding> repairFromReplica(UUID itemId, Actor actor) {
        return repair.repair(itemId, actor);
    }
}
