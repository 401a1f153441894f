package org.siarchive.digitisation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.siarchive.shared.InvalidInputException;
import org.siarchive.support.HostileXml;
import org.siarchive.support.IntegrationTest;
import org.siarchive.support.ScanPages;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A scan batch whose Excel manifest declares external entities is refused as a whole (a 4xx problem
 * naming the manifest): no batch row, no batch directory, nothing fetched.
 */
class ScanBatchXxeIT extends IntegrationTest {

    @Autowired
    ScanBatches batches;

    @Autowired
    JdbcClient jdbc;

    @Test
    void refusesABatchWhoseExcelManifestDeclaresExternalEntities() throws Exception {
        try (var attacker = new HostileXml()) {
            // given a batch of one page and a manifest.xlsx whose workbook part carries the attacker's DOCTYPE
            byte[] manifest = attacker.plantIntoZip(manifest(), n -> n.equals("xl/workbook.xml"));
            byte[] zip = zip(
                    ScanPages.png(
                            ScanPages.render(new ScanPages.Spec(
                                    ScanPages.enrolmentForm("褚", ScanBatchIT.id(90), "x", "x"),
                                    300,
                                    0,
                                    false,
                                    true,
                                    false,
                                    1)),
                            300),
                    manifest);
            long batchesBefore = count();
            long dirsBefore = directories();

            // when it is uploaded, then it is refused naming the manifest, and nothing is left or fetched
            assertThatThrownBy(() -> batches.create(
                            "XXE", "0001", false, 5, new ByteArrayInputStream(zip), ScanBatchIT.ARCHIVIST))
                    .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.violations())
                            .singleElement()
                            .satisfies(
                                    v -> assertThat(v.field() + "/" + v.rule()).isEqualTo("manifest/xlsx")));
            assertThat(count()).isEqualTo(batchesBefore);
            assertThat(directories()).isEqualTo(dirsBefore);
            assertThat(attacker.hits()).isZero();
        }
    }

    private long count() {
        return jdbc.sql("select count(*) from scan_batch").query(Long.class).single();
    }

    private long directories() throws Exception {
        var root = DATA_DIR.resolve("digitisation");
        if (!Files.isDirectory(root)) {
            return 0;
        }
        try (var list = Files.list(root)) {
            return list.count();
        }
    }

    private static byte[] zip(byte[] page, byte[] manifest) throws Exception {
        var out = new ByteArrayOutputStream();
        try (var z = new ZipOutputStream(out)) {
            z.putNextEntry(new ZipEntry("0001.png"));
            z.write(page);
            z.closeEntry();
            z.putNextEntry(new ZipEntry("manifest.xlsx"));
            z.write(manifest);
            z.closeEntry();
        }
        return out.toByteArray();
    }

    private static byte[] manifest() throws Exception {
        try (var wb = new XSSFWorkbook();
                var out = new ByteArrayOutputStream()) {
            var row = wb.createSheet("清单").createRow(0);
            String[] header = {"pages", "business_step", "cert_no", "name", "title"};
            for (int c = 0; c < header.length; c++) {
                row.createCell(c).setCellValue(header[c]);
            }
            wb.write(out);
            return out.toByteArray();
        }
    }
}
