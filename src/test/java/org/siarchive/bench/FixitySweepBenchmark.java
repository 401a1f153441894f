package org.siarchive.bench;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.siarchive.capture.Captures;
import org.siarchive.capture.Upload;
import org.siarchive.catalog.Catalog;
import org.siarchive.catalog.Renditions;
import org.siarchive.crypto.Digests;
import org.siarchive.integrity.FixitySweeps;
import org.siarchive.preservation.Preservation;
import org.siarchive.shared.Actor;
import org.siarchive.support.IntegrationTest;
import org.siarchive.support.Samples;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Fixity sweep MB/s (SM3 + SHA-256 in one pass, OCFL validation, sidecar check, one thread per core, no limit)
 * beside {@code openssl dgst -sm3} on the same stored files right after it, after one unmeasured sweep that warms
 * the JIT: with Java digests and every object validated (as before issue 20), with native digests, and with native
 * digests skipping objects whose inventory is unchanged (docs/adr/0113). Prints the JVM's peak heap and writes
 * target/bench/fixity-sweep.txt. {@code -Dbench.items=N -Dbench.fileKb=K} (default 600 items of 2 × 200 KB; about
 * 3 minutes on a quiet 2-core machine, most of it capturing).
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

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

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
        // one sweep to warm the JIT (openssl is native code) and record each object's validated inventory, then
        // the measured ones, each beside openssl over the same files right after it (the machine is shared)
        sweepOnce();
        long bytes = 0;
        for (String f : files) {
            bytes += java.nio.file.Files.size(java.nio.file.Path.of(f));
        }
        try (var heap = PeakHeap.watch()) {
            line(String.format(
                    java.util.Locale.ROOT,
                    "fixity sweep: %d items, %d files, %.1f MB; %d threads; load average %s",
                    ITEMS,
                    files.size(),
                    bytes / 1e6,
                    Runtime.getRuntime().availableProcessors(),
                    loadAverage()));
            line(
                    "| sweep | sweep MB/s | SM3 + SHA-256 only, same files | openssl dgst -sm3 | ratio sweep / openssl (goal >= 0.8)"
                            + " | sweep MB per JVM CPU-second | openssl MB per CPU-second | ratio per core |");
            line("|---|---|---|---|---|---|---|---|");
            boolean wasNative = Digests.nativeInUse();
            Digests.use(Digests.Implementation.JAVA);
            measure("Java digests (BouncyCastle), every object validated (before issue 20)", files, bytes, true);
            Digests.use(wasNative ? Digests.Implementation.NATIVE : Digests.Implementation.AUTO);
            measure("native digests, every object validated", files, bytes, true);
            measure("native digests, unchanged inventories not validated again", files, bytes, false);
            line("digests: " + Digests.implementation() + "; load average after: " + loadAverage());
            line(heap.line());
        }
        java.nio.file.Files.createDirectories(java.nio.file.Path.of("target/bench"));
        java.nio.file.Files.writeString(java.nio.file.Path.of("target/bench/fixity-sweep.txt"), out.toString());
    }

    private final StringBuilder out = new StringBuilder();

    private void line(String s) {
        System.out.println(s);
        out.append(s).append('\n');
    }

    /** One measured sweep (forgetting every validated inventory first when asked) and its references. */
    private void measure(String what, List<String> files, long bytes, boolean validateAll) throws Exception {
        if (validateAll) {
            jdbc.sql("update item_fixity set inventory_digest = null").update();
        }
        var os = (com.sun.management.OperatingSystemMXBean)
                java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        long cpu0 = os.getProcessCpuTime();
        long t0 = System.nanoTime();
        long id = sweepOnce();
        double sweepMbS = sweeps.sweep(id).bytesDone() / 1e6 / ((System.nanoTime() - t0) / 1e9);
        double sweepMbPerCpuS = sweeps.sweep(id).bytesDone() / 1e6 / ((os.getProcessCpuTime() - cpu0) / 1e9);
        double hashMbS = bytes / 1e6 / hashOnly(files);
        double[] openssl = openssl(files);
        double opensslMbS = bytes / 1e6 / openssl[0];
        double opensslMbPerCpuS = bytes / 1e6 / openssl[1];
        line(String.format(
                java.util.Locale.ROOT,
                "| %s | %.1f | %.1f | %.1f | **%.2f** | %.1f | %.1f | %.2f |",
                what,
                sweepMbS,
                hashMbS,
                opensslMbS,
                sweepMbS / opensslMbS,
                sweepMbPerCpuS,
                opensslMbPerCpuS,
                sweepMbPerCpuS / opensslMbPerCpuS));
    }

    /** The same files hashed with nothing else (the sweep's ceiling on this machine), one thread per core. */
    private static double hashOnly(List<String> files) throws Exception {
        var pool = java.util.concurrent.Executors.newFixedThreadPool(
                Runtime.getRuntime().availableProcessors());
        long th = System.nanoTime();
        var hashes = files.stream()
                .map(f -> pool.submit(() -> org.siarchive.preservation.Digester.of(java.nio.file.Path.of(f))))
                .toList();
        for (var h : hashes) {
            h.get();
        }
        pool.shutdown();
        return (System.nanoTime() - th) / 1e9;
    }

    /**
     * {@code openssl dgst -sm3} over the files, one process: its wall seconds and its CPU seconds (user + system,
     * from the shell's {@code times}), so the ratio per core holds on a loaded machine.
     */
    private static double[] openssl(List<String> files) throws Exception {
        var list = java.nio.file.Files.createTempFile("fixity-files", ".txt");
        java.nio.file.Files.write(list, files);
        long t1 = System.nanoTime();
        var p = new ProcessBuilder("bash", "-c", "openssl dgst -sm3 $(cat " + list + ") > /dev/null; times")
                .redirectErrorStream(true)
                .start();
        String text = new String(p.getInputStream().readAllBytes());
        if (p.waitFor() != 0) {
            throw new IllegalStateException("openssl failed: " + text);
        }
        double wall = (System.nanoTime() - t1) / 1e9;
        java.nio.file.Files.delete(list);
        String[] children =
                text.strip().lines().reduce((a, b) -> b).orElse("").trim().split("\\s+");
        return new double[] {wall, minutes(children[0]) + minutes(children[1])};
    }

    private static double minutes(String time) {
        int m = time.indexOf('m');
        return Integer.parseInt(time.substring(0, m)) * 60
                + Double.parseDouble(time.substring(m + 1, time.length() - 1));
    }

    private static String loadAverage() {
        try {
            return java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg"))
                    .strip();
        } catch (java.io.IOException e) {
            return "?";
        }
    }
}
