package org.siarchive.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * What the crash tests share about a platform started in a child JVM: waiting for its health endpoint, and
 * the last lines it wrote for a failure message (CI keeps the test's output, not its files).
 */
public final class ChildJvm {

    /** How long a child may take to become healthy: a cold start takes about 15 s of CPU, minutes on a loaded 2-core machine. */
    public static final Duration START_TIMEOUT = Duration.ofSeconds(360);

    private ChildJvm() {}

    /**
     * The child's JVM options. A crash test checks what survives a kill, not how fast the child runs, and it starts
     * a child up to a dozen times: with the client compiler only, a start takes about 14 s instead of 18.5 s on
     * 2 cores (measured on the merged main of issue 20).
     */
    public static java.util.List<String> javaOptions() {
        return java.util.List.of("-Xmx512m", "-XX:TieredStopAtLevel=1");
    }

    /** Waits until {@code /actuator/health} answers 200; throws when the child exits or the time is up. */
    public static void awaitHealthy(Process process, int port, Duration timeout) throws InterruptedException {
        var http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("child exited with " + process.exitValue());
            }
            try {
                var r = http.send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health"))
                                .timeout(Duration.ofSeconds(2))
                                .build(),
                        HttpResponse.BodyHandlers.discarding());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("child not healthy within " + timeout);
    }

    /** The last {@code lines} lines of a child's log. */
    public static String tail(Path log, int lines) {
        try {
            var all = new String(Files.readAllBytes(log), StandardCharsets.UTF_8)
                    .lines()
                    .toList();
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException | UncheckedIOException e) {
            return "(" + log + " unreadable: " + e.getMessage() + ")";
        }
    }
}
