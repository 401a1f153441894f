package org.siarchive.preservation;

import java.nio.file.Path;
import java.util.List;

/**
 * What an OCFL object's inventory says is stored, for checking every byte of it: each content file of every
 * version (deduplicated, as the manifest holds it) with the digest the inventory records, and the files in
 * the object's directory that the inventory does not account for. Paths are relative to the object root
 * ({@code v1/content/metadata.json}); the file on disk is only for reading, never for showing.
 *
 * @param digestAlgorithm the inventory's algorithm by its Java name ({@code SHA-256} for objects written since issue 12, {@code SHA-512} before)
 */
public record StoredObject(String digestAlgorithm, List<Content> content, List<String> unexpected) {

    /**
     * One content file.
     *
     * @param contentPath where the manifest puts it, relative to the object root
     * @param headPaths the head version's logical paths that name it (empty for a superseded version's file)
     */
    public record Content(String contentPath, Path file, String digest, List<String> headPaths) {

        /** The name a person reads: the head's logical path, or the content path of an older version's file. */
        public String logicalName() {
            return headPaths.isEmpty() ? contentPath : headPaths.get(0);
        }
    }
}
