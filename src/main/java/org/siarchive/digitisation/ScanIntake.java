package org.siarchive.digitisation;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;
import org.siarchive.platform.DataDirectory;
import org.siarchive.preservation.FileSettings;
import org.siarchive.preservation.FormatIdentifier;
import org.siarchive.shared.Access;
import org.siarchive.shared.ConflictException;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Intake of a batch's pages, upload by upload (docs/adr/0061). Each upload is staged in its own
 * directory, checked, moved into the batch directory under the next page numbers, synced (files and
 * directory) and only then registered, so a crash leaves at worst files without rows — which the next
 * upload of the batch, or the next start, removes ({@link #clean}). Uploads and the submission of one
 * batch take turns; the registration checks the page count it started from, so two uploads can never
 * claim the same numbers.
 */
@Component
class ScanIntake {

    /** Caps of a batch, across all its uploads. */
    record Caps(int maxPages, long maxBytes) {}

    /** An accepted upload: the pages it added, or had added when it is a retry of the same key. */
    record Appended(int firstSeq, int pages, boolean replayed) {}

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final BatchRegistration registration;
    private final FileSettings fileSettings;
    private final FormatIdentifier formats;
    private final ConcurrentHashMap<UUID, ReentrantLock> locks = new ConcurrentHashMap<>();
    private final Path root;
    private volatile Caps caps = new Caps(ScanBatches.MAX_PAGES, ScanBatches.MAX_BYTES);

    ScanIntake(
            JdbcClient jdbc,
            TransactionTemplate tx,
            BatchRegistration registration,
            FileSettings fileSettings,
            FormatIdentifier formats,
            DataDirectory data,
            @org.springframework.beans.factory.annotation.Value("${siarchive.digitisation.dir:}") String dir) {
        this.root = workspace(data, dir);
        this.jdbc = jdbc;
        this.tx = tx;
        this.registration = registration;
        this.fileSettings = fileSettings;
        this.formats = formats;
    }

    /** A batch's directory: its pages as {@code p00001.<ext>} onwards. */
    Path dir(UUID batch) {
        return root.resolve(batch.toString());
    }

    /** For tests of the caps, which would otherwise need gigabytes: the caps from now on. */
    void caps(Caps caps) {
        this.caps = caps;
    }

    Caps caps() {
        return caps;
    }

    /** The pages of one request, read by {@code reader} into a staging directory of the batch. */
    interface Reader {
        ZipPages.Read read(ZipPages.At at) throws IOException;
    }

    /**
     * Appends an upload to an open batch under the batch's turn; a key already used on this batch answers
     * the pages of its first upload and reads nothing.
     */
    Appended append(UUID batch, @Nullable String idempotencyKey, Reader reader, Access access) {
        Path dir = dir(batch);
        var lock = locks.computeIfAbsent(batch, b -> new ReentrantLock());
        lock.lock();
        try {
            if (idempotencyKey != null) {
                var earlier = jdbc.sql(
                                "select first_seq, pages from scan_upload where batch_id = :b and idempotency_key = :k")
                        .param("b", batch)
                        .param("k", idempotencyKey)
                        .query((rs, n) -> new Appended(rs.getInt(1), rs.getInt(2), true))
                        .optional();
                if (earlier.isPresent()) {
                    return earlier.get();
                }
            }
            record Open(String status, int pagesTotal, long bytesTotal) {}
            var open = jdbc.sql("select status, pages_total, bytes_total from scan_batch where id = :b")
                    .param("b", batch)
                    .query(Open.class)
                    .single();
            if (!open.status().equals("OPEN")) {
                throw new ConflictException("conflict.batchNotOpen", batch.toString());
            }
            clean(batch);
            var read = stage(dir, open.pagesTotal(), open.bytesTotal(), reader);
            try {
                tx.executeWithoutResult(
                        s -> registration.append(batch, open.pagesTotal(), read, idempotencyKey, access));
            } catch (RuntimeException e) {
                clean(batch);
                throw e;
            }
            return new Appended(open.pagesTotal() + 1, read.pages().size(), false);
        } finally {
            lock.unlock();
        }
    }

    /** Submits an open batch, in the batch's turn (no upload runs meanwhile). */
    int submit(UUID batch, Access access) {
        var lock = locks.computeIfAbsent(batch, b -> new ReentrantLock());
        lock.lock();
        try {
            Integer items = tx.execute(s -> registration.submit(batch, access));
            return items == null ? 0 : items;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Stores an upload's pages after {@code pagesBefore}: staged, checked, moved into {@code dir}, synced.
     * When anything is refused, every file of the upload is gone again.
     */
    ZipPages.Read stage(Path dir, int pagesBefore, long bytesBefore, Reader reader) {
        Path staging = dir.resolve(".incoming-" + UUID.randomUUID());
        try {
            Files.createDirectories(staging);
            var c = caps;
            var read = reader.read(new ZipPages.At(staging, dir, pagesBefore, bytesBefore, c.maxPages(), c.maxBytes()));
            PageFiles.syncDirectory(dir);
            return read;
        } catch (IOException e) {
            removeNewPages(dir, pagesBefore);
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            removeNewPages(dir, pagesBefore);
            throw e;
        } finally {
            PageFiles.deleteQuietly(staging);
        }
    }

    /**
     * Where scan batches' pages are kept while they are processed and checked: {@code <data-dir>/digitisation}, or
     * {@code siarchive.digitisation.dir} — in a cluster a volume every node mounts (docs/adr/0138).
     */
    static Path workspace(DataDirectory data, String dir) {
        if (dir.isBlank()) {
            return data.resolve("digitisation");
        }
        try {
            return Files.createDirectories(Path.of(dir).toAbsolutePath().normalize());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + dir, e);
        }
    }

    /** One upload's own input: a zip (the console's, an inbox folder's) or a request's files. */
    Reader zip(InputStream zip, String name) {
        return at -> ZipPages.read(zip, at, name, fileSettings, formats);
    }

    Reader parts(List<ZipPages.Part> parts, String name) {
        return at -> ZipPages.readParts(parts, at, name, fileSettings, formats);
    }

    /** Files of an open batch that no row names (a crash between storing and registering), and staging. */
    void clean(UUID batch) {
        Path dir = dir(batch);
        if (!Files.isDirectory(dir)) {
            return;
        }
        Set<String> registered = Set.copyOf(jdbc.sql("select path from scan_page where batch_id = :b")
                .param("b", batch)
                .query(String.class)
                .list());
        try (var files = Files.list(dir)) {
            for (Path f : files.toList()) {
                if (!registered.contains(f.getFileName().toString())) {
                    PageFiles.deleteQuietly(f);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        PageFiles.syncDirectory(dir);
    }

    /**
     * At start: the leftovers of uploads a crash cut short — unregistered files of open batches, and
     * directories of one-shot uploads that never registered their batch (older than an hour, so never
     * one still being read).
     */
    @EventListener(ApplicationReadyEvent.class)
    void cleanAtStart() {
        jdbc.sql("select id from scan_batch where status = 'OPEN'")
                .query(UUID.class)
                .list()
                .forEach(this::clean);
        if (!Files.isDirectory(root)) {
            return;
        }
        var known = Set.copyOf(
                jdbc.sql("select id::text from scan_batch").query(String.class).list());
        var hourAgo = java.time.Instant.now().minus(java.time.Duration.ofHours(1));
        try (var dirs = Files.list(root)) {
            for (Path d : dirs.toList()) {
                if (!known.contains(d.getFileName().toString())
                        && Files.getLastModifiedTime(d).toInstant().isBefore(hourAgo)) {
                    PageFiles.deleteQuietly(d);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void removeNewPages(Path dir, int pagesBefore) {
        try (var files = Files.list(dir)) {
            for (Path f : files.toList()) {
                String n = f.getFileName().toString();
                if (n.matches("p\\d{5,}\\.[a-z]+") && Integer.parseInt(n.substring(1, n.indexOf('.'))) > pagesBefore) {
                    Files.deleteIfExists(f);
                }
            }
        } catch (IOException e) {
            // the next upload's clean-up removes what is left
        }
    }
}
