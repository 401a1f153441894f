package org.siarchive.preservation;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.IntConsumer;
import java.util.stream.Stream;

/**
 * An OCFL storage root directory on local disk. Every write is fsynced with its directory entries
 * ({@link Durable}), so what a method returned from survives a crash.
 */
final class DiskRoot implements StorageRoot {

    private final Path root;

    DiskRoot(Path root) {
        this.root = root;
    }

    Path dir() {
        return root;
    }

    @Override
    public String description() {
        return "file:" + root;
    }

    @Override
    public List<String> list(String objectRoot) {
        Path dir = root.resolve(objectRoot);
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile)
                    .map(p -> dir.relativize(p).toString().replace('\\', '/'))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public boolean holdsAnything(String objectRoot) {
        return Files.exists(root.resolve(objectRoot), LinkOption.NOFOLLOW_LINKS);
    }

    @Override
    public Optional<byte[]> read(String path) throws IOException {
        try {
            return Optional.of(Files.readAllBytes(root.resolve(path)));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
    }

    @Override
    public InputStream open(String path) throws IOException {
        return Files.newInputStream(root.resolve(path));
    }

    @Override
    public void write(String path, byte[] bytes) throws IOException {
        Path target = root.resolve(path);
        Path part = target.resolveSibling(target.getFileName() + ".part");
        Files.write(part, bytes);
        moveInto(part, target);
    }

    @Override
    public void replace(String path, Path verified) throws IOException {
        Path target = root.resolve(path);
        Files.createDirectories(target.getParent());
        Path part = target.resolveSibling(target.getFileName() + ".repair");
        try {
            Files.copy(verified, part, StandardCopyOption.REPLACE_EXISTING);
            moveInto(part, target);
        } finally {
            Files.deleteIfExists(part);
        }
    }

    /** fsync the new file, move it over the old one atomically, fsync the directory entry. */
    private static void moveInto(Path part, Path target) throws IOException {
        Durable.force(part);
        Files.move(part, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        Durable.force(target.getParent());
    }

    @Override
    public void deleteObject(String objectRoot) {
        Path dir = root.resolve(objectRoot);
        deleteTree(dir);
        Path parent = dir.getParent();
        while (parent != null && parent.startsWith(root) && !parent.equals(root) && isEmptyDir(parent)) {
            try {
                Files.deleteIfExists(parent);
            } catch (IOException e) {
                break;
            }
            parent = parent.getParent();
        }
        if (parent != null && Files.isDirectory(parent)) {
            Durable.force(parent);
        }
    }

    private static boolean isEmptyDir(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.findAny().isEmpty();
        } catch (IOException e) {
            return false;
        }
    }

    static void deleteTree(Path dir) {
        if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The new version's files and directories, the object root's inventory files, and every directory entry
     * created by the write: the directories from the object root up to the deepest one that already existed
     * before it (whose new entry is synced by syncing it). Directories that existed before are not synced again.
     */
    @Override
    public IntConsumer beforeWrite(String objectRoot) {
        Path dir = root.resolve(objectRoot);
        Path existed = dir;
        while (existed != null && !Files.exists(existed)) {
            existed = existed.getParent();
        }
        Path existedBefore = existed == null ? root : existed;
        return version -> makeDurable(dir, version, existedBefore);
    }

    private void makeDurable(Path objectRoot, int version, Path existedBefore) {
        Durable.forceTree(objectRoot.resolve("v" + version));
        try (Stream<Path> top = Files.list(objectRoot)) {
            top.filter(Files::isRegularFile).forEach(Durable::force);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (Path d = objectRoot; d != null && d.startsWith(root); d = d.getParent()) {
            Durable.force(d);
            if (d.equals(existedBefore)) {
                break;
            }
        }
    }

    @Override
    public Path localPath(String path) {
        return root.resolve(path);
    }

    @Override
    public String shown(String message) {
        // ocfl-java names files by their absolute path: people see them relative to the storage root
        return message.replace(root.toAbsolutePath() + java.io.File.separator, "");
    }
}
