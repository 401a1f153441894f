package org.siarchive.bench;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.siarchive.digitisation.OcrPool;
import org.siarchive.digitisation.PageAnalyzer;
import org.siarchive.digitisation.TesseractEngine;

/**
 * Page QC and OCR on the same pages ({@link A4Pages}) in one run: the QC rate (decode and analyse, the CPU
 * part of an import without OCR, one thread per core, median of 3 passes after a warm-up pass; besides the
 * wall clock, the threads' CPU time per page, which a busy shared machine does not distort), the OCR rate
 * of SIArchive's pool (one page per core, OMP_THREAD_LIMIT=1), and the raw {@code tesseract} CLI with its
 * default segmentation (no {@code --psm}: automatic layout analysis), one process per core with
 * OMP_THREAD_LIMIT=1. {@code -Dbench.pages=N} (default 24), {@code -Dbench.psm=P} for the pool (default 3,
 * the CLI's default, so both do the same work), {@code -Dbench.ocr=false} for QC only.
 */
@Tag("bench")
class OcrThroughputBenchmark {

    static final int PAGES = Integer.getInteger("bench.pages", 24);
    static final int PSM = Integer.getInteger("bench.psm", 3);
    static final boolean OCR = Boolean.parseBoolean(System.getProperty("bench.ocr", "true"));
    static final int CORES = Runtime.getRuntime().availableProcessors();

    @Test
    void ocrBesideTheCli() throws Exception {
        try (var heap = PeakHeap.watch()) {
            Path dir = Files.createTempDirectory("ocr-bench");
            var files = new ArrayList<Path>();
            long bytes = 0;
            var pages = A4Pages.pages(PAGES);
            for (int i = 0; i < pages.size(); i++) {
                Path f = dir.resolve("page-%03d.png".formatted(i));
                Files.write(f, pages.get(i));
                files.add(f);
                bytes += pages.get(i).length;
            }
            qcPass(files); // warm-up: JIT
            var passes = new ArrayList<QcPass>();
            for (int i = 0; i < 3; i++) {
                passes.add(qcPass(files));
            }
            passes.sort(Comparator.comparingDouble(QcPass::pagesPerSecond));
            var cpu = passes.stream()
                    .sorted(Comparator.comparingDouble(p -> p.cpuBoundRate(CORES)))
                    .toList()
                    .get(1);
            System.out.printf(
                    "pages: %d, %s, %.2f MB PNG each, %d cores%n",
                    PAGES, A4Pages.describe(), bytes / 1e6 / PAGES, CORES);
            System.out.printf(
                    "page QC (decode + analyse), wall clock, median of 3: %7.2f pages/s (%.2f–%.2f)%n",
                    passes.get(1).pagesPerSecond(),
                    passes.get(0).pagesPerSecond(),
                    passes.get(2).pagesPerSecond());
            System.out.printf(
                    "page QC CPU per page (median pass): decode %.1f ms + analyse %.1f ms = %.2f pages/s on %d idle cores%n",
                    cpu.decodeCpuNanos() / 1e6 / PAGES,
                    cpu.analyseCpuNanos() / 1e6 / PAGES,
                    cpu.cpuBoundRate(CORES),
                    CORES);
            if (!OCR) {
                System.out.println(heap.line());
                return;
            }
            var engine = new TesseractEngine("/usr/share/tesseract-ocr/5/tessdata", "chi_sim", PSM);
            double pool;
            try (var ocr = new OcrPool(engine, CORES, 4 * CORES)) {
                run(ocr, files.subList(0, CORES)); // warm-up: one page per worker loads the model in each thread
                long t0 = System.nanoTime();
                run(ocr, files);
                pool = PAGES / ((System.nanoTime() - t0) / 1e9);
            }
            double cli = cliRate(files);
            System.out.printf("OCR, SIArchive pool (%d workers, psm %d): %7.2f pages/s%n", CORES, PSM, pool);
            System.out.printf("OCR, tesseract CLI (%d processes, default psm): %7.2f pages/s%n", CORES, cli);
            System.out.printf("ratio pool / CLI:                        %7.2f (goal >= 0.9)%n", pool / cli);
            System.out.println(heap.line());
        }
    }

    private static void run(OcrPool ocr, List<Path> files) throws Exception {
        var futures = new ArrayList<CompletableFuture<?>>();
        for (Path f : files) {
            var d = PageAnalyzer.decode(Files.readAllBytes(f));
            futures.add(ocr.submit(d.image(), 0));
        }
        CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new)).get();
    }

    /** Wall-clock rate of one pass, and the CPU time its threads spent decoding and analysing. */
    record QcPass(double pagesPerSecond, long decodeCpuNanos, long analyseCpuNanos, int pages) {

        /** What the CPU time allows on {@code cores} cores that do nothing else: the rate on a quiet machine. */
        double cpuBoundRate(int cores) {
            return cores * pages / ((decodeCpuNanos + analyseCpuNanos) / 1e9);
        }
    }

    /** Decode and analyse every page, one thread per core. */
    static QcPass qcPass(List<Path> files) throws Exception {
        var threads = ManagementFactory.getThreadMXBean();
        var decode = new AtomicLong();
        var analyse = new AtomicLong();
        var pool = Executors.newFixedThreadPool(CORES);
        try {
            long t0 = System.nanoTime();
            var futures = new ArrayList<Future<?>>();
            for (Path f : files) {
                futures.add(pool.submit(() -> {
                    long c0 = threads.getCurrentThreadCpuTime();
                    var d = PageAnalyzer.decode(Files.readAllBytes(f));
                    long c1 = threads.getCurrentThreadCpuTime();
                    var a = PageAnalyzer.analyse(d.image(), d.dpi());
                    decode.addAndGet(c1 - c0);
                    analyse.addAndGet(threads.getCurrentThreadCpuTime() - c1);
                    return a;
                }));
            }
            for (var fu : futures) {
                fu.get();
            }
            double rate = files.size() / ((System.nanoTime() - t0) / 1e9);
            return new QcPass(rate, decode.get(), analyse.get(), files.size());
        } finally {
            pool.shutdown();
        }
    }

    private static double cliRate(List<Path> files) throws Exception {
        var pool = Executors.newFixedThreadPool(CORES);
        long t0 = System.nanoTime();
        var futures = new ArrayList<Future<Integer>>();
        for (Path f : files) {
            futures.add(pool.submit(() -> {
                var pb = new ProcessBuilder("tesseract", f.toString(), "-", "-l", "chi_sim");
                pb.environment().put("OMP_THREAD_LIMIT", "1");
                pb.redirectErrorStream(true);
                var p = pb.start();
                p.getInputStream().readAllBytes();
                return p.waitFor();
            }));
        }
        for (var fu : futures) {
            if (fu.get() != 0) {
                throw new IllegalStateException("tesseract CLI failed");
            }
        }
        pool.shutdown();
        pool.awaitTermination(1, TimeUnit.MINUTES);
        return files.size() / ((System.nanoTime() - t0) / 1e9);
    }
}
