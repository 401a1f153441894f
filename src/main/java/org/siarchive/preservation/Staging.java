package org.siarchive.preservation;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The staging area: each capture gets a directory named by its item id; uploads stream into it while
 * their digests are computed. Staged files are kept until the item is preserved, so start-up
 * reconciliation can finish a capture that a crash interrupted.
 */
final class Staging {

    private static final int BUFFER = 64 * 1024;

    private final Path root;
    private final FormatIdentifier formats;

    Staging(Path root, FormatIdentifier formats) {
        this.root = root;
        this.formats = formats;
    }

    Path dir(String key) {
        if (!key.matches("[A-Za-z0-9\\-]{1,80}")) {
            throw new IllegalArgumentException("bad staging key");
        }
        return root.resolve(key);
    }

    StagedFile stage(String key, int seq, InputStream in, long maxBytes) {
        Path dir = dir(key);
        Path file = dir.resolve("%04d.part".formatted(seq));
        try {
            Files.createDirectories(dir);
            var digester = new Digester();
            try (OutputStream out = Files.newOutputStream(file)) {
                byte[] buf = new byte[BUFFER];
                int n;
                while ((n = in.read(buf)) >= 0) {
                    if (digester.size() + n > maxBytes) {
                        throw new UploadTooLargeException(maxBytes);
                    }
                    digester.update(buf, 0, n);
                    out.write(buf, 0, n);
                }
            }
            return new StagedFile(seq, file, digester.finish(), formats.identify(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Makes the staged files of one capture durable (files, then their directory). */
    void sync(String key) {
        Path dir = dir(key);
        if (Files.isDirectory(dir)) {
            Durable.forceTree(dir);
            Durable.force(root);
        }
    }

    /** The staged files of several captures, then the staging directory once: one directory sync per group. */
    void sync(List<String> keys) {
        boolean any = false;
        for (String key : keys) {
            Path dir = dir(key);
            if (Files.isDirectory(dir)) {
                Durable.forceTree(dir);
                any = true;
            }
        }
        if (any) {
            Durable.force(root);
        }
    }

    List<Path> files(String key) {
        Path dir = dir(key);
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> list = Files.list(dir)) {
            return list.filter(p -> p.getFileName().toString().endsWith(".part"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    List<String> keys() {
        try (Stream<Path> list = Files.list(root)) {
            return list.filter(Files::isDirectory)
                    .map(p -> p.getFileName().toString())
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void delete(String key) {
        Path dir = dir(key);
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
