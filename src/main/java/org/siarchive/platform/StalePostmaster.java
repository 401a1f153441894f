package org.siarchive.platform;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * When the JVM that owned the embedded server was killed (SIGKILL, power loss of the JVM only), its
 * postmaster can outlive it and keep the cluster locked. Stop such a leftover before starting again;
 * PostgreSQL's own WAL recovery then brings the cluster back to its last committed state.
 */
final class StalePostmaster {

    private static final Logger log = LoggerFactory.getLogger(StalePostmaster.class);

    private StalePostmaster() {}

    static void stopIfRunning(Path clusterDir) {
        var pidFile = clusterDir.resolve("postmaster.pid");
        if (!Files.isRegularFile(pidFile)) {
            return;
        }
        try {
            var lines = Files.readAllLines(pidFile);
            if (lines.isEmpty()) {
                return;
            }
            long pid = Long.parseLong(lines.get(0).trim());
            ProcessHandle.of(pid)
                    .filter(ProcessHandle::isAlive)
                    .filter(p ->
                            p.info().command().map(c -> c.contains("postgres")).orElse(false))
                    .ifPresent(StalePostmaster::stop);
        } catch (IOException | NumberFormatException e) {
            log.warn("could not read {}: {}", pidFile, e.getMessage());
        }
    }

    private static void stop(ProcessHandle postmaster) {
        log.warn("stopping leftover PostgreSQL server (pid {}) from a previous run", postmaster.pid());
        postmaster.destroy();
        try {
            postmaster.onExit().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            postmaster.destroyForcibly();
        }
    }
}
