package org.siarchive.integrity;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;
import org.siarchive.audit.AuditTrail;
import org.siarchive.catalog.Catalog;
import org.siarchive.catalog.ItemRecord;
import org.siarchive.catalog.Renditions;
import org.siarchive.preservation.Preservation;
import org.siarchive.shared.Actor;
import org.siarchive.shared.ConflictException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Fixity sweeps: every preserved item checked by {@link ItemFixityCheck}, in id order, a chunk of 64 items
 * at a time in parallel (one per core) and recorded with the new cursor in one transaction, so a restart
 * repeats at most one chunk. Reads at most the configured MB/s; each finding is stored, audited and raises a
 * preservation alert; damaged files can be repaired from the replica (by hand, or at once when configured).
 */
@Component
public class FixitySweeps {

    private static final Logger log = LoggerFactory.getLogger(FixitySweeps.class);
    static final Actor SWEEPER = new Actor("fixity-sweep", null, "127.0.0.1", "siarchive fixity sweep");

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final Catalog catalog;
    private final Renditions renditions;
    private final Preservation preservation;
    private final ItemFixityCheck checks;
    private final AuditTrail audit;
    private final PreservationMonitor monitor;
    private final MessageSource messages;
    private final boolean autoRepair;
    private final AtomicBoolean running = new AtomicBoolean();
    private final java.util.concurrent.ExecutorService checkers;

    FixitySweeps(
            JdbcClient jdbc,
            TransactionTemplate tx,
            Catalog catalog,
            Renditions renditions,
            Preservation preservation,
            ItemFixityCheck checks,
            AuditTrail audit,
            PreservationMonitor monitor,
            MessageSource messages,
            @org.springframework.beans.factory.annotation.Value("${siarchive.fixity.auto-repair:false}")
                    boolean autoRepair) {
        this.monitor = monitor;
        this.messages = messages;
        this.autoRepair = autoRepair;
        this.jdbc = jdbc;
        this.tx = tx;
        this.catalog = catalog;
        this.renditions = renditions;
        this.preservation = preservation;
        this.checks = checks;
        this.audit = audit;
        int threads = Runtime.getRuntime().availableProcessors();
        var n = new java.util.concurrent.atomic.AtomicInteger();
        this.checkers = java.util.concurrent.Executors.newFixedThreadPool(threads, r -> {
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
            @Nullable OffsetDateTime finishedAt) {}

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

    public long start(int rateMbS, Actor actor) {
        return tx.execute(s -> {
            if (current().isPresent()) {
                throw new ConflictException("conflict.sweepRunning", "");
            }
            int total = jdbc.sql("select count(*) from item where status = 'PRESERVED'")
                    .query(Integer.class)
                    .single();
            long id = jdbc.sql(
                            "insert into fixity_sweep (status, rate_mb_s, items_total, started_by) values ('RUNNING', :r, :t, :by) returning id")
                    .param("r", Math.max(0, rateMbS))
                    .param("t", total)
                    .param("by", actor.name())
                    .query(Long.class)
                    .single();
            audit.record(
                    actor, "FIXITY_SWEEP", Long.toString(id), "START", null, total + " items, " + rateMbS + " MB/s");
            return id;
        });
    }

    /** Preserved items whose latest passed fixity check is older than {@code age}, or that were never checked. */
    public long notVerifiedWithin(java.time.Duration age) {
        return jdbc.sql(
                        """
                select count(*) from item i left join item_fixity f on f.item_id = i.id
                where i.status = 'PRESERVED' and (f.item_id is null or not f.passed or f.checked_at < now() - :age::interval)
                """)
                .param("age", age.toSeconds() + " seconds")
                .query(Long.class)
                .single();
    }

    public Optional<Sweep> current() {
        return jdbc.sql(SELECT + " where status = 'RUNNING'").query(Sweep.class).optional();
    }

    public List<Sweep> recent() {
        return jdbc.sql(SELECT + " order by id desc limit 20")
                .query(Sweep.class)
                .list();
    }

    public Sweep sweep(long id) {
        return jdbc.sql(SELECT + " where id = :id")
                .param("id", id)
                .query(Sweep.class)
                .optional()
                .orElseThrow(() -> new org.siarchive.shared.NotFoundException("FIXITY_SWEEP", Long.toString(id)));
    }

    public List<Finding> findings(long sweepId) {
        return jdbc.sql(
                        "select item_id, archive_code, kind, subject, detail from fixity_finding where sweep_id = :s order by id")
                .param("s", sweepId)
                .query(Finding.class)
                .list();
    }

    private static final String SELECT =
            """
            select id, status, rate_mb_s, items_total, items_done, bytes_done, findings, started_by, started_at, finished_at
            from fixity_sweep
            """;

    /** Works on the running sweep, a few items per call; scheduled, and callable directly (tests, commands). */
    @Scheduled(initialDelayString = "${siarchive.fixity.poll:PT2S}", fixedDelayString = "${siarchive.fixity.poll:PT2S}")
    public void work() {
        if (!running.compareAndSet(false, true)) {
            return;
        }
        try {
            while (step(64)) {
                // until the sweep is done or this call's share is used
            }
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
        UUID cursor = jdbc.sql("select cursor_item from fixity_sweep where id = :id")
                .param("id", sweep.id())
                .query(UUID.class)
                .optional()
                .orElse(null);
        var ids = jdbc.sql(
                        """
                select id from item where status = 'PRESERVED' and (:after::uuid is null or id > :after::uuid) order by id limit :n
                """)
                .param("after", cursor)
                .param("n", n)
                .query(UUID.class)
                .list();
        if (ids.isEmpty()) {
            tx.executeWithoutResult(s -> {
                jdbc.sql("update fixity_sweep set status = 'DONE', finished_at = now() where id = :id")
                        .param("id", sweep.id())
                        .update();
                audit.record(
                        SWEEPER,
                        "FIXITY_SWEEP",
                        Long.toString(sweep.id()),
                        "FINISH",
                        null,
                        sweep.itemsDone() + " items, " + sweep.bytesDone() + " bytes, " + sweep.findings()
                                + " findings");
            });
            return false;
        }
        // the chunk is checked in parallel (one item per core) and recorded in one transaction with the
        // new cursor: a crash repeats at most this chunk, and there is one commit per chunk, not per item
        int rate = sweep.rateMbS() == 0
                ? 0
                : Math.max(1, sweep.rateMbS() / Runtime.getRuntime().availableProcessors());
        var items = catalog.items(ids);
        var copies = renditions.ofItems(ids);
        var futures = items.stream()
                .map(itm -> java.util.concurrent.CompletableFuture.supplyAsync(
                        () -> checks.check(itm, copies.getOrDefault(itm.id(), List.of()), rate), checkers))
                .toList();
        var results = futures.stream()
                .map(java.util.concurrent.CompletableFuture::join)
                .toList();
        tx.executeWithoutResult(s -> record(sweep, results, ids.get(ids.size() - 1), ids.size()));
        if (autoRepair && preservation.replica().isPresent()) {
            results.stream()
                    .flatMap(r -> r.findings().stream())
                    .filter(f -> REPAIRABLE.contains(f.kind()))
                    .map(Finding::itemId)
                    .distinct()
                    .forEach(item -> repairFromReplica(item, SWEEPER));
        }
        return true;
    }

    /**
     * Records a checked chunk in the caller's transaction: each finding (stored, audited, logged as an
     * alert), each item's latest check, one preservation alert for the sweep, and the new cursor.
     */
    private void record(Sweep sweep, List<ItemFixityCheck.Result> results, UUID last, int checkedIds) {
        long bytes = 0;
        int count = 0;
        for (var r : results) {
            bytes += r.bytesRead();
            for (var f : r.findings()) {
                count++;
                jdbc.sql(
                                """
                        insert into fixity_finding (sweep_id, item_id, archive_code, kind, subject, detail)
                        values (:s, :i, :c, :k, :sub, :d)
                        """)
                        .param("s", sweep.id())
                        .param("i", f.itemId())
                        .param("c", f.archiveCode())
                        .param("k", f.kind())
                        .param("sub", f.subject().length() > 255 ? f.subject().substring(0, 255) : f.subject())
                        .param("d", f.detail().length() > 1000 ? f.detail().substring(0, 1000) : f.detail())
                        .update();
                audit.record(
                        SWEEPER, "ITEM", f.itemId().toString(), "FIXITY_FAILURE", null, f.kind() + " " + f.subject());
                log.error("FIXITY ALERT {} {} {}: {}", f.archiveCode(), f.kind(), f.subject(), f.detail());
            }
        }
        jdbc.sql(
                        """
                insert into item_fixity (item_id, sweep_id, checked_at, passed)
                select x.item_id, :s, now(), x.passed from unnest(:ids, :passed) as x(item_id, passed)
                on conflict (item_id) do update set sweep_id = excluded.sweep_id,
                    checked_at = excluded.checked_at, passed = excluded.passed
                """)
                .param("s", sweep.id())
                .param(
                        "ids",
                        results.stream().map(ItemFixityCheck.Result::itemId).toArray(UUID[]::new))
                .param(
                        "passed",
                        results.stream().map(r -> r.findings().isEmpty()).toArray(Boolean[]::new))
                .update();
        if (count > 0) {
            // the detail is 档号 and logical path only; the console words it (alert.fixity.first)
            monitor.raise(
                    "FIXITY",
                    "sweep " + sweep.id(),
                    results.stream()
                            .flatMap(r -> r.findings().stream())
                            .findFirst()
                            .map(f -> f.archiveCode() + " " + f.subject())
                            .orElse(""));
        }
        jdbc.sql(
                        """
                update fixity_sweep set cursor_item = :i, items_done = items_done + :n, bytes_done = bytes_done + :b,
                    findings = findings + :f where id = :id
                """)
                .param("i", last)
                .param("n", checkedIds)
                .param("b", bytes)
                .param("f", count)
                .param("id", sweep.id())
                .update();
    }

    /** Findings a verified replica copy can put right (a changed digest row or sidecar needs a person). */
    static final java.util.Set<String> REPAIRABLE = java.util.Set.of("CONTENT", "MISSING");

    /**
     * The sweep's checks of one item, outside any sweep (the CQ four-property check uses them):
     * content re-hashed, OCFL object validated, sidecar compared. Empty when the item is intact.
     */
    public List<Finding> inspect(ItemRecord item) {
        var copies = renditions.ofItems(List.of(item.id())).getOrDefault(item.id(), List.of());
        return checks.check(item, copies, 0).findings();
    }

    /**
     * Repairs an item's damaged or missing files from the replica (each copy checked against the registered
     * digests first), then checks the item again. Every repaired file is audited; returns what is still wrong.
     */
    public List<Finding> repairFromReplica(java.util.UUID itemId, Actor actor) {
        var item = catalog.requireItem(itemId);
        for (var f : inspect(item)) {
            if (!REPAIRABLE.contains(f.kind())) {
                continue;
            }
            var file = item.files().stream()
                    .filter(x -> x.logicalPath().equals(f.subject()))
                    .findFirst()
                    .orElse(null);
            if (file == null) {
                continue;
            }
            boolean repaired = preservation.repairFromReplica(
                    item.objectId(),
                    file.logicalPath(),
                    new org.siarchive.preservation.Fixity(file.sizeBytes(), file.sm3(), file.sha256()));
            tx.executeWithoutResult(s -> audit.record(
                    actor,
                    "ITEM",
                    item.id().toString(),
                    "REPAIR_FROM_REPLICA",
                    repaired ? org.siarchive.audit.AuditTrail.SUCCESS : org.siarchive.audit.AuditTrail.FAILURE,
                    null,
                    f.kind() + " " + file.logicalPath()));
        }
        return inspect(item);
    }
}
