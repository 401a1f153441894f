package org.siarchive.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.siarchive.digitisation.OcrPool;
import org.siarchive.digitisation.PageAnalyzer;
import org.siarchive.digitisation.TesseractEngine;
import org.siarchive.quality.CitizenIdNumber;
import org.siarchive.support.ScanPages;

/**
 * OCR pages/s of SIArchive's pool (one page per core, OMP_THREAD_LIMIT=1) beside the raw {@code tesseract}
 * CLI on the same PNG pages in the same run (one process per core), and the page-QC rate (decode and
 * analyse, the CPU part of an import without OCR). {@code -Dbench.pages=N} (default 24).
 */
@Tag("bench")
class OcrThroughputBenchmark {

    static final int PAGES = Integer.getInteger("bench.pages", 24);
    static final int CORES = Runtime.getRuntime().availableProcessors();

    @Test
    void ocrBesideTheCli() throws Exception {
        Path dir = Files.createTempDirectory("ocr-bench");
        var files = new ArrayList<Path>();
        for (int i = 0; i < PAGES; i++) {
            String first17 = "51010519790815%03d".formatted(i);
            var lines = ScanPages.enrolmentForm(
                    "王秀英", first17 + CitizenIdNumber.checkChar(first17), "成都示范科技有限公司", "91510100MA6123456X");
            var img = ScanPages.render(new ScanPages.Spec(lines, 300, (i % 5) * 0.4 - 0.8, i % 2 == 1, true, false, i));
            Path f = dir.resolve("page-%03d.png".formatted(i));
            Files.write(f, ScanPages.png(img, 300));
            files.add(f);
        }
        var engine = new TesseractEngine("/usr/share/tesseract-ocr/5/tessdata", "chi_sim", 6);
        double qc = qcRate(files);
        // warm-up: one page per worker loads the model in each thread
        double pool;
        try (var ocr = new OcrPool(engine, CORES, 4 * CORES)) {
            run(ocr, files.subList(0, CORES));
            long t0 = System.nanoTime();
            run(ocr, files);
            pool = PAGES / ((System.nanoTime() - t0) / 1e9);
        }
        double cli = cliRate(files);
        System.out.printf("pages: %d half-A4 forms at 300 dpi, %d cores%n", PAGES, CORES);
        System.out.printf("page QC (decode + analyse):          %7.2f pages/s%n", qc);
        System.out.printf("OCR, SIArchive pool (%d workers):     %7.2f pages/s%n", CORES, pool);
        System.out.printf("OCR, tesseract CLI (%d processes):    %7.2f pages/s%n", CORES, cli);
        System.out.printf("ratio pool / CLI:                    %7.2f (goal >= 0.9)%n", pool / cli);
    }

    private static void run(OcrPool ocr, List<Path> files) throws Exception {
        var futures = new ArrayList<CompletableFuture<?>>();
        for (Path f : files) {
            var d = PageAnalyzer.decode(Files.readAllBytes(f));
            futures.add(ocr.submit(d.image(), 0));
        }
        CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new)).get();
    }

    private static double qcRate(List<Path> files) throws Exception {
        var pool = Executors.newFixedThreadPool(CORES);
        long t0 = System.nanoTime();
        var futures = new ArrayList<java.util.concurrent.Future<?>>();
        for (Path f : files) {
            futures.add(pool.submit(() -> {
                var d = PageAnalyzer.decode(Files.readAllBytes(f));
                return PageAnalyzer.analyse(d.image(), d.dpi());
            }));
        }
        for (var fu : futures) {
            fu.get();
        }
        pool.shutdown();
        return files.size() / ((System.nanoTime() - t0) / 1e9);
    }

    private static double cliRate(List<Path> files) throws Exception {
        var pool = Executors.newFixedThreadPool(CORES);
        long t0 = System.nanoTime();
        var futures = new ArrayList<java.util.concurrent.Future<Integer>>();
        for (Path f : files) {
            futures.add(pool.submit(() -> {
                var pb = new ProcessBuilder("tesseract", f.toString(), "-", "-l", "chi_sim", "--psm", "6");
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
