package org.siarchive.preservation;

import org.jspecify.annotations.Nullable;

/**
 * A file to put into an object version: the source file and where it goes inside the object. A staged upload
 * carries the SHA-256 its one-pass staging computed ({@code sha256}): the store then links it into the version
 * instead of copying and hashing it again (docs/adr/0121); without it the file is copied and hashed by the store.
 */
public record StoredFile(String logicalPath, java.nio.file.Path source, @Nullable String sha256) {

    public StoredFile(String logicalPath, java.nio.file.Path source) {
        this(logicalPath, source, null);
    }
}
