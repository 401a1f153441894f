package org.siarchive.disposition;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.siarchive.support.ChildJvm;

/** SIArchive with {@link DestructionCrashPoints} in a child JVM on a data directory with a disk replica. */
final class DestructionChild {

    final Process process;
    final int port;
    final Path dataDir;

    private DestructionChild(Process process, int port, Path dataDir) {
        this.process = process;
        this.port = port;
        this.dataDir = dataDir;
    }

    static DestructionChild start(Path dataDir, String crashAt, long batch, Path log) throws Exception {
        int port = org.siarchive.platform.LocalPorts.free();
        var cmd = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                DestructionCrashPoints.class.getName(),
                "--siarchive.data-dir=" + dataDir,
                "--siarchive.security.initial-token-file=" + dataDir.resolve("initial-token"),
                "--siarchive.replica.kind=disk",
                "--siarchive.replica.path=" + dataDir.resolve("replica"),
                "--siarchive.disposition.destruction-chunk=1",
                "--siarchive.security.argon2.memory-kib=4096",
                "--server.port=" + port,
                "--server.address=127.0.0.1",
                "--logging.level.root=WARN"));
        cmd.addAll(1, org.siarchive.support.ChildJvm.javaOptions());
        if (crashAt != null) {
            cmd.add("--siarchive.test.crash-at=" + crashAt);
        }
        if (batch > 0) {
            cmd.add("--siarchive.test.destroy-batch=" + batch);
        }
        Files.createDirectories(log.getParent());
        var process = new ProcessBuilder(cmd)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
        var child = new DestructionChild(process, port, dataDir);
        try {
            ChildJvm.awaitHealthy(process, port, ChildJvm.START_TIMEOUT);
        } catch (IllegalStateException e) {
            child.killEverything();
            throw new IllegalStateException(
                    e.getMessage() + "; the child's last output:\n" + ChildJvm.tail(log, 80), e);
        }
        return child;
    }

    void awaitMarker(Duration timeout) throws InterruptedException {
        Path marker = dataDir.resolve("crash-point-reached");
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!Files.exists(marker)) {
            if (System.nanoTime() > deadline || !process.isAlive()) {
                throw new IllegalStateException("crash point not reached within " + timeout);
            }
            Thread.sleep(20);
        }
    }

    private List<ProcessHandle> database() throws IOException {
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

    /** SIGKILL of the JVM and its database server at once. */
    void killEverything() throws Exception {
        var all = new ArrayList<>(process.descendants().toList());
        all.addAll(database());
        process.destroyForcibly();
        all.forEach(ProcessHandle::destroyForcibly);
        process.waitFor(30, TimeUnit.SECONDS);
        for (var p : all) {
            p.onExit().get(30, TimeUnit.SECONDS);
        }
        Files.deleteIfExists(dataDir.resolve("crash-point-reached"));
    }

    /** SIGTERM and wait: a clean shutdown. */
    void stop() throws Exception {
        var all = new ArrayList<>(process.descendants().toList());
        all.addAll(database());
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
        for (var d : all) {
            d.onExit().get(60, TimeUnit.SECONDS);
        }
    }
}
