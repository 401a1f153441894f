package org.siarchive.federation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.siarchive.SiArchiveApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A second SIArchive in this JVM playing the province: its own data directory (database, store, keys), a random
 * port, and the county's transfer key among its trusted signers — as an operator sets it in
 * {@code siarchive.transfer.trusted-keys}.
 */
final class Province implements AutoCloseable {

    final ConfigurableApplicationContext context;
    final Path dataDir;
    final int port;

    private Province(ConfigurableApplicationContext context, Path dataDir) {
        this.context = context;
        this.dataDir = dataDir;
        this.port = ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    static Province start(String trustedCountyKey) {
        Path dir;
        try {
            dir = Files.createTempDirectory("siarchive-province-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        var context = new SpringApplicationBuilder(SiArchiveApplication.class)
                .run(java.util.stream.Stream.of(
                                "--siarchive.data-dir=" + dir,
                                "--server.port=0",
                                "--server.address=127.0.0.1",
                                "--siarchive.fixity.schedule-check=P1D",
                                "--siarchive.security.initial-token-file=" + dir.resolve("initial-token"),
                                "--siarchive.security.argon2.memory-kib=4096",
                                "--siarchive.rate-limits.unlimited-addresses=127.0.0.1",
                                "--siarchive.rate-limits.token-per-minute=0",
                                "--siarchive.audit.checkpoint-interval=PT24H",
                                "--siarchive.organisation.root-code=SC",
                                "--siarchive.organisation.root-name=省社会保险事业管理局",
                                "--siarchive.transfer.trusted-keys=" + trustedCountyKey,
                                "--spring.jmx.enabled=false",
                                "--logging.level.root=WARN")
                        .toArray(String[]::new));
        return new Province(context, dir);
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
