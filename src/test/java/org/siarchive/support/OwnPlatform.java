package org.siarchive.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
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

    /**
     * The suite's quiet settings for a platform whose data lives in {@code dir}: loopback only, sweeps and
     * checkpoints when a test asks, light Argon2id, no rate limits for 127.0.0.1.
     */
    public static Map<String, String> settings(Path dir) {
        var settings = new LinkedHashMap<String, String>();
        settings.put("siarchive.data-dir", dir.toString());
        settings.put("server.address", "127.0.0.1");
        settings.put("siarchive.fixity.schedule-check", "P1D");
        settings.put(
                "siarchive.security.initial-token-file",
                dir.resolve("initial-token").toString());
        settings.put("siarchive.security.argon2.memory-kib", "4096");
        settings.put("siarchive.rate-limits.unlimited-addresses", "127.0.0.1");
        settings.put("siarchive.rate-limits.token-per-minute", "0");
        settings.put("siarchive.audit.checkpoint-interval", "PT24H");
        return settings;
    }

    public static void settings(DynamicPropertyRegistry registry, Path dir) {
        settings(dir).forEach((name, value) -> registry.add(name, () -> value));
    }
}
