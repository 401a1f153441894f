package org.siarchive.analytics;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;
import org.siarchive.audit.AuditDetail;
import org.siarchive.audit.AuditOperation;
import org.siarchive.audit.AuditTrail;
import org.siarchive.audit.AuditedObject;
import org.siarchive.catalog.ItemFigures;
import org.siarchive.shared.Actor;
import org.siarchive.shared.ConflictException;
import org.siarchive.shared.ReadableTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Builds the holdings read model from the catalogue's facts (docs/adr/0086): every item, page by page in id order
 * ({@link ItemFigures#page}), into the ledger, then the sums from the ledger. The progress is kept in {@code
 * holdings_build}: at start-up a model never built is built, one whose build was interrupted is completed from the
 * last page done; an archivist can have it built again (audited COMPUTE).
 */
@Component
class HoldingsRebuild {

    private static final Logger log = LoggerFactory.getLogger(HoldingsRebuild.class);

    /** Items read per page (and per transaction). */
    static final int PAGE = 2_000;

    private final ItemFigures figures;
    private final HoldingsLedger ledger;
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final ReadableTime time;
    private final AuditTrail audit;
    private final boolean onStart;
    private final AtomicBoolean running = new AtomicBoolean();

    HoldingsRebuild(
            ItemFigures figures,
            HoldingsLedger ledger,
            JdbcClient jdbc,
            TransactionTemplate tx,
            ReadableTime time,
            AuditTrail audit,
            @Value("${siarchive.statistics.rebuild-on-start:true}") boolean onStart) {
        this.figures = figures;
        this.ledger = ledger;
        this.jdbc = jdbc;
        this.tx = tx;
        this.time = time;
        this.audit = audit;
        this.onStart = onStart;
    }

    /** The state of the last build: BUILDING or BUILT, how many items, since when. */
    record Build(String state, long items, OffsetDateTime startedAt, @Nullable OffsetDateTime finishedAt) {}

    Optional<Build> last() {
        return jdbc.sql("select state, items, started_at, finished_at from holdings_build where id = 1")
                .query(Build.class)
                .optional();
    }

    /** At start-up, in the background: builds a model never built, completes an interrupted build. */
    @EventListener(ApplicationReadyEvent.class)
    void ready() {
        if (!onStart || last().map(b -> b.state().equals("BUILT")).orElse(false)) {
            return;
        }
        var worker = new Thread(
                () -> {
                    try {
                        resume(Actor.SYSTEM);
                    } catch (RuntimeException e) {
                        log.warn("holdings read model not built; the next start tries again", e);
                    }
                },
                "holdings-rebuild");
        worker.setDaemon(true);
        worker.start();
    }

    /** Builds the model afresh, now, in the caller's thread; the number of items held. */
    long rebuild(Actor actor) {
        exclusively(() -> {
            tx.executeWithoutResult(s -> {
                begin();
                ledger.clear();
            });
            return run(null, actor);
        });
        return last().map(Build::items).orElse(0L);
    }

    /** Completes an interrupted build, or builds a model never built. */
    long resume(Actor actor) {
        exclusively(() -> {
            var state = jdbc.sql("select state, after_id from holdings_build where id = 1")
                    .query((rs, n) -> new Object[] {rs.getString(1), rs.getObject(2, UUID.class)})
                    .optional();
            if (state.isEmpty()) {
                tx.executeWithoutResult(s -> {
                    begin();
                    ledger.clear();
                });
                return run(null, actor);
            }
            if ("BUILT".equals(state.get()[0])) {
                return 0L;
            }
            log.info("completing the interrupted build of the holdings read model");
            return run((UUID) state.get()[1], actor);
        });
        return last().map(Build::items).orElse(0L);
    }

    /** Whether a build is running in this instance. */
    boolean running() {
        return running.get();
    }

    private long exclusively(java.util.function.Supplier<Long> work) {
        if (!running.compareAndSet(false, true)) {
            throw new ConflictException("statistics.rebuild.running");
        }
        try {
            return work.get();
        } finally {
            running.set(false);
        }
    }

    private void begin() {
        jdbc.sql(
                        """
                insert into holdings_build (id, state, after_id, items, started_at) values (1, 'BUILDING', null, 0, now())
                on conflict (id) do update set state = 'BUILDING', after_id = null, items = 0, started_at = now(),
                    finished_at = null
                """)
                .update();
    }

    private long run(@Nullable UUID from, Actor actor) {
        long started = System.nanoTime();
        fill(
                figures,
                time,
                from,
                (held, last) -> tx.executeWithoutResult(s -> {
                    ledger.keep(held);
                    jdbc.sql("update holdings_build set after_id = :a, items = items + :n where id = 1")
                            .param("a", last)
                            .param("n", held.size())
                            .update();
                }));
        long items = Objects.requireNonNull(tx.execute(s -> finish(actor)));
        log.info("holdings read model built: {} items in {} ms", items, (System.nanoTime() - started) / 1_000_000);
        return items;
    }

    /**
     * Reads every item after {@code from} page by page in id order and hands each page's held entries, with the
     * page's last id, to {@code page}; the loop of this rebuild and of {@link HoldingsInProcess}.
     */
    static void fill(
            ItemFigures figures,
            ReadableTime time,
            @Nullable UUID from,
            java.util.function.BiConsumer<List<HoldingsEntry>, UUID> page) {
        UUID after = from;
        while (true) {
            var facts = figures.page(after, PAGE);
            if (facts.isEmpty()) {
                return;
            }
            var held = facts.stream()
                    .map(f -> HoldingsEntry.of(f, time))
                    .flatMap(Optional::stream)
                    .toList();
            after = facts.get(facts.size() - 1).id();
            page.accept(held, after);
        }
    }

    private long finish(Actor actor) {
        ledger.sumUp();
        long items =
                jdbc.sql("select count(*) from holdings_item").query(Long.class).single();
        jdbc.sql("update holdings_build set state = 'BUILT', items = :n, finished_at = now() where id = 1")
                .param("n", items)
                .update();
        audit.record(
                actor,
                AuditedObject.STATISTICS,
                "holdings",
                AuditOperation.COMPUTE,
                null,
                AuditDetail.of("audit.detail.statisticsRebuild", items).encoded());
        return items;
    }
}
