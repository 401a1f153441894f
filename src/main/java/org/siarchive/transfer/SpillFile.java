package org.siarchive.transfer;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Lines a package gathers per item (manifest entries, {@code digests.sm3}) written to a temporary file as they come
 * instead of held in memory, so that a package of 100,000 items needs no more heap than one of ten (docs/adr/0119);
 * copied into the package at the end and deleted on close.
 */
final class SpillFile implements AutoCloseable {

    private final Path file;
    private final OutputStream out;
    private long bytes;

    SpillFile(String prefix) throws IOException {
        this.file = Files.createTempFile(prefix, ".part");
        this.out = new BufferedOutputStream(Files.newOutputStream(file), 64 * 1024);
    }

    void write(byte[] data) throws IOException {
        out.write(data);
        bytes += data.length;
    }

    long size() {
        return bytes;
    }

    /** What was written so far, from the start; flushes first. */
    InputStream open() throws IOException {
        out.flush();
        return Files.newInputStream(file);
    }

    /** Copies what was written so far to {@code target}. */
    void copyTo(OutputStream target) throws IOException {
        try (var in = open()) {
            in.transferTo(target);
        }
    }

    @Override
    public void close() throws IOException {
        try {
            out.close();
        } finally {
            Files.deleteIfExists(file);
        }
    }
}
