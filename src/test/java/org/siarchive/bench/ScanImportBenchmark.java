package org.siarchive.bench;

import java.util.ArrayList;
import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.siarchive.digitisation.ScanBatches;
import org.siarchive.shared.Access;
import org.siarchive.shared.Actor;
import org.siarchive.shared.Scope;
import org.siarchive.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Import of a scan batch without OCR: {@code -Dbench.scanPages=N} (default 1,000) pages from {@link A4Pages}
 * (20 distinct full-A4 300-dpi PNG pages, repeated) in one zip. Prints the rate of the upload stage (unzip, store and sync the pages, register the rows) and
 * of the background QC stage (decode, analyse, check, store each page's result in its own transaction).
 */
@Tag("bench")
class ScanImportBenchmark extends IntegrationTest {

    static final int PAGES = Integer.getInteger("bench.scanPages", 1000);

    @Autowired
    ScanBatches batches;

    @Test
    void importWithoutOcr() throws Exception {
        try (var heap = PeakHeap.watch()) {
            var distinct = A4Pages.pages(20);
            var names = new ArrayList<String>();
            var files = new ArrayList<byte[]>();
            long bytes = 0;
            for (int i = 0; i < PAGES; i++) {
                names.add("page-%05d.png".formatted(i));
                files.add(distinct.get(i % distinct.size()));
                bytes += files.get(i).length;
            }
            var zipFile = java.nio.file.Files.createTempFile("bench", ".zip");
            try (var z = new java.util.zip.ZipOutputStream(java.nio.file.Files.newOutputStream(zipFile))) {
                for (int i = 0; i < PAGES; i++) {
                    z.putNextEntry(new java.util.zip.ZipEntry(names.get(i)));
                    z.write(files.get(i));
                    z.closeEntry();
                }
            }
            var access = new Access(new Actor("bench", null, "127.0.0.1", "bench"), Scope.EVERYTHING, Set.of());
            long t0 = System.nanoTime();
            java.util.UUID id;
            try (var in = java.nio.file.Files.newInputStream(zipFile)) {
                id = batches.create("bench", "0001", false, 5, in, access);
            }
            double upload = (System.nanoTime() - t0) / 1e9;
            var os = (com.sun.management.OperatingSystemMXBean)
                    java.lang.management.ManagementFactory.getOperatingSystemMXBean();
            long cpu1 = os.getProcessCpuTime();
            long t1 = System.nanoTime();
            while (batches.progress(id, access).status().equals("PROCESSING")) {
                Thread.sleep(200);
            }
            double qc = (System.nanoTime() - t1) / 1e9;
            double qcCpu = (os.getProcessCpuTime() - cpu1) / 1e9;
            System.out.printf(
                    "scan import without OCR: %d pages, %s, %.1f MB%n", PAGES, A4Pages.describe(), bytes / 1e6);
            System.out.printf(
                    "upload stage (unzip, store + fsync, register): %6.1f s = %7.1f pages/s%n", upload, PAGES / upload);
            System.out.printf(
                    "QC stage (decode, analyse, check, store):      %6.1f s = %7.1f pages/s%n", qc, PAGES / qc);
            System.out.printf(
                    "QC stage, this JVM's CPU time: %.1f ms per page = %.1f pages/s on %d idle cores (PostgreSQL not counted)%n",
                    qcCpu * 1000 / PAGES,
                    Runtime.getRuntime().availableProcessors() * PAGES / qcCpu,
                    Runtime.getRuntime().availableProcessors());
            System.out.printf(
                    "end to end:                                    %6.1f s = %7.1f pages/s%n",
                    upload + qc, PAGES / (upload + qc));
            System.out.println(heap.line());
        }
    }
}
