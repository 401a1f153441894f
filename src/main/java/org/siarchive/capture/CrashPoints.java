package org.siarchive.capture;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Fault injection for the crash test only: when {@code siarchive.test.crash-at} names a point of the
 * capture path, the thread that reaches it writes a marker file and stops there, so that the test can
 * kill the JVM with SIGKILL at exactly that point. Inert unless the property is set.
 */
@Component
class CrashPoints {

    private static final Logger log = LoggerFactory.getLogger(CrashPoints.class);
    static final Set<String> POINTS = Set.of("after-staging", "after-receive", "after-store", "after-preserved");

    private final String armed;
    private final Path marker;

    CrashPoints(
            @Value("${siarchive.test.crash-at:}") String armed, @Value("${siarchive.data-dir:./data}") String dataDir) {
        this.armed = armed;
        this.marker = Path.of(dataDir).resolve("crash-point-reached");
    }

    void reach(String point) {
        if (armed.isEmpty() || !armed.equals(point)) {
            return;
        }
        log.warn("crash point {} reached; waiting to be killed", point);
        try {
            Files.writeString(marker, point);
            Thread.sleep(Long.MAX_VALUE);
        } catch (IOException | InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
