package org.siarchive.digitisation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.siarchive.shared.InvalidInputException;
import org.siarchive.support.HostileXml;

/** An Excel manifest in a scan batch is an uploaded OOXML file: its XML parts go through the door. */
class ExcelManifestTest {

    @Test
    void refusesAManifestWhoseWorkbookDeclaresExternalEntities() throws Exception {
        try (var attacker = new HostileXml()) {
            // given a manifest whose workbook and sheet parts carry the attacker's DOCTYPE
            byte[] hostile = attacker.plantIntoZip(
                    manifest(), name -> name.equals("xl/workbook.xml") || name.startsWith("xl/worksheets/"));

            // when read, then it is refused as an invalid manifest (a 4xx problem), nothing fetched or disclosed
            assertThatThrownBy(() -> ExcelManifest.toCsv(hostile))
                    .isInstanceOfSatisfying(
                            InvalidInputException.class,
                            e -> assertThat(e.violations()).singleElement().satisfies(v -> {
                                assertThat(v.field()).isEqualTo("manifest");
                                assertThat(v.rule()).isEqualTo("xlsx");
                            }))
                    .hasMessageNotContaining(attacker.marker());
            assertThat(attacker.hits()).isZero();
        }
    }

    @Test
    void readsAPlainManifest() throws Exception {
        assertThat(ExcelManifest.toCsv(manifest())).isEqualTo("pages,business_step,cert_no,name,title\n1-2,GRCB,,,吴\n");
    }

    @Test
    void readsThe档号ColumnAndKeepsAnEmpty业务受理号BeforeIt() throws Exception {
        String[][] rows = {
            {"pages", "business_step", "cert_no", "name", "title", "acceptance_no", "archive_code"},
            {"1-2", "", "", "", "", "", "0001-SB·2024-D30-02·GRCB-0002"},
            {"3", "GRCB", "", "", "吴"}
        };
        String csv = ExcelManifest.toCsv(manifest(rows));
        assertThat(csv)
                .isEqualTo("pages,business_step,cert_no,name,title,acceptance_no,archive_code\n"
                        + "1-2,,,,,,0001-SB·2024-D30-02·GRCB-0002\n3,GRCB,,,吴\n");
        assertThat(Manifest.parse(csv, 3))
                .extracting(Manifest.Item::archiveCode)
                .containsExactly("0001-SB·2024-D30-02·GRCB-0002", null);
    }

    private static byte[] manifest() throws Exception {
        return manifest(
                new String[][] {{"pages", "business_step", "cert_no", "name", "title"}, {"1-2", "GRCB", "", "", "吴"}});
    }

    private static byte[] manifest(String[][] rows) throws Exception {
        try (var wb = new XSSFWorkbook();
                var out = new ByteArrayOutputStream()) {
            var sheet = wb.createSheet("清单");
            for (int r = 0; r < rows.length; r++) {
                var row = sheet.createRow(r);
                for (int c = 0; c < rows[r].length; c++) {
                    row.createCell(c).setCellValue(rows[r][c]);
                }
            }
            wb.write(out);
            return out.toByteArray();
        }
    }
}
