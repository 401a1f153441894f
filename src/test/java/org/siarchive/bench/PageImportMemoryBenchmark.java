package org.siarchive.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.siarchive.digitisation.ScanBatches;
import org.siarchive.shared.Access;
import org.siarchive.shared.Actor;
import org.siarchive.shared.Scope;
import org.siarchive.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * An import of 100,000 scanned pages in bounded memory (issue 20): {@code -Dbench.importPages} (default 100,000)
 * small generated PNG pages (240×340 px, each different), uploaded as zips of 5,000 pages — the batch cap — through
 * the console's one-shot upload, then processed by the background worker (decode, analyse, check, batch-level checks)
 * without OCR. Prints both stages' rates, the peak heap of the whole import (in use and live after collection) and,
 * as the limit measured in the same run, the bare work of the upload stage on the same zips: unzip, write, fsync and
 * SHA-256 each page. Small pages keep the run bounded (about 50 minutes at 100,000 pages on the shared 2-core machine, 2.5 minutes for
 * one batch of 5,000); A4 pages are
 * {@link ScanImportBenchmark}'s. Run at a small heap to prove the bound:
 * {@code ./mvnw -B -o -q test -Pbench -Dtest.heap=256m -Dtest=PageImportMemoryBenchmark}. Writes
 * target/bench/page-import.txt.
 */
@Tag("bench")
class PageImportMemoryBenchmark extends IntegrationTest {

    static final int PAGES = Integer.getInteger("bench.importPages", 100_000);
    static final int PER_BATCH = 5_000;
    /** Pages of the limit's run (whole zips), measured before the import. */
    static final int RAW = Integer.getInteger("bench.importRaw", 10_000);
    /**
     * A directory that keeps the generated zips between runs ({@code -Dbench.importZips}; unset: a temporary one):
     * generating 100,000 PNG pages takes about 20 minutes on the loaded machine.
     */
    static final String ZIPS = System.getProperty("bench.importZips");
    /** Pages between two progress lines. */
    static final int STEP = 10_000;

    @Autowired
    ScanBatches batches;

    @Autowired
    JdbcClient jdbc;

    @Test
    void importAHundredThousandPages() throws Exception {
        var access = new Access(new Actor("bench", null, "127.0.0.1", "bench"), Scope.EVERYTHING, Set.of());
        var out = new StringBuilder();
        Path dir = Files.createTempDirectory("page-import-bench");
        var zips = new ArrayList<Path>();
        long bytes = 0;
        Path zipDir = ZIPS == null ? dir : Files.createDirectories(Path.of(ZIPS));
        for (int from = 0; from < PAGES; from += PER_BATCH) {
            Path zip = zipDir.resolve("batch-%d-%d.zip".formatted(from, Math.min(PAGES, from + PER_BATCH)));
            bytes += Files.exists(zip) ? pageBytes(zip) : writeZip(zip, from, Math.min(PAGES, from + PER_BATCH));
            zips.add(zip);
        }
        progress("%,d pages in %d zips ready", PAGES, zips.size());
        // the limit first, so that a run stopped part-way still has its limit beside its progress
        var rawZips = zips.subList(0, Math.max(1, Math.min(zips.size(), RAW / PER_BATCH)));
        long t2 = System.nanoTime();
        for (Path zip : rawZips) {
            bareUpload(zip, dir.resolve("bare"));
        }
        double bareRate = rawZips.size() * (double) PER_BATCH / secs(t2);
        progress("limit: %,.0f pages/s (bare upload of %d zips)", bareRate, rawZips.size());
        System.gc();
        double upload;
        double qc;
        String heapLine;
        var ids = new CopyOnWriteArrayList<UUID>();
        try (var heap = PeakHeap.watch();
                var watch = new Progress(heap, ids)) {
            long t0 = System.nanoTime();
            for (int b = 0; b < zips.size(); b++) {
                try (var in = Files.newInputStream(zips.get(b))) {
                    ids.add(batches.create("内存基准批次" + b, "0001", false, 5, in, access));
                }
                progress("uploaded %,d pages in %.0f s; %s", (b + 1) * PER_BATCH, secs(t0), heap.line());
            }
            upload = secs(t0);
            long t1 = System.nanoTime();
            for (UUID id : ids) {
                while (batches.progress(id, access).status().equals("PROCESSING")) {
                    Thread.sleep(500);
                }
            }
            qc = secs(t1);
            heapLine = heap.line();
        }
        report(out, zips.size(), bytes, upload, qc, bareRate, heapLine);
        long done = jdbc.sql("select count(*) from scan_page where batch_id = any(:ids) and status = 'DONE'")
                .param("ids", ids.toArray(UUID[]::new))
                .query(Long.class)
                .single();
        assertThat(done).as("pages processed").isEqualTo(PAGES);
        try (var walk = Files.walk(dir)) {
            walk.sorted(java.util.Comparator.reverseOrder())
                    .forEach(p -> p.toFile().delete());
        }
    }

    private static void report(
            StringBuilder out, int zips, long bytes, double upload, double qc, double bareRate, String heapLine)
            throws IOException {
        line(
                out,
                "import of %,d pages (%d zips of %,d; PNG 240×340, %.1f MB in all), no OCR",
                PAGES,
                zips,
                PER_BATCH,
                bytes / 1e6);
        line(out, "| stage | s | pages/s | limit pages/s | ratio |");
        line(out, "|---|---|---|---|---|");
        line(
                out,
                "| upload (unzip, file policy, store + fsync, register) | %.0f | %,.0f | %,.0f | %.2f |",
                upload,
                PAGES / upload,
                bareRate,
                PAGES / upload / bareRate);
        line(out, "| QC (decode, analyse, check, batch checks) | %.0f | %,.0f | — | — |", qc, PAGES / qc);
        line(out, "| end to end | %.0f | %,.0f | — | — |", upload + qc, PAGES / (upload + qc));
        line(out, "limit: the first %,d pages' zips unzipped, each page written, fsynced and SHA-256 digested", RAW);
        line(out, "during the import: %s", heapLine);
        System.out.print(out);
        Files.createDirectories(Path.of("target", "bench"));
        Files.writeString(Path.of("target", "bench", "page-import.txt"), out);
    }

    /**
     * Every {@value #STEP} pages checked, a line with the time and the heap so far, so that a run stopped part-way is
     * evidence of how far it got in how much heap.
     */
    private final class Progress implements AutoCloseable {
        private final Thread thread;

        Progress(PeakHeap heap, List<UUID> ids) {
            long t0 = System.nanoTime();
            thread = new Thread(
                    () -> {
                        long next = STEP;
                        while (!Thread.currentThread().isInterrupted()) {
                            long done = ids.isEmpty() ? 0 : doneOf(ids);
                            if (done >= next) {
                                progress("checked %,d pages in %.0f s; %s", done, secs(t0), heap.line());
                                next = (done / STEP + 1) * STEP;
                            }
                            try {
                                Thread.sleep(2_000);
                            } catch (InterruptedException e) {
                                return;
                            }
                        }
                    },
                    "import-progress");
            thread.setDaemon(true);
            thread.start();
        }

        private long doneOf(List<UUID> ids) {
            return jdbc.sql("select count(*) from scan_page where batch_id = any(:ids) and status = 'DONE'")
                    .param("ids", ids.toArray(UUID[]::new))
                    .query(Long.class)
                    .single();
        }

        @Override
        public void close() {
            thread.interrupt();
        }
    }

    private static void progress(String format, Object... args) {
        ProgressLog.line("page-import-progress.txt", format, args);
    }

    /** The bytes of the pages of a zip kept from an earlier run. */
    private static long pageBytes(Path zip) throws IOException {
        try (var z = new java.util.zip.ZipFile(zip.toFile())) {
            return z.stream().mapToLong(ZipEntry::getSize).sum();
        }
    }

    /** Pages {@code from} to {@code to} as one zip (written aside, then moved into place); answers the pages' bytes. */
    private static long writeZip(Path zip, int from, int to) throws IOException {
        long bytes = 0;
        Path part = zip.resolveSibling(zip.getFileName() + ".part");
        try (var z = new ZipOutputStream(Files.newOutputStream(part))) {
            for (int i = from; i < to; i++) {
                byte[] png = page(i);
                z.putNextEntry(new ZipEntry("page-%06d.png".formatted(i)));
                z.write(png);
                z.closeEntry();
                bytes += png.length;
            }
        }
        Files.move(part, zip, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        return bytes;
    }

    /** A small grey page with a few dark strokes where page {@code i} alone has them. */
    static byte[] page(int i) throws IOException {
        var image = new BufferedImage(240, 340, BufferedImage.TYPE_BYTE_GRAY);
        var g = image.createGraphics();
        g.setColor(java.awt.Color.WHITE);
        g.fillRect(0, 0, 240, 340);
        g.setColor(java.awt.Color.DARK_GRAY);
        var r = new SplittableRandom(i * 7919L + 13);
        for (int k = 0; k < 24; k++) {
            g.fillRect(r.nextInt(220), r.nextInt(320), 4 + r.nextInt(60), 2 + r.nextInt(6));
        }
        g.dispose();
        var bytes = new ByteArrayOutputStream();
        ImageIO.write(image, "png", bytes);
        return bytes.toByteArray();
    }

    /** The limit of the upload stage: each page of the zip written, fsynced and digested. */
    private static void bareUpload(Path zip, Path target) throws Exception {
        Files.createDirectories(target);
        var names = new ArrayList<Path>();
        try (var in = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                Path page = target.resolve(e.getName());
                try (var ch = FileChannel.open(page, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                    var md = MessageDigest.getInstance("SHA-256");
                    byte[] data = in.readAllBytes();
                    md.update(data);
                    ch.write(java.nio.ByteBuffer.wrap(data));
                    ch.force(true);
                    HexFormat.of().formatHex(md.digest());
                }
                names.add(page);
            }
        }
        try (var ch = FileChannel.open(target, StandardOpenOption.READ)) {
            ch.force(true);
        }
        for (Path p : names) {
            Files.delete(p);
        }
    }

    private static double secs(long t) {
        return (System.nanoTime() - t) / 1e9;
    }

    private static void line(StringBuilder out, String format, Object... args) {
        out.append(String.format(format, args)).append('\n');
    }
}
