package org.siarchive.preservation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.stream.Stream;

/** fsync for files and directories: a write is not durable until both the file and its directory entry are. */
final class Durable {

    private Durable() {}

    static void force(Path path) {
        try (var ch = FileChannel.open(path, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException e) {
            throw new UncheckedIOException("fsync failed for " + path, e);
        }
    }

    /** Every file and directory below {@code dir}, then {@code dir} itself. */
    static void forceTree(Path dir) {
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(Durable::force);
        } catch (IOException e) {
            throw new UncheckedIOException("fsync walk failed for " + dir, e);
        }
    }
}
