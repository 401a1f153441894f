package org.siarchive.preservation;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.siarchive.bench.PeakHeap;
import org.siarchive.platform.DataDirectory;

/**
 * Issue 21: OCFL writes of one 400 KB document each (a new object with its sidecar, as a capture writes it) into the
 * preservation store on local disk (fsynced) and on S3 (S3Proxy in this JVM on 127.0.0.1, filesystem backend on the
 * same disk, the object lock and details in an embedded PostgreSQL), with 1 and 2 writers; then the read of each
 * document back. {@code -Dbench.docs} (200) documents per run. Writes target/bench/ocfl-s3.txt.
 */
@Tag("bench")
class OcflS3WriteBenchmark {

    static final int DOCS = Integer.getInteger("bench.docs", 200);
    static final int SIZE = 400 * 1024;

    private final StringBuilder out = new StringBuilder();

    @Test
    void writesOnDiskAndOnS3(@TempDir Path tmp) throws Exception {
        byte[] doc = new byte[SIZE];
        new Random(21).nextBytes(doc);
        Path source = Files.write(tmp.resolve("doc.pdf"), doc);
        try (var heap = PeakHeap.watch()) {
            line("OCFL writes of one 400 KB document per object, " + DOCS + " objects per run; "
                    + Runtime.getRuntime().availableProcessors() + " cores");
            for (int writers : new int[] {1, 2}) {
                run("disk", disk(tmp.resolve("disk-" + writers)), source, writers);
                run(
                        "S3Proxy",
                        s3(tmp.resolve("s3-" + writers), "bench-" + writers + "-" + System.nanoTime()),
                        source,
                        writers);
            }
            line(heap.line());
        }
        Files.createDirectories(Path.of("target/bench"));
        Files.writeString(Path.of("target/bench/ocfl-s3.txt"), out);
    }

    private static Preservation disk(Path dir) {
        return new Preservation(new DataDirectory(dir), new FormatIdentifier(), none());
    }

    private static Preservation s3(Path dir, String prefix) {
        return new Preservation(
                new DataDirectory(dir),
                new FormatIdentifier(),
                none(),
                S3Primary.settings(prefix),
                S3Primary.dataSource());
    }

    private static ReplicaSettings none() {
        return new ReplicaSettings(null, null, null, null, null, null, null, null);
    }

    private void run(String store, Preservation p, Path source, int writers) throws Exception {
        try {
            write(p, source, "warm-" + writers, 20, writers); // JIT, connections
            long t0 = System.nanoTime();
            long[] ms = write(p, source, "doc-" + writers, DOCS, writers);
            double seconds = (System.nanoTime() - t0) / 1e9;
            long r0 = System.nanoTime();
            for (int i = 0; i < DOCS; i++) {
                p.fixityOf("urn:bench:doc-" + writers + "-" + i, "content/0001.pdf");
            }
            double readMs = (System.nanoTime() - r0) / 1e6 / DOCS;
            Arrays.sort(ms);
            line(String.format(
                    Locale.ROOT,
                    "%-8s %d writer(s): %6.1f docs/s, write p50 %5.1f ms, p95 %5.1f ms; read+hash %5.1f ms per doc",
                    store,
                    writers,
                    DOCS / seconds,
                    ms[ms.length / 2] / 1e3,
                    ms[(int) (ms.length * 0.95)] / 1e3,
                    readMs));
        } finally {
            p.destroy();
        }
    }

    /** Microseconds per write. */
    private static long[] write(Preservation p, Path source, String name, int docs, int writers) throws Exception {
        var pool = Executors.newFixedThreadPool(writers);
        try {
            var tasks = new ArrayList<Callable<long[]>>();
            for (int w = 0; w < writers; w++) {
                int first = w;
                tasks.add(() -> {
                    var times = new long[(docs + writers - 1 - first) / writers];
                    int n = 0;
                    for (int i = first; i < docs; i += writers) {
                        long t = System.nanoTime();
                        p.writeVersion(
                                "urn:bench:" + name + "-" + i,
                                List.of(new StoredFile("content/0001.pdf", source)),
                                "{\"n\":1}".getBytes(),
                                "capture",
                                "bench");
                        times[n++] = (System.nanoTime() - t) / 1000;
                    }
                    return times;
                });
            }
            var all = new ArrayList<Long>();
            for (var f : pool.invokeAll(tasks)) {
                for (long t : f.get()) {
                    all.add(t);
                }
            }
            return all.stream().mapToLong(Long::longValue).toArray();
        } finally {
            pool.shutdownNow();
        }
    }

    private void line(String s) {
        System.out.println(s);
        out.append(s).append('\n');
    }
}
