package org.siarchive.integrity;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.siarchive.capture.Captures;
import org.siarchive.capture.Upload;
import org.siarchive.catalog.Catalog;
import org.siarchive.preservation.Preservation;
import org.siarchive.shared.Actor;
import org.siarchive.support.IntegrationTest;
import org.siarchive.support.Samples;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * One byte flipped in a stored file, a stored file deleted, a metadata sidecar edited on disk, a digest
 * row changed in the database: the sweep reports exactly those items, each with the right kind, and
 * nothing for an untouched item.
 */
class FixitySweepIT extends IntegrationTest {

    @Autowired
    FixitySweeps sweeps;

    @Autowired
    Captures captures;

    @Autowired
    Catalog catalog;

    @Autowired
    Preservation preservation;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    org.siarchive.checks.PreservationCheck cq;

    @Autowired
    org.siarchive.checks.ReportDocuments documents;

    @Autowired
    org.siarchive.checks.VirusScanner scanner;

    private UUID capture(int n) {
        var s = Samples.personEnrolment(Samples.acceptanceNo(), Samples.citizenId(1950 + n), "固定" + n);
        return captures.capture(
                        s,
                        List.of(
                                Upload.ofBytes("a.png", Samples.png(7000 + n)),
                                Upload.ofBytes("b.pdf", Samples.pdf("fixity " + n))),
                        null,
                        Actor.SYSTEM)
                .item()
                .id();
    }

    @Test
    void reportsExactlyTheTamperedItems() throws Exception {
        UUID flipped = capture(1);
        UUID deleted = capture(2);
        UUID sidecarEdited = capture(3);
        UUID rowAltered = capture(4);
        UUID untouched = capture(5);

        var a = catalog.requireItem(flipped);
        var fa = preservation.storagePath(a.objectId(), a.files().get(0).logicalPath());
        byte[] bytes = Files.readAllBytes(fa);
        bytes[bytes.length / 2] ^= 0x01;
        Files.write(fa, bytes);

        var b = catalog.requireItem(deleted);
        Files.delete(preservation.storagePath(b.objectId(), b.files().get(1).logicalPath()));

        var c = catalog.requireItem(sidecarEdited);
        var fc = preservation.storagePath(c.objectId(), Preservation.sidecarPath());
        Files.writeString(fc, Files.readString(fc).replace("固定3参保登记", "被改过的题名"));

        jdbc.sql("update item_file set sm3 = :x where item_id = :i and seq = 1")
                .param("x", "0".repeat(64))
                .param("i", rowAltered)
                .update();

        for (int i = 0; i < 600 && sweeps.current().isPresent(); i++) {
            sweeps.work(); // one another test class left running
        }
        long sweep = sweeps.start(0, new Actor("archivist", null, "127.0.0.1", "junit"));
        for (int i = 0; i < 600 && sweeps.sweep(sweep).status().equals("RUNNING"); i++) {
            sweeps.work();
            Thread.sleep(100);
        }
        assertThat(sweeps.sweep(sweep).status()).isEqualTo("DONE");
        var mine = List.of(flipped, deleted, sidecarEdited, rowAltered, untouched);
        Map<UUID, List<String>> found = sweeps.findings(sweep).stream()
                .filter(f -> mine.contains(f.itemId()))
                .collect(Collectors.groupingBy(
                        FixitySweeps.Finding::itemId,
                        Collectors.mapping(f -> f.kind() + " " + f.subject(), Collectors.toList())));
        assertThat(found).containsOnlyKeys(flipped, deleted, sidecarEdited, rowAltered);
        assertThat(found.get(flipped))
                .containsExactly("CONTENT " + a.files().get(0).logicalPath());
        assertThat(found.get(deleted))
                .containsExactly("MISSING " + b.files().get(1).logicalPath());
        assertThat(found.get(sidecarEdited)).containsExactly("SIDECAR metadata.json");
        assertThat(found.get(rowAltered))
                .containsExactly("DIGEST_ROW "
                        + catalog.requireItem(rowAltered).files().get(0).logicalPath());
        assertThat(sweeps.sweep(sweep).bytesDone()).isPositive();

        // the long-term preservation check (CQ) reports the same four items, each under its check item
        var report = cq.run(null, new Actor("archivist", null, "127.0.0.1", "junit"));
        Map<UUID, List<String>> failed = report.failures().stream()
                .filter(f -> mine.contains(f.itemId()))
                .collect(
                        Collectors.groupingBy(f -> f.itemId(), Collectors.mapping(f -> f.code(), Collectors.toList())));
        assertThat(failed).containsOnlyKeys(flipped, deleted, sidecarEdited, rowAltered);
        assertThat(failed.get(flipped)).containsExactly("CQ-1-1");
        assertThat(failed.get(deleted)).containsExactly("CQ-2-7");
        assertThat(failed.get(sidecarEdited)).containsExactly("CQ-1-11");
        assertThat(failed.get(rowAltered)).containsExactly("CQ-1-1");
        assertThat(report.run().overall()).isEqualTo("FAIL");
        assertThat(report.failedCodes()).contains("CQ-1-1", "CQ-2-7", "CQ-1-11");
        var virus = report.items().stream()
                .filter(i -> i.code().equals("CQ-4-2"))
                .findFirst()
                .orElseThrow();
        if (scanner.engine().isEmpty()) {
            assertThat(virus.result()).isEqualTo("NOT_CHECKED"); // never "passed" without a scanner
        }
        var untouchedCode = catalog.requireItem(untouched).archiveCode();
        assertThat(report.failures()).noneMatch(f -> f.record().equals(untouchedCode));

        // the report as PDF and Excel names the failed items
        try (var pdf = org.apache.pdfbox.Loader.loadPDF(documents.pdf(report, false))) {
            String text = new org.apache.pdfbox.text.PDFTextStripper().getText(pdf);
            assertThat(text).contains("四性检测报告", "长期保存环节", "CQ-1-1", a.archiveCode(), "不通过");
        }
        try (var wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook(
                new java.io.ByteArrayInputStream(documents.xlsx(report, true)))) {
            var rows = new java.util.ArrayList<String>();
            wb.getSheetAt(1).forEach(r -> rows.add(r.getCell(0) + " " + r.getCell(1)));
            assertThat(rows).contains("CQ-2-7 " + b.archiveCode(), "CQ-1-11 " + c.archiveCode());
        }
    }
}
