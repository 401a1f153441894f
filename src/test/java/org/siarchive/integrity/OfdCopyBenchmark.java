package org.siarchive.integrity;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.siarchive.capture.Captures;
import org.siarchive.capture.Upload;
import org.siarchive.catalog.Catalog;
import org.siarchive.preservation.Preservation;
import org.siarchive.shared.Actor;
import org.siarchive.support.IntegrationTest;
import org.siarchive.support.Samples;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/**
 * The CPU one OFD preservation copy costs this thread (user + system, so the fsyncs' kernel time counts), for
 * documents of two 200 KB page images: the whole copy ({@link PreservationCopies#make}: confirming the masters, the
 * OFD, its OCFL version, the rendition's row and audit entry) and its parts alone. Thread CPU time does not grow
 * with the machine's load the way wall-clock time does, so the figure compares across runs. Items are captured
 * with copies switched off, then copied one after another on the test's thread. Run with
 * {@code ./mvnw -Pbench test -Dtest=OfdCopyBenchmark}; writes target/bench/ofd-copy.txt.
 */
@Tag("bench")
@TestPropertySource(properties = "siarchive.preservation.ofd-copies.mode=off")
class OfdCopyBenchmark extends IntegrationTest {

    private static final int FILE_BYTES = 200 * 1024;
    private static final int WARM_UP = 10;
    private static final int COPIES = Integer.getInteger("bench.copies", 40);

    @Autowired
    Captures captures;

    @Autowired
    Catalog catalog;

    @Autowired
    Preservation preservation;

    @Autowired
    PreservationCopies copies;

    @Test
    void cpuOfOneCopy() throws Exception {
        try (var heap = org.siarchive.bench.PeakHeap.watch()) {
            measure(heap);
        }
    }

    private void measure(org.siarchive.bench.PeakHeap heap) throws Exception {
        var random = new Random(42);
        var items = new ArrayList<UUID>();
        for (int i = 0; i < WARM_UP + COPIES; i++) {
            var s = Samples.personEnrolment(
                    "OFDBENCH" + i + "-" + System.nanoTime(), Samples.citizenId(1960 + i % 40), "版式基准" + i);
            var uploads = List.of(Upload.ofBytes("a.png", png(random)), Upload.ofBytes("b.png", png(random)));
            items.add(captures.capture(s, uploads, null, Actor.SYSTEM).item().id());
        }
        var threads = ManagementFactory.getThreadMXBean();
        var confirm = new double[COPIES];
        var render = new double[COPIES];
        var whole = new double[COPIES];
        Path work = Files.createTempDirectory("ofd-bench");
        for (int i = 0; i < items.size(); i++) {
            var item = catalog.requireItem(items.get(i));
            var masters = new ArrayList<>(preservation.storagePaths(item.objectId()).entrySet().stream()
                    .filter(e -> e.getKey().endsWith(".png"))
                    .map(java.util.Map.Entry::getValue)
                    .toList());
            long t0 = threads.getCurrentThreadCpuTime();
            for (Path m : masters) {
                PreservationCopies.confirmed(
                        m, Files.size(m), item.files().get(0).sha256());
            }
            long t1 = threads.getCurrentThreadCpuTime();
            Path out = work.resolve("copy-" + i + ".ofd");
            var dir = Files.createDirectories(work.resolve("w" + i));
            OfdRendition.write(
                    masters,
                    new String[] {"image/png", "image/png"},
                    new OfdRendition.Info(item.title(), item.responsible(), java.time.LocalDate.of(2026, 11, 30)),
                    out,
                    dir);
            long t2 = threads.getCurrentThreadCpuTime();
            if (copies.make(item.id()) != PreservationCopies.Outcome.MADE) {
                throw new IllegalStateException("no copy made of " + item.archiveCode());
            }
            long t3 = threads.getCurrentThreadCpuTime();
            if (i >= WARM_UP) {
                confirm[i - WARM_UP] = (t1 - t0) / 1e6;
                render[i - WARM_UP] = (t2 - t1) / 1e6;
                whole[i - WARM_UP] = (t3 - t2) / 1e6;
            }
        }
        var out = new StringBuilder();
        line(
                out,
                "OFD preservation copy, 2 x %d KB PNG pages, thread CPU ms, median (p90) of %d copies after %d warm-up",
                FILE_BYTES / 1024,
                COPIES,
                WARM_UP);
        line(out, "digests: %s", org.siarchive.crypto.Digests.implementation());
        line(out, "  whole copy (PreservationCopies.make)       %7.2f (%7.2f)", median(whole), p90(whole));
        line(out, "  of it: OFD written, hashed, read back      %7.2f (%7.2f)", median(render), p90(render));
        line(out, "  of it: masters confirmed (size + SHA-256)  %7.2f (%7.2f)", median(confirm), p90(confirm));
        line(out, "%s", heap.line());
        line(
                out,
                "load average at the end: %s",
                Files.readString(Path.of("/proc/loadavg")).strip());
        Files.createDirectories(Path.of("target/bench"));
        Files.writeString(Path.of("target/bench/ofd-copy.txt"), out);
    }

    private static double median(double[] v) {
        var s = v.clone();
        Arrays.sort(s);
        return s[s.length / 2];
    }

    private static double p90(double[] v) {
        var s = v.clone();
        Arrays.sort(s);
        return s[(int) Math.min(s.length - 1, Math.round(s.length * 0.9))];
    }

    private static void line(StringBuilder out, String format, Object... args) {
        String s = String.format(java.util.Locale.ROOT, format, args);
        System.out.println(s);
        out.append(s).append('\n');
    }

    static byte[] png(Random random) {
        return org.siarchive.bench.NoisePng.of(random, FILE_BYTES);
    }
}
