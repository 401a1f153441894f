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
        for (int from = 0; from < PAGES; from += PER_BATCH) {
            Path zip = dir.resolve("batch-" + from + ".zip");
            bytes += writeZip(zip, from, Math.min(PAGES, from + PER_BATCH));
            zips.add(zip);
        }
        System.gc();
        double upload;
        double qc;
        String heapLine;
        List<UUID> ids;
        try (var heap = PeakHeap.watch()) {
            long t0 = System.nanoTime();
            ids = new ArrayList<>();
            for (int b = 0; b < zips.size(); b++) {
                try (var in = Files.newInputStream(zips.get(b))) {
                    ids.add(batches.create("内存基准批次" + b, "0001", false, 5, in, access));
                }
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
        long t2 = System.nanoTime();
        for (Path zip : zips) {
            bareUpload(zip, dir.resolve("bare"));
        }
        double bare = secs(t2);

        line(
                out,
                "import of %,d pages (%d zips of %,d; PNG 240×340, %.1f MB in all), no OCR",
                PAGES,
                zips.size(),
                PER_BATCH,
                bytes / 1e6);
        line(out, "| stage | s | pages/s | limit pages/s | ratio |");
        line(out, "|---|---|---|---|---|");
        line(
                out,
                "| upload (unzip, file policy, store + fsync, register) | %.0f | %,.0f | %,.0f | %.2f |",
                upload,
                PAGES / upload,
                PAGES / bare,
                bare / upload);
        line(out, "| QC (decode, analyse, check, batch checks) | %.0f | %,.0f | — | — |", qc, PAGES / qc);
        line(out, "| end to end | %.0f | %,.0f | — | — |", upload + qc, PAGES / (upload + qc));
        line(out, "limit: the same zips unzipped, each page written, fsynced and SHA-256 digested, nothing else");
        line(out, "during the import: %s", heapLine);
        System.out.print(out);
        Files.createDirectories(Path.of("target", "bench"));
        Files.writeString(Path.of("target", "bench", "page-import.txt"), out);
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

    /** Pages {@code from} to {@code to} as one zip; answers the bytes of the pages. */
    private static long writeZip(Path zip, int from, int to) throws IOException {
        long bytes = 0;
        try (var z = new ZipOutputStream(Files.newOutputStream(zip))) {
            for (int i = from; i < to; i++) {
                byte[] png = page(i);
                z.putNextEntry(new ZipEntry("page-%06d.png".formatted(i)));
                z.write(png);
                z.closeEntry();
                bytes += png.length;
            }
        }
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
