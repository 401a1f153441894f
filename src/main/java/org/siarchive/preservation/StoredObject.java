package org.siarchive.preservation;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/**
 * What an OCFL object's inventory says is stored, for checking every byte of it: each content file of every
 * version (deduplicated, as the manifest holds it) with the digest the inventory records, and the files in
 * the object's directory (or below its key prefix in S3) that the inventory does not account for. Paths are
 * relative to the object root ({@code v1/content/metadata.json}); the stored file is only for reading, never
 * for showing.
 *
 * @param digestAlgorithm the inventory's algorithm by its Java name ({@code SHA-256} for objects written since issue 12, {@code SHA-512} before)
 */
public record StoredObject(String digestAlgorithm, List<Content> content, List<String> unexpected) {

    /** Opens a stored file's bytes, wherever the store keeps them (a file on disk, an object in S3). */
    @FunctionalInterface
    public interface Source {
        InputStream open() throws IOException;
    }

    /**
     * One content file.
     *
     * @param contentPath where the manifest puts it, relative to the object root
     * @param source opens the stored bytes (not verified: the caller hashes them)
     * @param headPaths the head version's logical paths that name it (empty for a superseded version's file)
     */
    public record Content(String contentPath, Source source, String digest, List<String> headPaths) {

        /** The name a person reads: the head's logical path, or the content path of an older version's file. */
        public String logicalName() {
            return headPaths.isEmpty() ? contentPath : headPaths.get(0);
        }

        /** The stored bytes as they are; a missing file throws {@link IOException}. */
        public InputStream open() throws IOException {
            return source.open();
        }
    }
}
