package org.siarchive.digitisation;

import java.awt.image.BufferedImage;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A bounded pool of OCR workers, one page per worker, at the lowest thread priority: OCR never holds a
 * request thread, and capture and the console keep the CPU they need. Work beyond the queue's capacity
 * waits in the submitter (back-pressure) instead of piling up in memory.
 */
public class OcrPool implements AutoCloseable {

    private final OcrPipeline pipeline;
    private final ThreadPoolExecutor executor;

    /** A pool reading with the production settings ({@link OcrSettings#PRODUCTION}). */
    public OcrPool(OcrEngine engine, int workers, int queue) {
        this(new OcrPipeline(engine, OcrSettings.PRODUCTION), workers, queue);
    }

    public OcrPool(OcrPipeline pipeline, int workers, int queue) {
        this.pipeline = pipeline;
        var n = new AtomicInteger();
        this.executor = new ThreadPoolExecutor(
                workers,
                workers,
                1,
                TimeUnit.MINUTES,
                new LinkedBlockingQueue<>(queue),
                r -> {
                    var t = new Thread(r, "ocr-" + n.incrementAndGet());
                    t.setDaemon(true);
                    t.setPriority(Thread.MIN_PRIORITY);
                    return t;
                },
                new ThreadPoolExecutor.CallerRunsPolicy());
    }

    public OcrEngine engine() {
        return pipeline.engine();
    }

    public OcrPipeline pipeline() {
        return pipeline;
    }

    public int workers() {
        return executor.getMaximumPoolSize();
    }

    /** Reads the page on a worker through the {@link OcrPipeline} (levelled by {@code skewDegrees} first). */
    public CompletableFuture<OcrEngine.Result> submit(BufferedImage page, double skewDegrees) {
        return CompletableFuture.supplyAsync(() -> pipeline.read(page, skewDegrees), executor);
    }

    /** Reads the page measured by the analyser. */
    public CompletableFuture<OcrEngine.Result> submit(BufferedImage page, PageAnalysis analysis) {
        return submit(page, analysis.skewDegrees());
    }

    /** Runs other OCR work (a searchable PDF) on the same bounded, low-priority workers. */
    public <T> CompletableFuture<T> run(java.util.function.Supplier<T> work) {
        return CompletableFuture.supplyAsync(work, executor);
    }

    @Override
    public void close() {
        executor.shutdown();
        try {
            executor.awaitTermination(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
