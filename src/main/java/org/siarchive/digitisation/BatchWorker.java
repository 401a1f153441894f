package org.siarchive.digitisation;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.jspecify.annotations.Nullable;
import org.siarchive.shared.Actor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Page processing in the background: each pending page is analysed and checked, a cover sheet is
 * recognised as such, and with OCR the page is read on the pool; {@link PageResults} stores each page's
 * result in its own transaction, so a restart resumes where it stopped and a page is never counted twice.
 * When a batch has no pending page left, {@link BatchChecks} runs its batch-level stage.
 */
@Component
class BatchWorker {

    private static final Logger log = LoggerFactory.getLogger(BatchWorker.class);
    static final Actor WORKER = new Actor("digitisation", null, "127.0.0.1", "siarchive batch worker");

    private final JdbcClient jdbc;
    private final ScanBatches batches;
    private final OcrPool ocr;
    private final PageResults results;
    private final BatchChecks checks;
    /** Pages fetched per round and core: enough that neither core waits for the slowest page of a round. */
    static final int PAGES_PER_WORKER = 4;

    private final ImageQc qc = ImageQc.DEFAULTS;
    private final AtomicBoolean running = new AtomicBoolean();
    private final java.util.concurrent.ExecutorService analysers;

    BatchWorker(JdbcClient jdbc, ScanBatches batches, OcrPool ocr, PageResults results, BatchChecks checks) {
        this.jdbc = jdbc;
        this.batches = batches;
        this.ocr = ocr;
        this.results = results;
        this.checks = checks;
        var n = new java.util.concurrent.atomic.AtomicInteger();
        this.analysers = java.util.concurrent.Executors.newFixedThreadPool(ocr.workers(), r -> {
            var t = new Thread(r, "scan-qc-" + n.incrementAndGet());
            t.setDaemon(true);
            t.setPriority(Thread.MIN_PRIORITY);
            return t;
        });
    }

    @jakarta.annotation.PreDestroy
    void stop() {
        analysers.shutdownNow();
    }

    /** A pending page, with what its batch and item say about how to process it. */
    record Pending(long id, UUID batchId, int seq, String path, boolean ocr, @Nullable String hint, String split) {}

    @Scheduled(
            initialDelayString = "${siarchive.digitisation.poll:PT1S}",
            fixedDelayString = "${siarchive.digitisation.poll:PT1S}")
    @SchedulerLock(name = "digitisation-batch-worker", lockAtMostFor = "PT2H")
    void poll() {
        if (!running.compareAndSet(false, true)) {
            return;
        }
        try {
            while (round() > 0) {
                // keep going while there is work
            }
            checks.finishBatches();
        } catch (RuntimeException e) {
            log.error("digitisation worker: {}", e.toString(), e);
        } finally {
            running.set(false);
        }
    }

    /**
     * One round: up to {@value #PAGES_PER_WORKER} pages per core. Each page is decoded and checked on the QC
     * threads; a page to be read goes on to the OCR pool without holding its QC thread, which takes the
     * next page meanwhile, and its result is stored when the OCR is done.
     */
    int round() {
        var pending = jdbc.sql(
                        """
                select p.id, p.batch_id, p.seq, p.path, b.ocr, i.title as hint, b.split
                from scan_page p join scan_batch b on b.id = p.batch_id left join scan_item i on i.id = p.item_id
                where p.status = 'PENDING' and b.status = 'PROCESSING' order by b.created_at, p.seq limit :n
                """)
                .param("n", PAGES_PER_WORKER * ocr.workers())
                .query(Pending.class)
                .list();
        var futures = new ArrayList<CompletableFuture<Void>>();
        for (var p : pending) {
            futures.add(CompletableFuture.supplyAsync(() -> process(p), analysers)
                    .thenCompose(f -> f)
                    .exceptionally(e -> {
                        results.fail(p, e);
                        return null;
                    }));
        }
        CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new)).join();
        return pending.size();
    }

    /** Decode once, measure, then store: at once, or after the OCR of the same decoded page. */
    private CompletableFuture<Void> process(Pending p) {
        try {
            byte[] bytes = Files.readAllBytes(batches.dir(p.batchId()).resolve(p.path()));
            var decoded = PageAnalyzer.decode(bytes);
            var measured = PageAnalyzer.measure(decoded.image(), decoded.dpi());
            var analysis = measured.analysis();
            String cover = p.split().equals("COVER") ? CoverSheets.read(measured.copy()) : null;
            if (cover != null) {
                results.storeCover(p, analysis, cover);
                return CompletableFuture.completedFuture(null);
            }
            if (!p.ocr() || analysis.blank()) {
                results.store(p, analysis, qc.check(analysis, p.ocr(), p.hint()), null);
                return CompletableFuture.completedFuture(null);
            }
            return ocr.submit(decoded.image(), analysis.skewDegrees())
                    .thenAccept(r -> results.store(p, analysis, qc.check(analysis, true, r.text()), r));
        } catch (Exception e) {
            results.fail(p, e);
            return CompletableFuture.completedFuture(null);
        }
    }
}
