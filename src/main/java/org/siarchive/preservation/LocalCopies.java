package org.siarchive.preservation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The head version's files of an object as local files, for the tools that need a path (the virus scanner, the
 * OFD copy maker). On disk they are the store's own files, no copy; in S3 temporary copies below the data
 * directory, deleted on {@link #close()} (and, after a crash, at the next start). Read them, never change them.
 */
public final class LocalCopies implements AutoCloseable {

    private final Map<String, Path> files;
    private final @Nullable Path temporary;

    LocalCopies(Map<String, Path> files, @Nullable Path temporary) {
        this.files = Map.copyOf(files);
        this.temporary = temporary;
    }

    /** Logical path → local file, for every file of the head version (in S3: those asked for). */
    public Map<String, Path> files() {
        return files;
    }

    /** Whether these are temporary copies (an S3 store) rather than the store's own files. */
    public boolean copied() {
        return temporary != null;
    }

    @Override
    public void close() {
        if (temporary != null) {
            try {
                DiskRoot.deleteTree(temporary);
            } catch (UncheckedIOException e) {
                // removed with the rest of the copies directory at the next start
            }
        }
    }

    static void clear(Path dir) {
        DiskRoot.deleteTree(dir);
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
