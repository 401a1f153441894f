package org.siarchive.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** A long benchmark's progress line: printed, and appended to target/bench/{file} at once, so a stopped run is evidence. */
final class ProgressLog {

    private ProgressLog() {}

    static void line(String file, String format, Object... args) {
        String s = Instant.now().truncatedTo(ChronoUnit.SECONDS) + " " + String.format(format, args);
        System.out.println(s);
        try {
            Files.createDirectories(Path.of("target", "bench"));
            Files.writeString(
                    Path.of("target", "bench", file), s + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
