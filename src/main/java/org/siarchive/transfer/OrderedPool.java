package org.siarchive.transfer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Work done on a few threads, its results handed to one consumer in the order it was submitted (docs/adr/0125): a
 * package's items are built and signed in parallel and written into the zip in order by the caller's thread. At most
 * {@code window} results are in flight, so the heap holds a window of items however many the package has.
 */
final class OrderedPool<T> implements AutoCloseable {

    /** Where results go, in submission order, on the submitting thread. */
    interface Sink<T> {
        void accept(T result) throws IOException;
    }

    private final ExecutorService pool;
    private final ArrayDeque<Future<T>> inFlight = new ArrayDeque<>();
    private final int window;
    private final Sink<T> sink;

    OrderedPool(String name, int threads, Sink<T> sink) {
        var n = new AtomicInteger();
        this.pool = Executors.newFixedThreadPool(threads, r -> {
            var t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        this.window = 2 * threads;
        this.sink = sink;
    }

    /** Submits one task; when the window is full, first hands the oldest result to the sink (waiting for it). */
    void submit(Callable<T> task) throws IOException {
        while (inFlight.size() >= window) {
            sink.accept(next());
        }
        inFlight.add(pool.submit(task));
    }

    /** Hands every result still in flight to the sink, in order. */
    void drain() throws IOException {
        while (!inFlight.isEmpty()) {
            sink.accept(next());
        }
    }

    private T next() throws IOException {
        try {
            return inFlight.poll().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a package item", e);
        } catch (ExecutionException e) {
            throw rethrown(e.getCause());
        }
    }

    /** The task's own exception, unchanged, so that callers see what they would have seen on one thread. */
    private static IOException rethrown(Throwable cause) {
        if (cause instanceof IOException io) {
            return io;
        }
        if (cause instanceof UncheckedIOException io) {
            throw io;
        }
        if (cause instanceof RuntimeException r) {
            throw r;
        }
        if (cause instanceof Error err) {
            throw err;
        }
        return new IOException(cause);
    }

    /** Stops the threads; tasks not yet handed on are cancelled (a failed or finished export). */
    @Override
    public void close() {
        inFlight.forEach(f -> f.cancel(true));
        pool.shutdownNow();
    }
}
