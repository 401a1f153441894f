package org.siarchive.platform;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Starts the embedded PostgreSQL server on a cluster directory, with durability on (platform and restore). */
public final class EmbeddedDatabases {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabases.class);

    private EmbeddedDatabases() {}

    public static EmbeddedPostgres start(Path dir, int port) {
        StalePostmaster.stopIfRunning(dir);
        try {
            var builder = EmbeddedPostgres.builder()
                    .setDataDirectory(dir)
                    .setCleanDataDirectory(false)
                    // stopped by the application context after every bean that uses it, not by a JVM hook
                    // racing the context's own shutdown
                    .setRegisterShutdownHook(false)
                    .setPGStartupWait(Duration.ofSeconds(60))
                    // the embedded server's test-friendly defaults turn durability off; an archive needs it on
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("full_page_writes", "on")
                    .setServerConfig("max_connections", "60")
                    .setServerConfig("listen_addresses", "127.0.0.1")
                    .setLocaleConfig("encoding", "UTF8")
                    .setLocaleConfig("locale", "C.UTF-8");
            // a port of our own choosing, outside the ephemeral range: the library's probe of port 0 races
            // every outgoing connection on the machine (LocalPorts)
            builder.setPort(port > 0 ? port : LocalPorts.free());
            var pg = builder.start();
            log.info("embedded PostgreSQL running on 127.0.0.1:{} with data in {}", pg.getPort(), dir);
            return pg;
        } catch (IOException e) {
            throw new UncheckedIOException("embedded PostgreSQL did not start in " + dir, e);
        }
    }
}
