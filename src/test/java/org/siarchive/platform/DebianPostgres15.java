package org.siarchive.platform;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A throw-away cluster of Debian's PostgreSQL 15 (the version on the target servers), started with its
 * own binaries on a free port. As root the server runs as the {@code postgres} user (PostgreSQL refuses root).
 */
final class DebianPostgres15 implements AutoCloseable {

    static final Path BIN = Path.of("/usr/lib/postgresql/15/bin");

    private final Path dir;
    private final int port;

    private DebianPostgres15(Path dir, int port) {
        this.dir = dir;
        this.port = port;
    }

    static boolean installed() {
        return Files.isExecutable(BIN.resolve("postgres"));
    }

    static DebianPostgres15 start() throws Exception {
        Path dir = Files.createTempDirectory("siarchive-pg15-");
        int port = org.siarchive.platform.LocalPorts.free();
        var pg = new DebianPostgres15(dir, port);
        if (isRoot()) {
            run(List.of("chown", "postgres:postgres", dir.toString()));
        }
        pg.asServerUser(BIN.resolve("initdb") + " -D " + dir.resolve("data")
                + " -U postgres -E UTF8 --locale=C.UTF-8 -A trust");
        pg.asServerUser(BIN.resolve("pg_ctl") + " -D " + dir.resolve("data") + " -l " + dir.resolve("log") + " -w -t 60"
                + " -o \"-p " + port + " -k " + dir + " -c listen_addresses=127.0.0.1\" start");
        return pg;
    }

    /** A streaming replica of this server (pg_basebackup -R), started on a port of its own. */
    DebianPostgres15 startReplica() throws Exception {
        Path replicaDir = Files.createTempDirectory("siarchive-pg15-replica-");
        int replicaPort = org.siarchive.platform.LocalPorts.free();
        var replica = new DebianPostgres15(replicaDir, replicaPort);
        if (isRoot()) {
            run(List.of("chown", "postgres:postgres", replicaDir.toString()));
        }
        asServerUser(BIN.resolve("pg_basebackup") + " -h 127.0.0.1 -p " + port + " -U postgres -D "
                + replicaDir.resolve("data") + " -R -X stream");
        replica.asServerUser(BIN.resolve("pg_ctl") + " -D " + replicaDir.resolve("data") + " -l "
                + replicaDir.resolve("log") + " -w -t 60" + " -o \"-p " + replicaPort + " -k " + replicaDir
                + " -c listen_addresses=127.0.0.1\" start");
        return replica;
    }

    String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
    }

    @Override
    public void close() throws Exception {
        asServerUser(BIN.resolve("pg_ctl") + " -D " + dir.resolve("data") + " -m fast -w stop");
    }

    private void asServerUser(String command) throws Exception {
        var cmd = new ArrayList<String>();
        if (isRoot()) {
            cmd.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        cmd.addAll(List.of("sh", "-c", command));
        run(cmd);
    }

    private static void run(List<String> cmd) throws IOException, InterruptedException {
        var p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(90, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException("failed: " + cmd + "\n" + out);
        }
    }

    private static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }
}
