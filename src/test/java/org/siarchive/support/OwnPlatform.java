package org.siarchive.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * For a test class that needs a platform of its own rather than the suite's shared one (it rewrites tables the
 * others read): a data directory of its own, hence its own embedded PostgreSQL, and the suite's quiet settings.
 * Such a class is a {@code @SpringBootTest} with {@code @DirtiesContext(AFTER_CLASS)} so its database stops
 * with it.
 */
public final class OwnPlatform {

    private OwnPlatform() {}

    public static Path dir(String name) {
        try {
            return Files.createTempDirectory("siarchive-" + name + "-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void settings(DynamicPropertyRegistry registry, Path dir) {
        registry.add("siarchive.data-dir", dir::toString);
        registry.add("server.address", () -> "127.0.0.1");
        registry.add("siarchive.fixity.schedule-check", () -> "P1D");
        registry.add("siarchive.security.argon2.memory-kib", () -> "4096");
        registry.add("siarchive.audit.checkpoint-interval", () -> "PT24H");
        registry.add("siarchive.security.initial-token-file", () -> dir.resolve("initial-token")
                .toString());
    }
}
