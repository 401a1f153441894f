package org.siarchive.bench;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.siarchive.capture.BatchCaptures;
import org.siarchive.capture.BatchItem;
import org.siarchive.capture.BatchRequests;
import org.siarchive.capture.BatchResult;
import org.siarchive.capture.Captures;
import org.siarchive.capture.Upload;
import org.siarchive.preservation.Digester;
import org.siarchive.shared.Actor;
import org.siarchive.support.ApiClient;
import org.siarchive.support.IntegrationTest;
import org.siarchive.support.Samples;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Capture throughput with 200 KB files (random bytes inside valid PNGs), through the whole durable
 * capture path, beside the SM3 limit for the same bytes measured in the same run. Run with
 * {@code ./mvnw -Pbench test}; prints a table and writes target/bench/capture-throughput.txt.
 */
@Tag("bench")
class CaptureThroughputBenchmark extends IntegrationTest {

    private static final int FILE_BYTES = 200 * 1024;
    private static final int FILES_PER_DOC = 2;
    private static final int RUNS = 3;
    private static final int DOCS_PER_RUN = Integer.getInteger("bench.docs", 600);

    @Autowired
    Captures captures;

    @Autowired
    BatchCaptures batches;

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @LocalServerPort
    int port;

    private final List<byte[]> payloads = payloads(64);
    private final AtomicInteger sequence = new AtomicInteger();

    @Test
    void captureThroughputAgainstTheSm3Limit() throws Exception {
        var out = new StringBuilder();
        double sm3 = median(() -> hashRate(false));
        double both = median(() -> hashRate(true));
        double docMb = FILES_PER_DOC * FILE_BYTES / 1e6;
        double limitPerCore = sm3 / docMb;
        line(
                out,
                "payload: %d files x %d KB random bytes per document (valid PNG with a private chunk)",
                FILES_PER_DOC,
                FILE_BYTES / 1024);
        line(
                out,
                "SM3 (%s, 1 thread): %8.1f MB/s  -> %6.1f docs/s per core",
                org.siarchive.crypto.Digests.implementation(),
                sm3,
                limitPerCore);
        line(
                out,
                "SM3 + SHA-256 one pass (1 thread):       %8.1f MB/s  -> %6.1f docs/s per core (%.0f%% of SM3 alone)",
                both,
                both / docMb,
                100 * both / sm3);
        try (var heap = PeakHeap.watch()) {
            // warm-up of every path measured below, the multipart ones included: the HTTP batch line is only a few
            // requests per run, and before this warm-up it paid for the compilation of Tomcat's, the security filters'
            // and the multipart parser's code (issue 20: HTTP batches then showed 0.53 of in-process)
            captureRun(2, 100, false);
            captureRun(2, 40, true);
            batchRun(2, 50, 100, false);
            batchRun(2, 50, 200, true);
            line(out, "");
            line(
                    out,
                    "%-34s %9s %9s %9s %11s %9s %12s %11s",
                    "capture path",
                    "docs/s",
                    "files/s",
                    "MB/s",
                    "CPU ms/doc",
                    "ratio*",
                    "drained/s**",
                    "CPU ms/doc**");
            if (Boolean.parseBoolean(System.getProperty("bench.singles", "true"))) {
                for (int threads : List.of(2, 4, 8)) {
                    report(
                            out,
                            "in-process, " + threads + " clients",
                            () -> captureRun(threads, DOCS_PER_RUN, false),
                            limitPerCore,
                            docMb);
                }
                report(out, "HTTP multipart, 2 clients", () -> captureRun(2, DOCS_PER_RUN, true), limitPerCore, docMb);
            }
            // -Dbench.inProcessBatches=false leaves only the HTTP batch line (a profile of the multipart path alone)
            for (int size : Boolean.parseBoolean(System.getProperty("bench.inProcessBatches", "true"))
                    ? batchSizes()
                    : List.<Integer>of()) {
                for (int threads : List.of(2, 4)) {
                    report(
                            out,
                            "in-process batches of " + size + ", " + threads + " cl.",
                            () -> batchRun(threads, size, Math.max(DOCS_PER_RUN, size * threads), false),
                            limitPerCore,
                            docMb);
                }
            }
            report(
                    out,
                    "HTTP batches of 50, 2 clients",
                    () -> batchRun(2, 50, Math.max(DOCS_PER_RUN, 100), true),
                    limitPerCore,
                    docMb);
            line(
                    out,
                    "* ratio = capture docs/s / (SM3-limit docs/s per core x %d cores); median of %d runs of %d documents"
                            + " (batch lines: at least one batch per client); group commit for singles: %s",
                    Runtime.getRuntime().availableProcessors(),
                    RUNS,
                    DOCS_PER_RUN,
                    System.getProperty("siarchive.capture.batch.group-singles", "true"));
            line(
                    out,
                    "** until every listener of the run's captures (OFD copy, index, read models) has finished: the"
                            + " sustained rate and the whole CPU cost per document");
            line(out, heap.line());
        }
        line(out, "load average at the end: %s", loadAverage());
        Files.createDirectories(Path.of("target", "bench"));
        Files.writeString(Path.of("target", "bench", "capture-throughput.txt"), out);
    }

    /** The batch lines' batch sizes: {@code -Dbench.batchSizes=50} runs only batches of 50 (a shorter run). */
    private static List<Integer> batchSizes() {
        return java.util.Arrays.stream(
                        System.getProperty("bench.batchSizes", "50,200").split(","))
                .map(String::strip)
                .map(Integer::valueOf)
                .toList();
    }

    /** One measured run: {docs/s, process CPU ms per doc}. */
    @FunctionalInterface
    private interface Run {
        double[] measure() throws Exception;
    }

    private void report(StringBuilder out, String label, Run run, double limitPerCore, double docMb) throws Exception {
        var rates = new ArrayList<double[]>();
        for (int r = 0; r < RUNS; r++) {
            rates.add(run.measure());
        }
        rates.sort((a, b) -> Double.compare(a[0], b[0]));
        double[] m = rates.get(RUNS / 2);
        double ratio = m[0] / (limitPerCore * Runtime.getRuntime().availableProcessors());
        line(
                out,
                "%-34s %9.1f %9.1f %9.1f %11.2f %9.2f %12.1f %11.2f",
                label,
                m[0],
                m[0] * FILES_PER_DOC,
                m[0] * docMb,
                m[1],
                ratio,
                m[2],
                m[3]);
    }

    /** Batches of {@code size} documents from {@code threads} clients; returns {docs/s, process CPU ms per doc}. */
    private double[] batchRun(int threads, int size, int docs, boolean http) throws Exception {
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        var pool = Executors.newFixedThreadPool(threads);
        var remaining = new AtomicInteger(docs / size);
        String token = ApiClient.initialToken();
        var started = java.time.OffsetDateTime.now();
        long cpu0 = os.getProcessCpuTime();
        long t0 = System.nanoTime();
        var tasks = new ArrayList<Callable<Void>>();
        for (int t = 0; t < threads; t++) {
            tasks.add(() -> {
                while (remaining.getAndDecrement() > 0) {
                    captureBatch(size, http ? token : null);
                }
                return null;
            });
        }
        for (var f : pool.invokeAll(tasks)) {
            f.get();
        }
        long elapsed = System.nanoTime() - t0;
        long cpu = os.getProcessCpuTime() - cpu0;
        pool.shutdown();
        int done = docs / size * size;
        return withDrain(done, elapsed, cpu, started, t0, cpu0, os);
    }

    private void captureBatch(int size, String token) {
        if (token == null) {
            var items = new ArrayList<BatchItem>();
            for (int i = 0; i < size; i++) {
                int n = sequence.incrementAndGet();
                items.add(new BatchItem(
                        submission(n),
                        List.of(Upload.ofBytes("a.png", payload(n, 0)), Upload.ofBytes("b.png", payload(n, 17))),
                        null));
            }
            var result = batches.capture(items, Actor.SYSTEM);
            if (result.count(BatchResult.Outcome.CREATED) != size) {
                throw new IllegalStateException("batch refused items: "
                        + result.items().stream()
                                .filter(r -> r.refusal() != null)
                                .findFirst()
                                .map(r -> r.refusal().toString())
                                .orElse(""));
            }
        } else {
            var items = new ArrayList<BatchRequests.Item>();
            for (int i = 0; i < size; i++) {
                int n = sequence.incrementAndGet();
                items.add(new BatchRequests.Item(
                        "bench-" + n + "-" + System.nanoTime(), submission(n), List.of(payload(n, 0), payload(n, 17))));
            }
            var r = BatchRequests.send(port, token, items);
            if (r.statusCode() != 200
                    || !new String(r.body(), java.nio.charset.StandardCharsets.UTF_8).contains("\"created\":" + size)) {
                throw new IllegalStateException("batch answered " + r.statusCode() + ": "
                        + new String(r.body(), java.nio.charset.StandardCharsets.UTF_8));
            }
        }
    }

    private static org.siarchive.quality.Submission submission(int n) {
        return Samples.personEnrolment(
                "BENCH" + n + "-" + System.nanoTime(), Samples.citizenId(1960 + n % 40), "基准" + (n % 100));
    }

    private byte[] payload(int n, int offset) {
        return payloads.get((n + offset) % payloads.size());
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).strip();
        } catch (java.io.IOException e) {
            return "unknown";
        }
    }

    /** Returns {docs/s, process CPU ms per doc}. */
    private double[] captureRun(int threads, int docs, boolean http) throws Exception {
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        var pool = Executors.newFixedThreadPool(threads);
        var remaining = new AtomicInteger(docs);
        var api = new ApiClient(port);
        var started = java.time.OffsetDateTime.now();
        long cpu0 = os.getProcessCpuTime();
        long t0 = System.nanoTime();
        var tasks = new ArrayList<Callable<Void>>();
        for (int t = 0; t < threads; t++) {
            tasks.add(() -> {
                while (remaining.getAndDecrement() > 0) {
                    captureOne(http ? api : null);
                }
                return null;
            });
        }
        for (var f : pool.invokeAll(tasks)) {
            f.get();
        }
        long elapsed = System.nanoTime() - t0;
        long cpu = os.getProcessCpuTime() - cpu0;
        pool.shutdown();
        return withDrain(docs, elapsed, cpu, started, t0, cpu0, os);
    }

    /**
     * {docs/s acknowledged, process CPU ms per doc until acknowledged, docs/s until every listener of the run
     * finished, process CPU ms per doc until then}.
     */
    private double[] withDrain(
            int docs,
            long elapsed,
            long cpu,
            java.time.OffsetDateTime started,
            long t0,
            long cpu0,
            com.sun.management.OperatingSystemMXBean os)
            throws InterruptedException {
        awaitListeners(started);
        long drained = System.nanoTime() - t0;
        long cpuDrained = os.getProcessCpuTime() - cpu0;
        return new double[] {docs / (elapsed / 1e9), cpu / 1e6 / docs, docs / (drained / 1e9), cpuDrained / 1e6 / docs};
    }

    /** Waits until no event publication of the run is left incomplete (bounded: ten minutes). */
    private void awaitListeners(java.time.OffsetDateTime since) throws InterruptedException {
        long deadline = System.nanoTime() + 600_000_000_000L;
        while (System.nanoTime() < deadline) {
            long open = jdbc.sql(
                            "select count(*) from event_publication where completion_date is null and publication_date >= :since")
                    .param("since", since)
                    .query(Long.class)
                    .single();
            if (open == 0) {
                return;
            }
            Thread.sleep(20);
        }
        throw new IllegalStateException("listeners still busy after ten minutes");
    }

    private void captureOne(ApiClient http) {
        int n = sequence.incrementAndGet();
        var s = Samples.personEnrolment(
                "BENCH" + n + "-" + System.nanoTime(), Samples.citizenId(1960 + n % 40), "基准" + (n % 100));
        byte[] a = payloads.get(n % payloads.size());
        byte[] b = payloads.get((n + 17) % payloads.size());
        if (http == null) {
            captures.capture(s, List.of(Upload.ofBytes("a.png", a), Upload.ofBytes("b.png", b)), null, Actor.SYSTEM);
        } else {
            var r = http.capture(
                    s,
                    List.of(
                            new ApiClient.FilePart("a.png", "image/png", a),
                            new ApiClient.FilePart("b.png", "image/png", b)),
                    Map.of());
            if (r.status() != 201) {
                throw new IllegalStateException("capture answered " + r.status());
            }
        }
    }

    private double hashRate(boolean both) {
        long bytes = 0;
        long t0 = System.nanoTime();
        for (int round = 0; round < 6; round++) {
            for (byte[] p : payloads) {
                if (both) {
                    var d = new Digester();
                    d.update(p, 0, p.length);
                    d.finish();
                } else {
                    org.siarchive.crypto.Sm3.digest(p);
                }
                bytes += p.length;
            }
        }
        return bytes / 1e6 / ((System.nanoTime() - t0) / 1e9);
    }

    private static double median(java.util.function.DoubleSupplier run) {
        run.getAsDouble();
        double[] r = {run.getAsDouble(), run.getAsDouble(), run.getAsDouble()};
        java.util.Arrays.sort(r);
        return r[1];
    }

    /** Valid PNGs (IHDR, one pixel IDAT, IEND) carrying ~200 KB of random bytes in a private ancillary chunk. */
    static List<byte[]> payloads(int count) {
        return payloads(count, FILE_BYTES);
    }

    static List<byte[]> payloads(int count, int fileBytes) {
        var random = new Random(42);
        var out = new ArrayList<byte[]>();
        for (int i = 0; i < count; i++) {
            out.add(NoisePng.of(random, fileBytes));
        }
        return out;
    }

    private static void line(StringBuilder out, String format, Object... args) {
        String s = args.length == 0 ? format : String.format(java.util.Locale.ROOT, format, args);
        System.out.println(s);
        out.append(s).append('\n');
    }
}
