package org.siarchive.comparison.journey;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.zip.ZipInputStream;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.siarchive.quality.CitizenIdNumber;
import org.siarchive.support.HostileReferenceFiles;
import org.siarchive.support.RawXlsx;
import org.siarchive.support.ReferenceFixtures;

/** The independent fixtures are what they claim to be: checked with other readers than the importer's. */
class ReferenceFixturesTest {

    private final ReferenceFixtures fixtures = new ReferenceFixtures(17L);
    private final LocalDate died = LocalDate.of(2025, 6, 14);

    @Test
    void theHandWrittenXlsxOpensInPoiWithSerialDatesAndBothStringKinds() throws Exception {
        var persons = fixtures.persons(3);
        var f = fixtures.benefitSnapshotXlsx(persons, LocalDate.of(2025, 10, 1), "CD-JJ");
        try (var wb = new XSSFWorkbook(new ByteArrayInputStream(f.bytes()))) {
            var sheet = wb.getSheetAt(0);
            assertThat(sheet.getLastRowNum()).isEqualTo(3);
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("公民身份号码");
            assertThat(sheet.getRow(2).getCell(0).getStringCellValue())
                    .isEqualTo(persons.get(1).certNo());
            assertThat(sheet.getRow(2).getCell(1).getStringCellValue())
                    .isEqualTo(persons.get(1).name());
            var paid = sheet.getRow(3).getCell(6);
            assertThat(DateUtil.isCellDateFormatted(paid)).isTrue();
            assertThat(paid.getLocalDateTimeCellValue().toLocalDate()).isEqualTo(LocalDate.of(2025, 10, 1));
            assertThat(sheet.getRow(1).getCell(4).getNumericCellValue()).isGreaterThan(2000);
        }
        assertThat(RawXlsx.serial(LocalDate.of(1900, 3, 1))).isEqualTo(61);
        assertThat(DateUtil.getJavaDate(RawXlsx.serial(died))
                        .toInstant()
                        .atZone(ZoneId.systemDefault())
                        .toLocalDate())
                .isEqualTo(died);
    }

    @Test
    void theGonganExportIsGbkWithQuotedLineBreaksAndItsSpecialRows() {
        var f = fixtures.gonganCancellations(fixtures.persons(4), died);
        assertThat(decodes(f.bytes(), StandardCharsets.UTF_8)).isFalse();
        String text = new String(f.bytes(), Charset.forName("GBK"));
        assertThat(text).startsWith("序号,身份证号码,").contains("\"四川省成都市锦江区春熙路1号,3栋\r\n2单元1室\"");
        assertThat(text)
                .endsWith("\r\n\r\n\r\n")
                .contains("０")
                .contains("  " + f.loadedCertNos().get(0) + " ");
        assertThat(f.dataRows()).isEqualTo(7);
        assertThat(f.loaded() + f.rejected()).isEqualTo(f.dataRows());
        assertThat(f.loadedCertNos()).hasSize(f.loaded()).allMatch(CitizenIdNumber::isValid);
    }

    @Test
    void theCremationListHasAMarkAndTheMixedListMixesPerLine() {
        var bom = fixtures.minzhengCremations(fixtures.persons(2), died).bytes();
        assertThat(new byte[] {bom[0], bom[1], bom[2]}).containsExactly(0xEF, 0xBB, 0xBF);
        var mixed = fixtures.mixedEncodings(fixtures.persons(4), died).bytes();
        var lines = new String(mixed, StandardCharsets.ISO_8859_1).split("\n");
        assertThat(decodes(lines[1].getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8))
                .isTrue();
        assertThat(decodes(lines[2].getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8))
                .isFalse();
        assertThat(decodes(mixed, StandardCharsets.UTF_8)).isFalse();
    }

    @Test
    void theZipBombIsSmallOutsideAndHugeInside() throws Exception {
        byte[] bomb = HostileReferenceFiles.zipBomb(200L << 20);
        assertThat(bomb.length).isLessThan(1 << 20);
        long inflated = 0;
        try (var z = new ZipInputStream(new ByteArrayInputStream(bomb))) {
            for (var e = z.getNextEntry(); e != null; e = z.getNextEntry()) {
                inflated += z.transferTo(java.io.OutputStream.nullOutputStream());
            }
        }
        assertThat(inflated).isGreaterThan(200L << 20);
        assertThat(HostileReferenceFiles.oneLineBytes(1000))
                .hasSize(1000 + "公民身份号码,姓名,死亡日期\n".getBytes(StandardCharsets.UTF_8).length);
    }

    private static boolean decodes(byte[] bytes, Charset charset) {
        try {
            charset.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }
}
