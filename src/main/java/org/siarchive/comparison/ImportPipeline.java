package org.siarchive.comparison;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jspecify.annotations.Nullable;

/**
 * Reads, validates and encodes a reference file on several threads and hands the binary COPY data to one writer in
 * the file's order: a reader thread cuts the records into batches, a pool (one thread per core) validates,
 * tokenises and seals them, and the caller's thread writes each batch as it comes due. The queue between
 * them is bounded, so memory stays flat whatever the file's size.
 */
final class ImportPipeline {

    /** Records of a file, one at a time, null at the end. */
    interface Source {
        @Nullable
        List<String> next() throws IOException;

        /** The source row (line or sheet row) of the record last returned. */
        long rowNo();
    }

    /** Receives the encoded batches in order. */
    interface Sink {
        void write(byte[] copyData, int loaded, List<ImportError> errors, int rejected) throws IOException;
    }

    static final int BATCH = 2_000;
    private static final int IN_FLIGHT = 8;

    private record Encoded(byte[] text, int loaded, List<ImportError> errors, int rejected) {}

    private static final Future<Encoded> END =
            CompletableFuture.completedFuture(new Encoded(new byte[0], 0, List.of(), 0));

    private final int threads;

    ImportPipeline(int threads) {
        this.threads = Math.max(1, threads);
    }

    /** Runs the whole file through {@code validator} into {@code sink}; any failure stops it and is rethrown. */
    void run(Source source, ReferenceValidator validator, Sink sink) throws IOException {
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> daemon(r, "reference-validate"));
        BlockingQueue<Future<Encoded>> due = new ArrayBlockingQueue<>(IN_FLIGHT);
        var reader = new Thread(() -> read(source, validator, pool, due), "reference-read");
        reader.setDaemon(true);
        reader.start();
        try {
            for (Future<Encoded> f = take(due); f != END; f = take(due)) {
                Encoded e = get(f);
                sink.write(e.text(), e.loaded(), e.errors(), e.rejected());
            }
        } finally {
            reader.interrupt();
            pool.shutdownNow();
        }
    }

    private static void read(
            Source source, ReferenceValidator validator, ExecutorService pool, BlockingQueue<Future<Encoded>> due) {
        try {
            var rows = new ArrayList<List<String>>(BATCH);
            var rowNos = new long[BATCH];
            for (List<String> r = source.next(); r != null; r = source.next()) {
                rowNos[rows.size()] = source.rowNo();
                rows.add(r);
                if (rows.size() == BATCH) {
                    due.put(submit(pool, validator, rows, rowNos));
                    rows = new ArrayList<>(BATCH);
                    rowNos = new long[BATCH];
                }
            }
            if (!rows.isEmpty()) {
                due.put(submit(pool, validator, rows, rowNos));
            }
            due.put(END);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException | RuntimeException e) {
            try {
                due.put(CompletableFuture.failedFuture(e));
            } catch (InterruptedException stopped) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static Future<Encoded> submit(
            ExecutorService pool, ReferenceValidator validator, List<List<String>> rows, long[] rowNos) {
        return pool.submit(() -> {
            var out = new CopyBinary(rows.size() * 200);
            var errors = new ArrayList<ImportError>();
            int loaded = 0;
            for (int i = 0; i < rows.size(); i++) {
                if (validator.accept(rowNos[i], rows.get(i), out, errors)) {
                    loaded++;
                }
            }
            return new Encoded(out.toByteArray(), loaded, errors, rows.size() - loaded);
        });
    }

    private static Future<Encoded> take(BlockingQueue<Future<Encoded>> due) throws IOException {
        try {
            return due.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("import interrupted");
        }
    }

    private static Encoded get(Future<Encoded> f) throws IOException {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("import interrupted");
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof IOException io) {
                throw io;
            }
            if (c instanceof RuntimeException r) {
                throw r;
            }
            throw new UncheckedIOException(new IOException(c));
        }
    }

    private static Thread daemon(Runnable r, String name) {
        var t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }
}
