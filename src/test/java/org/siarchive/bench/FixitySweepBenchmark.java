package org.siarchive.bench;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.siarchive.capture.Captures;
import org.siarchive.capture.Upload;
import org.siarchive.catalog.Catalog;
import org.siarchive.catalog.Renditions;
import org.siarchive.integrity.FixitySweeps;
import org.siarchive.preservation.Preservation;
import org.siarchive.shared.Actor;
import org.siarchive.support.IntegrationTest;
import org.siarchive.support.Samples;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Fixity sweep MB/s (SM3 + SHA-256 in one pass, OCFL validation, sidecar check, one thread per core, no limit)
 * beside {@code openssl dgst -sm3} on the same stored files in the same run, after one unmeasured sweep
 * that warms the JIT. {@code -Dbench.items=N -Dbench.fileKb=K} (default 600 items of 2 × 200 KB).
 */
@Tag("bench")
class FixitySweepBenchmark extends IntegrationTest {

    static final int ITEMS = Integer.getInteger("bench.items", 600);
    static final int FILE_KB = Integer.getInteger("bench.fileKb", 200);

    @Autowired
    Captures captures;

    @Autowired
    FixitySweeps sweeps;

    @Autowired
    Catalog catalog;

    @Autowired
    Renditions renditions;

    @Autowired
    Preservation preservation;

    private long sweepOnce() {
        long id = sweeps.start(0, Actor.SYSTEM);
        while (sweeps.sweep(id).status().equals("RUNNING")) {
            sweeps.work();
        }
        return id;
    }

    @Test
    void sweepBesideOpenssl() throws Exception {
        var payloads = CaptureThroughputBenchmark.payloads(2 * ITEMS, FILE_KB * 1000);
        var files = new ArrayList<String>();
        for (int i = 0; i < ITEMS; i++) {
            var item = captures.capture(
                            Samples.personEnrolment(Samples.acceptanceNo(), Samples.citizenId(1960 + i % 40), "巡检"),
                            List.of(
                                    Upload.ofBytes("a.png", payloads.get(2 * i)),
                                    Upload.ofBytes("b.png", payloads.get(2 * i + 1))),
                            null,
                            Actor.SYSTEM)
                    .item();
            for (var f : item.files()) {
                files.add(preservation
                        .storagePath(item.objectId(), f.logicalPath())
                        .toString());
            }
        }
        // the OFD preservation copies of these page-image items are made in the background: wait for them,
        // so the timed sweep runs alone, and hash them with openssl too (the sweep checks them)
        var ids = catalog.itemIdsAfter(null, Integer.MAX_VALUE);
        long deadline = System.nanoTime() + 600_000_000_000L;
        while (renditions.ofItems(ids).size() < ITEMS && System.nanoTime() < deadline) {
            Thread.sleep(500);
        }
        for (var e : renditions.ofItems(ids).entrySet()) {
            var item = catalog.requireItem(e.getKey());
            for (var r : e.getValue()) {
                files.add(preservation
                        .storagePath(item.objectId(), r.logicalPath())
                        .toString());
            }
        }
        // one sweep to warm the JIT (openssl is native code), then the measured one
        sweepOnce();
        long t0 = System.nanoTime();
        long id = sweepOnce();
        double sweepSeconds = (System.nanoTime() - t0) / 1e9;
        var sweep = sweeps.sweep(id);
        double sweepMbS = sweep.bytesDone() / 1e6 / sweepSeconds;

        // the same files hashed with nothing else (the sweep's ceiling on this machine)
        var pool = java.util.concurrent.Executors.newFixedThreadPool(
                Runtime.getRuntime().availableProcessors());
        long th = System.nanoTime();
        var hashes = files.stream()
                .map(f -> pool.submit(() -> org.siarchive.preservation.Digester.of(java.nio.file.Path.of(f))))
                .toList();
        for (var h : hashes) {
            h.get();
        }
        double hashSeconds = (System.nanoTime() - th) / 1e9;
        pool.shutdown();

        var cmd = new ArrayList<String>(List.of("openssl", "dgst", "-sm3"));
        cmd.addAll(files);
        long t1 = System.nanoTime();
        var p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        if (p.waitFor() != 0) {
            throw new IllegalStateException("openssl failed");
        }
        double opensslSeconds = (System.nanoTime() - t1) / 1e9;
        long bytes = 0;
        for (String f : files) {
            bytes += java.nio.file.Files.size(java.nio.file.Path.of(f));
        }
        double opensslMbS = bytes / 1e6 / opensslSeconds;
        System.out.printf(
                "fixity sweep: %d items (%d in the store), %.1f MB read in %.2f s%n",
                ITEMS, sweep.itemsDone(), sweep.bytesDone() / 1e6, sweepSeconds);
        System.out.printf(
                "sweep (SM3 + SHA-256 + OCFL validation + sidecar, %d threads): %7.1f MB/s%n",
                Runtime.getRuntime().availableProcessors(), sweepMbS);
        System.out.printf(
                "SM3 + SHA-256 of the same files only, %d threads:          %7.1f MB/s%n",
                Runtime.getRuntime().availableProcessors(), bytes / 1e6 / hashSeconds);
        System.out.printf(
                "openssl dgst -sm3 on the same %d files (1 process):        %7.1f MB/s%n", files.size(), opensslMbS);
        System.out.printf(
                "ratio sweep / openssl:                                       %7.2f (goal >= 0.8)%n",
                sweepMbS / opensslMbS);
    }
}
