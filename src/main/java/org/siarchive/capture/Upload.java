package org.siarchive.capture;

import java.io.IOException;
import java.io.InputStream;

/** One uploaded file: the sender's name (metadata only, never a path) and its bytes. */
public record Upload(String originalName, Opener opener) {

    /** Opens the upload's bytes; may be called more than once. */
    @FunctionalInterface
    public interface Opener {
        InputStream open() throws IOException;
    }

    public static Upload ofBytes(String name, byte[] bytes) {
        return new Upload(name, () -> new java.io.ByteArrayInputStream(bytes));
    }
}
