package org.siarchive.capture;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.siarchive.support.ChildJvm;

/** SIArchive running in a child JVM on a given data directory, to be killed like a real server. */
final class ChildPlatform {

    final Process process;
    final int port;
    private final Path dataDir;

    private ChildPlatform(Process process, int port, Path dataDir) {
        this.process = process;
        this.port = port;
        this.dataDir = dataDir;
    }

    Path dataDir() {
        return dataDir;
    }

    static ChildPlatform start(Path dataDir, String crashAt, Path log) throws Exception {
        int port = org.siarchive.platform.LocalPorts.free();
        var cmd = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                // the platform with the test's crash points (capture/CrashPoints, test code only)
                CrashPoints.class.getName(),
                "--siarchive.data-dir=" + dataDir,
                "--siarchive.security.initial-token-file=" + dataDir.resolve("initial-token"),
                "--server.port=" + port,
                "--server.address=127.0.0.1",
                "--logging.level.root=WARN"));
        cmd.addAll(1, org.siarchive.support.ChildJvm.javaOptions());
        if (crashAt != null) {
            cmd.add("--siarchive.test.crash-at=" + crashAt);
        }
        Files.createDirectories(log.getParent());
        var process = new ProcessBuilder(cmd)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
        var child = new ChildPlatform(process, port, dataDir);
        try {
            ChildJvm.awaitHealthy(process, port, ChildJvm.START_TIMEOUT);
        } catch (IllegalStateException e) {
            child.killEverything();
            throw new IllegalStateException(
                    e.getMessage() + "; the child's last output:\n" + ChildJvm.tail(log, 80), e);
        }
        return child;
    }

    Path marker() {
        return dataDir.resolve("crash-point-reached");
    }

    void awaitMarker(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!Files.exists(marker())) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("crash point not reached within " + timeout);
            }
            Thread.sleep(20);
        }
    }

    /**
     * The embedded server's postmaster and its backends. pg_ctl daemonises the postmaster, so it is not a
     * descendant of the JVM; its pid is read from the cluster's postmaster.pid.
     */
    List<ProcessHandle> databaseProcesses() throws IOException {
        var pidFile = dataDir.resolve("pg").resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return List.of();
        }
        long pid = Long.parseLong(Files.readAllLines(pidFile).get(0).trim());
        var out = new ArrayList<ProcessHandle>();
        ProcessHandle.of(pid).ifPresent(pm -> {
            out.add(pm);
            out.addAll(pm.descendants().toList());
        });
        return out;
    }

    /** SIGKILL of the JVM and of the database server at once: power loss of the node. */
    void killEverything() throws Exception {
        var all = new ArrayList<>(process.descendants().toList());
        all.addAll(databaseProcesses());
        process.destroyForcibly();
        all.forEach(ProcessHandle::destroyForcibly);
        process.waitFor(30, TimeUnit.SECONDS);
        for (var p : all) {
            p.onExit().get(30, TimeUnit.SECONDS);
        }
        Files.deleteIfExists(marker());
    }

    /** SIGKILL of the JVM only: its PostgreSQL server lives on, orphaned, holding the cluster. */
    List<ProcessHandle> killJvmOnly() throws Exception {
        var database = databaseProcesses();
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
        Files.deleteIfExists(marker());
        return database.subList(0, Math.min(1, database.size()));
    }

    /** SIGTERM and wait: a clean shutdown, PostgreSQL included. */
    void stop() throws Exception {
        var descendants = new ArrayList<>(process.descendants().toList());
        descendants.addAll(databaseProcesses());
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
        for (var d : descendants) {
            d.onExit().get(60, TimeUnit.SECONDS);
        }
    }
}
