package org.siarchive.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The one directory that holds everything SIArchive keeps on local disk: {@code pg/} (embedded
 * PostgreSQL), {@code ocfl/} (the preservation store), {@code staging/} and later {@code index/}.
 */
public record DataDirectory(Path root) {

    public DataDirectory {
        root = root.toAbsolutePath().normalize();
    }

    public Path resolve(String child) {
        Path dir = root.resolve(child);
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + dir, e);
        }
        return dir;
    }
}
