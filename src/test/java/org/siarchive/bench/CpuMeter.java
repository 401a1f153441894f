package org.siarchive.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * CPU time spent by this JVM (server and load generator alike) and by the embedded PostgreSQL's processes between two
 * readings. On a shared machine the wall-clock figures depend on the others' load; CPU per request does much less, and
 * 2 cores ÷ CPU per request bounds the requests per second this machine could serve when nothing else runs.
 */
final class CpuMeter {

    private static final double TICK_MS = 10.0; // USER_HZ is 100 on Linux

    private final long postmaster;
    private final long jvmStart;
    private final long pgStart;
    private final long clientStart;
    private final long jvmSysStart;
    private final java.util.Map<Long, Long> httpClientStart;

    private CpuMeter(long postmaster) {
        this.postmaster = postmaster;
        this.jvmStart = jvmNanos();
        this.pgStart = pgTicks(postmaster);
        this.clientStart = ClosedLoop.CLIENT_CPU_NANOS.get();
        this.jvmSysStart = jvmSysTicks();
        this.httpClientStart = httpClientThreads();
    }

    /** CPU time of each live thread of a {@code java.net.http.HttpClient} (its selector and workers), by thread id. */
    private static java.util.Map<Long, Long> httpClientThreads() {
        var threads = ManagementFactory.getThreadMXBean();
        var cpu = new java.util.HashMap<Long, Long>();
        for (var info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info != null && info.getThreadName().startsWith("HttpClient-")) {
                long t = threads.getThreadCpuTime(info.getThreadId());
                if (t >= 0) {
                    cpu.put(info.getThreadId(), t);
                }
            }
        }
        return cpu;
    }

    /**
     * The load generator's share of the JVM's CPU since the start: the closed-loop client threads and the HTTP
     * clients' threads still alive (a worker that ended meanwhile is missed, so this is a lower bound).
     */
    private long generatorNanos() {
        long sum = ClosedLoop.CLIENT_CPU_NANOS.get() - clientStart;
        for (var e : httpClientThreads().entrySet()) {
            sum += e.getValue() - httpClientStart.getOrDefault(e.getKey(), 0L);
        }
        return sum;
    }

    /** Starts measuring; {@code pgDir} holds the embedded PostgreSQL's postmaster.pid. */
    static CpuMeter start(Path pgDir) {
        long pid = -1;
        try {
            pid = Long.parseLong(
                    Files.readAllLines(pgDir.resolve("postmaster.pid")).get(0).strip());
        } catch (IOException | RuntimeException e) {
            // no PostgreSQL figure then
        }
        return new CpuMeter(pid);
    }

    /** "CPU per request: JVM … ms + PostgreSQL … ms = … ms → at most … req/s on 2 cores". */
    String perRequest(long requests) {
        double jvm = (jvmNanos() - jvmStart) / 1e6 / Math.max(1, requests);
        double pg = (pgTicks(postmaster) - pgStart) * TICK_MS / Math.max(1, requests);
        double generator = generatorNanos() / 1e6 / Math.max(1, requests);
        double sys = (jvmSysTicks() - jvmSysStart) * TICK_MS / Math.max(1, requests);
        return String.format(
                Locale.ROOT,
                "CPU per request: JVM %.2f ms (in the kernel %.2f; the client threads ≥ %.2f: the load generator over"
                        + " HTTP) + PostgreSQL %.2f ms = %.2f ms → at most %,.0f req/s on 2 cores",
                jvm,
                sys,
                generator,
                pg,
                jvm + pg,
                2000 / (jvm + pg));
    }

    /** The JVM's system time (stime of /proc/self/stat), in ticks. */
    private static long jvmSysTicks() {
        try {
            String stat = Files.readString(Path.of("/proc/self/stat"));
            return Long.parseLong(stat.substring(stat.lastIndexOf(')') + 2).split(" ")[12]);
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    private static long jvmNanos() {
        var os = ManagementFactory.getOperatingSystemMXBean();
        return os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getProcessCpuTime() : 0;
    }

    /** utime + stime of the postmaster's children (backends, WAL writer, checkpointer …) and its own, in ticks. */
    private static long pgTicks(long postmaster) {
        if (postmaster < 0) {
            return 0;
        }
        long sum = 0;
        try (var procs = Files.list(Path.of("/proc"))) {
            for (var p : (Iterable<Path>) procs::iterator) {
                String name = p.getFileName().toString();
                if (!name.chars().allMatch(Character::isDigit)) {
                    continue;
                }
                try {
                    String stat = Files.readString(p.resolve("stat"));
                    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    long pid = Long.parseLong(name);
                    if (pid == postmaster || Long.parseLong(f[1]) == postmaster) {
                        sum += Long.parseLong(f[11]) + Long.parseLong(f[12]);
                    }
                } catch (IOException | RuntimeException gone) {
                    // the process ended meanwhile
                }
            }
        } catch (IOException e) {
            return 0;
        }
        return sum;
    }
}
