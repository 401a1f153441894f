package org.siarchive.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.siarchive.SiArchiveApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Another SIArchive in this JVM — another agency, a province — with a data directory of its own (so its own
 * embedded PostgreSQL, OCFL store, keys and index) on a random port of 127.0.0.1, started with the suite's
 * quiet test settings plus the caller's. Closing it stops it and removes its directory.
 */
public final class SecondInstallation implements AutoCloseable {

    public final ConfigurableApplicationContext context;
    public final Path dataDir;
    public final int port;

    private SecondInstallation(ConfigurableApplicationContext context, Path dataDir) {
        this.context = context;
        this.dataDir = dataDir;
        this.port = ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    /** Starts one; {@code settings} are further {@code --name=value} arguments, which win over application.yml. */
    public static SecondInstallation start(String name, String... settings) {
        Path dir = OwnPlatform.dir(name);
        var args = new ArrayList<String>();
        OwnPlatform.settings(dir).forEach((key, value) -> args.add("--" + key + "=" + value));
        args.addAll(List.of("--server.port=0", "--spring.jmx.enabled=false", "--logging.level.root=WARN"));
        args.addAll(List.of(settings));
        var context = new SpringApplicationBuilder(SiArchiveApplication.class).run(args.toArray(String[]::new));
        return new SecondInstallation(context, dir);
    }

    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    @Override
    public void close() {
        context.close();
        try (var paths = Files.walk(dataDir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // left for the system's temporary-file cleaning
        }
    }
}
