package org.siarchive.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A closed-loop load generator: C clients each send their next request as soon as the previous one is answered,
 * first for a warm-up period (not counted), then for a fixed duration; every answered request's latency is kept.
 * The result gives requests per second and p50/p95/p99, and how many were sent in all (warm-up included). A request is a {@link Request}: it returns whether the
 * answer was the expected one; an unexpected answer is counted as an error, and still timed.
 */
final class ClosedLoop {

    /** One request of one client; {@code n} counts that client's requests. */
    interface Request {
        boolean send(int client, long n) throws Exception;
    }

    /** What a run measured. */
    record Result(String name, int clients, long requests, long errors, double seconds, long[] sortedNanos, long sent) {

        double perSecond() {
            return requests / seconds;
        }

        double percentileMs(double p) {
            if (sortedNanos.length == 0) {
                return Double.NaN;
            }
            int i = (int) Math.ceil(sortedNanos.length * p) - 1;
            return sortedNanos[Math.max(0, Math.min(i, sortedNanos.length - 1))] / 1e6;
        }

        String row(String limit) {
            return String.format(
                    Locale.ROOT,
                    "| %s | %d | %,.0f | %.1f | %.1f | %.1f | %,d | %d | %s |",
                    name,
                    clients,
                    perSecond(),
                    percentileMs(0.50),
                    percentileMs(0.95),
                    percentileMs(0.99),
                    requests,
                    errors,
                    limit);
        }

        static String header() {
            return "| what | clients | req/s | p50 ms | p95 ms | p99 ms | requests | errors | reference |\n"
                    + "|---|---|---|---|---|---|---|---|---|";
        }
    }

    /** CPU spent by every client thread of every run so far, counted as each thread's loop ends. */
    static final AtomicLong CLIENT_CPU_NANOS = new AtomicLong();

    private ClosedLoop() {}

    static Result run(String name, int clients, double warmUpSeconds, double seconds, Request request)
            throws Exception {
        var named = new AtomicLong();
        ExecutorService pool =
                Executors.newFixedThreadPool(clients, r -> new Thread(r, "closed-loop-" + named.incrementAndGet()));
        try {
            long start = System.nanoTime();
            long measureFrom = start + (long) (warmUpSeconds * 1e9);
            long end = measureFrom + (long) (seconds * 1e9);
            var errors = new AtomicLong();
            var sent = new AtomicLong();
            var futures = new ArrayList<Future<long[]>>();
            for (int c = 0; c < clients; c++) {
                int client = c;
                Callable<long[]> loop = () -> loop(client, measureFrom, end, request, errors, sent);
                futures.add(pool.submit(loop));
            }
            List<long[]> all = new ArrayList<>();
            for (var f : futures) {
                all.add(f.get());
            }
            long[] merged = all.stream().flatMapToLong(Arrays::stream).sorted().toArray();
            return new Result(name, clients, merged.length, errors.get(), seconds, merged, sent.get());
        } finally {
            pool.shutdownNow();
        }
    }

    private static long[] loop(
            int client, long measureFrom, long end, Request request, AtomicLong errors, AtomicLong sent)
            throws Exception {
        var threads = java.lang.management.ManagementFactory.getThreadMXBean();
        long cpu = threads.getCurrentThreadCpuTime();
        try {
            return timed(client, measureFrom, end, request, errors, sent);
        } finally {
            CLIENT_CPU_NANOS.addAndGet(threads.getCurrentThreadCpuTime() - cpu);
        }
    }

    private static long[] timed(
            int client, long measureFrom, long end, Request request, AtomicLong errors, AtomicLong sent)
            throws Exception {
        long[] nanos = new long[4096];
        int count = 0;
        long n = 0;
        while (true) {
            long t0 = System.nanoTime();
            if (t0 >= end) {
                return Arrays.copyOf(nanos, count);
            }
            boolean ok = request.send(client, n++);
            sent.incrementAndGet();
            long t1 = System.nanoTime();
            if (t0 < measureFrom) {
                continue;
            }
            if (!ok) {
                errors.incrementAndGet();
            }
            if (count == nanos.length) {
                nanos = Arrays.copyOf(nanos, count * 2);
            }
            nanos[count++] = t1 - t0;
        }
    }
}
