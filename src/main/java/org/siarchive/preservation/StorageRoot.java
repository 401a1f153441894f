package org.siarchive.preservation;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.IntConsumer;
import org.jspecify.annotations.Nullable;

/**
 * The direct file operations on an OCFL storage root that ocfl-java does not do for the store: reading an
 * inventory and its sidecar, listing and deleting what lies under an object root, replacing one stored file.
 * Paths are relative to the storage root with {@code /} separators ({@code 3f2/…/v1/content/0001.pdf}); on disk
 * they name files below the root directory ({@link DiskRoot}), in S3 keys below the repository prefix
 * ({@link S3Root}).
 */
interface StorageRoot {

    /** Where the root is, for operators ({@code file:/…} or {@code s3:endpoint/bucket/prefix}). */
    String description();

    /** Every file below the object root, relative to it, sorted; empty when nothing is there. */
    List<String> list(String objectRoot);

    /** Whether anything at all is stored below the object root. */
    boolean holdsAnything(String objectRoot);

    /** The file's bytes; empty when it does not exist. */
    Optional<byte[]> read(String path) throws IOException;

    InputStream open(String path) throws IOException;

    /** Puts {@code bytes} at {@code path}, replacing what was there, durably. */
    void write(String path, byte[] bytes) throws IOException;

    /** Replaces the file at {@code path} with {@code verified} (a local file already checked), durably. */
    void replace(String path, Path verified) throws IOException;

    /** Deletes everything below the object root (and, on disk, the directories it leaves empty), durably. */
    void deleteObject(String objectRoot);

    /**
     * Called before ocfl-java writes a version of the object; the returned action gets the committed version's
     * number and makes it durable (on disk the fsyncs; in S3 nothing: a completed PUT is durable).
     */
    IntConsumer beforeWrite(String objectRoot);

    /** Whether the root is a directory on this node's disk (its writes fsynced, its files usable as they are). */
    default boolean local() {
        return localPath("") != null;
    }

    /** The file on local disk, or null where the root is not a directory (S3). */
    @Nullable
    Path localPath(String path);

    /** A validation message as people read it: without the root's own location. */
    String shown(String message);
}
