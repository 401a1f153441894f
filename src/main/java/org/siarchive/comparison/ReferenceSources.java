package org.siarchive.comparison;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import org.jspecify.annotations.Nullable;
import org.siarchive.shared.InvalidInputException;
import org.siarchive.shared.Violation;
import org.siarchive.shared.xml.SheetStream;

/**
 * Opens a stored upload as records: CSV through {@link ReferenceCsv}, XLSX through the door's streaming
 * {@link SheetStream} (on a thread of its own, handing rows over a bounded queue). The first record is the
 * header.
 */
final class ReferenceSources {

    static final long MAX_ROWS = 20_000_000;
    static final SheetStream.Limits XLSX = new SheetStream.Limits(1_048_576, 2_000, 1L << 30, 64L << 20);

    private ReferenceSources() {}

    /** An open file of records; close it when done. */
    interface Opened extends ImportPipeline.Source, AutoCloseable {
        @Nullable
        String encoding();

        @Override
        void close() throws IOException;
    }

    static List<String> header(Path file, String format) throws IOException {
        try (var s = open(file, format)) {
            var h = s.next();
            if (h == null) {
                throw new InvalidInputException(new Violation("file", "empty", "reference.rule.empty", List.of()));
            }
            return h;
        }
    }

    static Opened open(Path file, String format) throws IOException {
        return "XLSX".equals(format) ? new Sheet(file) : new Csv(Files.newInputStream(file));
    }

    /** A CSV file; more rows than {@link #MAX_ROWS} refuse the file. */
    private static final class Csv implements Opened {
        private final InputStream in;
        private final ReferenceCsv csv;
        private long count;

        Csv(InputStream in) {
            this.in = in;
            this.csv = new ReferenceCsv(in);
        }

        @Override
        public @Nullable List<String> next() throws IOException {
            if (++count > MAX_ROWS + 1) {
                throw new InvalidInputException(
                        new Violation("file", "maxRows", "reference.rule.maxRows", List.of(String.valueOf(MAX_ROWS))));
            }
            return csv.next();
        }

        @Override
        public long rowNo() {
            return csv.rowNo();
        }

        @Override
        public @Nullable String encoding() {
            return csv.encoding() == null ? "UTF-8" : csv.encoding();
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }

    /** An XLSX sheet read on its own thread; rows handed over a bounded queue. */
    private static final class Sheet implements Opened {
        private record Item(long rowNo, @Nullable List<String> cells, @Nullable Exception failure) {}

        private final BlockingQueue<Item> queue = new ArrayBlockingQueue<>(4_096);
        private final Thread thread;
        private long rowNo;
        private boolean done;

        Sheet(Path file) {
            thread = new Thread(
                    () -> {
                        Item last = new Item(0, null, null);
                        try {
                            SheetStream.read(file, XLSX, (n, cells) -> put(new Item(n, cells, null)));
                        } catch (Exception e) {
                            last = new Item(0, null, e);
                        }
                        try {
                            put(last);
                        } catch (IOException e) {
                            // closed: nobody waits
                        }
                    },
                    "reference-sheet");
            thread.setDaemon(true);
            thread.start();
        }

        private void put(Item item) throws IOException {
            try {
                queue.put(item);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new java.io.InterruptedIOException("closed");
            }
        }

        @Override
        public @Nullable List<String> next() throws IOException {
            while (!done) {
                Item item;
                try {
                    item = queue.take();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new java.io.InterruptedIOException("interrupted");
                }
                if (item.failure() != null) {
                    done = true;
                    throw new InvalidInputException(new Violation("file", "xlsx", "reference.rule.xlsx", List.of()));
                }
                if (item.cells() == null) {
                    done = true;
                    return null;
                }
                if (item.cells().stream().anyMatch(c -> !c.isBlank())) {
                    rowNo = item.rowNo();
                    return item.cells();
                }
            }
            return null;
        }

        @Override
        public long rowNo() {
            return rowNo;
        }

        @Override
        public @Nullable String encoding() {
            return "UTF-8";
        }

        @Override
        public void close() {
            thread.interrupt();
        }
    }
}
