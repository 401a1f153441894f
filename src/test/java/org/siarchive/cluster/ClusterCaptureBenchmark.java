package org.siarchive.cluster;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.siarchive.SiArchiveApplication;
import org.siarchive.bench.PeakHeap;
import org.siarchive.support.ApiClient;
import org.siarchive.support.ApiClient.FilePart;
import org.siarchive.support.Samples;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Capture throughput of the cluster profile (issue 21): the same HTTP captures (a PNG and a PDF of the test samples,
 * the clients in this JVM) through one node, then through two nodes of the same cluster — one PostgreSQL by URL, OCFL in
 * S3Proxy, SolrCloud of two Solr nodes — all on this machine. On 2 cores every part shares the same CPU, so a second
 * node adds no capacity: the figure shows the cost of the shared parts and that nothing serialises the nodes.
 *
 * <pre>
 * ./mvnw -B -o -q test -Pbench -Dspotless.check.skip=true -Dtest=ClusterCaptureBenchmark -Dbench.docs=300 \
 *     -Dbench.clients=4
 * </pre>
 */
@Tag("bench")
class ClusterCaptureBenchmark {

    @Test
    void oneNodeAgainstTwo() throws Exception {
        int docs = Integer.getInteger("bench.docs", 300);
        int clients = Integer.getInteger("bench.clients", 4);
        var out = new StringBuilder("cluster capture benchmark (issue 21), " + docs + " docs per run, " + clients
                + " clients, a PNG and a PDF per doc\n");
        try (var heap = PeakHeap.watch();
                var parts = new ClusterParts(Files.createTempDirectory("siarchive-cluster-bench-"))) {
            var a = node(parts, "bench-a");
            try {
                run(parts, List.of(a), clients, 40); // warm-up
                double one = run(parts, List.of(a), clients, docs);
                var b = node(parts, "bench-b");
                try {
                    run(parts, List.of(b), clients, 40); // warm-up of the second node
                    double two = run(parts, List.of(a, b), clients, docs);
                    double oneAgain = run(parts, List.of(a), clients, docs);
                    out.append(
                            String.format(Locale.ROOT, "one node:  %.1f docs/s (again, after: %.1f)%n", one, oneAgain));
                    out.append(String.format(Locale.ROOT, "two nodes: %.1f docs/s (ratio %.2f)%n", two, two / one));
                } finally {
                    b.close();
                }
            } finally {
                a.close();
            }
            out.append(heap.line()).append('\n');
        }
        System.out.println(out);
    }

    private static ConfigurableApplicationContext node(ClusterParts parts, String id) {
        Map<String, String> p = parts.node(id);
        return new SpringApplicationBuilder(SiArchiveApplication.class)
                .run(p.entrySet().stream()
                        .map(e -> "--" + e.getKey() + "=" + e.getValue())
                        .toArray(String[]::new));
    }

    /** Captures {@code docs} documents, the clients spread over the nodes; returns acknowledged docs/s. */
    private static double run(ClusterParts parts, List<ConfigurableApplicationContext> nodes, int clients, int docs)
            throws Exception {
        var apis = new ArrayList<ApiClient>();
        for (var n : nodes) {
            apis.add(new ApiClient(
                    ((WebServerApplicationContext) n).getWebServer().getPort(), parts.shared()));
        }
        var left = new AtomicInteger(docs);
        var failed = new AtomicInteger();
        var pool = Executors.newFixedThreadPool(clients);
        long t0 = System.nanoTime();
        for (int c = 0; c < clients; c++) {
            var api = apis.get(c % apis.size());
            pool.submit(() -> {
                while (left.getAndDecrement() > 0) {
                    String no = Samples.acceptanceNo();
                    long seed = no.hashCode();
                    var r = api.capture(
                            Samples.personEnrolment(no, Samples.citizenId(1980), "集群测速"),
                            List.of(
                                    new FilePart("a.png", "image/png", Samples.png(seed)),
                                    new FilePart("b.pdf", "application/pdf", Samples.pdf("bench " + seed))),
                            Map.of());
                    if (r.status() != 201) {
                        failed.incrementAndGet();
                    }
                }
            });
        }
        pool.shutdown();
        if (!pool.awaitTermination(1, TimeUnit.HOURS)) {
            throw new IllegalStateException("benchmark did not finish");
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        if (failed.get() > 0) {
            throw new IllegalStateException(failed.get() + " captures refused");
        }
        return docs / seconds;
    }
}
