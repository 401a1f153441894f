package org.siarchive.continuation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.siarchive.SiArchiveApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A second SIArchive in this JVM — agency B, another region: its own data directory (so its own embedded
 * PostgreSQL, OCFL store, keys and index), its own region and agency name, a random port.
 */
final class AgencyB implements AutoCloseable {

    static final String REGION = "320500";
    static final String AGENCY = "苏州市社会保险基金管理中心";

    final ConfigurableApplicationContext context;
    final Path dataDir;
    final int port;

    private AgencyB(ConfigurableApplicationContext context, Path dataDir) {
        this.context = context;
        this.dataDir = dataDir;
        this.port = ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    /** B's 全宗号, unlike A's default 0001. */
    static final String FONDS = "3205";

    static AgencyB start() {
        Path dir;
        try {
            dir = Files.createTempDirectory("siarchive-agency-b-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // command-line arguments: they win over application.yml (builder properties would not)
        var context = new SpringApplicationBuilder(SiArchiveApplication.class)
                .run(java.util.stream.Stream.of(
                                "--siarchive.data-dir=" + dir,
                                "--server.port=0",
                                "--server.address=127.0.0.1",
                                "--siarchive.fixity.schedule-check=P1D",
                                "--siarchive.capture.max-file-size=5MB",
                                "--siarchive.security.initial-token-file=" + dir.resolve("initial-token"),
                                "--siarchive.security.argon2.memory-kib=4096",
                                "--siarchive.rate-limits.unlimited-addresses=127.0.0.1",
                                "--siarchive.rate-limits.token-per-minute=0",
                                "--siarchive.audit.checkpoint-interval=PT24H",
                                "--siarchive.organisation.root-code=SZ",
                                "--siarchive.organisation.root-name=" + AGENCY,
                                "--siarchive.fonds.agency=" + AGENCY,
                                // another agency has a fonds of its own: its 档号 never collide with A's
                                "--siarchive.fonds.code=" + FONDS,
                                "--siarchive.continuation.region-code=" + REGION,
                                "--siarchive.continuation.agency=" + AGENCY,
                                "--spring.jmx.enabled=false",
                                "--logging.level.root=WARN")
                        .toArray(String[]::new));
        return new AgencyB(context, dir);
    }

    <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    @Override
    public void close() {
        context.close();
        try (var paths = Files.walk(dataDir)) {
            paths.sorted(java.util.Comparator.reverseOrder())
                    .forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // left for the system's temporary-file cleaning
        }
    }
}
