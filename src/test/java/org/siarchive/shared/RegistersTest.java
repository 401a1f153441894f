package org.siarchive.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.context.support.ResourceBundleMessageSource;

class RegistersTest {

    static final Locale ZH = Locale.SIMPLIFIED_CHINESE;
    static final Access CLERK = new Access(new Actor("clerk", "CD-QY", "127.0.0.1", "test"), Scope.NOTHING, Set.of());

    final Registers registers = registers();

    static Registers registers() {
        var messages = new ResourceBundleMessageSource();
        messages.setBasename("i18n/messages");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        var beans = new DefaultListableBeanFactory();
        beans.registerSingleton(
                "names", (OrganisationNames) code -> Optional.of(code.equals("CD-QY") ? "青羊区社会保险事业管理局" : "?"));
        return new Registers(messages, ReadableTime.beijing(), beans.getBeanProvider(OrganisationNames.class));
    }

    static Register register(int rows) {
        var list = new ArrayList<List<?>>();
        for (int i = 1; i <= rows; i++) {
            list.add(Arrays.asList(
                    i,
                    "0001-SB·2024-D30-02·GRCB-" + String.format("%04d", i),
                    i == 2 ? "=HYPERLINK(\"http://x\")" : "参保人员增员表 " + i,
                    null,
                    LocalDate.of(2024, 5, 10),
                    OffsetDateTime.parse("2024-05-10T23:30:00Z")));
        }
        return new Register(
                "register.col.archiveCode",
                List.of(
                        Register.Column.of("register.col.seq", 4),
                        Register.Column.of("register.col.archiveCode", 26),
                        Register.Column.of("register.col.title", 30),
                        Register.Column.of("register.col.responsible", 10),
                        Register.Column.of("register.col.date", 10),
                        Register.Column.of("register.col.remarks", 16)),
                list);
    }

    @Test
    void excelHoldsTheHeadersAndRowsAsTextWithFormulasDefused() throws Exception {
        byte[] xlsx = registers.xlsx(register(3), CLERK, ZH);
        try (var wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            var sheet = wb.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(1).getStringCellValue()).isEqualTo("档号");
            assertThat(sheet.getRow(0).getCell(2).getStringCellValue()).isEqualTo("题名");
            assertThat(sheet.getLastRowNum()).isEqualTo(3);
            assertThat(sheet.getRow(1).getCell(0).getNumericCellValue()).isEqualTo(1.0);
            assertThat(sheet.getRow(1).getCell(1).getStringCellValue()).isEqualTo("0001-SB·2024-D30-02·GRCB-0001");
            var formula = sheet.getRow(2).getCell(2);
            assertThat(formula.getCellType()).isEqualTo(org.apache.poi.ss.usermodel.CellType.STRING);
            assertThat(formula.getStringCellValue()).isEqualTo("=HYPERLINK(\"http://x\")");
            assertThat(formula.getCellStyle().getQuotePrefixed()).isTrue();
            assertThat(sheet.getRow(1).getCell(2).getCellStyle().getQuotePrefixed())
                    .isFalse();
            assertThat(sheet.getRow(1).getCell(4).getStringCellValue()).isEqualTo("2024-05-10");
            // 23:30 UTC is the next morning in Beijing
            assertThat(sheet.getRow(1).getCell(5).getStringCellValue()).isEqualTo("2024-05-11 07:30");
        }
    }

    @Test
    void aPrintedRegisterNamesTheOrganisationAndNumbersItsPages() throws Exception {
        byte[] pdf = registers.pdf(register(120), CLERK, ZH);
        try (var doc = Loader.loadPDF(pdf)) {
            assertThat(doc.getNumberOfPages()).isGreaterThan(1);
            String text = new PDFTextStripper().getText(doc);
            assertThat(text).contains("青羊区社会保险事业管理局", "打印日期", "北京时间", "序号", "题名", "GRCB-0120");
            assertThat(text).contains("第 1 页 共 " + doc.getNumberOfPages() + " 页");
            // 96 characters of columns do not fit A4 upright
            assertThat(doc.getPage(0).getMediaBox().getWidth())
                    .isGreaterThan(doc.getPage(0).getMediaBox().getHeight());
        }
    }

    @Test
    void aLongRegisterIsCutWithANote() throws Exception {
        byte[] pdf = registers.pdf(register(Register.MAX_PDF_ROWS + 3), CLERK, ZH);
        try (var doc = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(doc);
            assertThat(text).contains("仅列出前 5,000 条").doesNotContain("GRCB-5001");
        }
    }

    @Test
    void onlyExcelAndPdfAreOffered() {
        assertThatThrownBy(() -> registers.download(register(1), "csv", CLERK, ZH))
                .isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(
                                ((InvalidInputException) e).violations().get(0).field())
                        .isEqualTo("format"));
        var answer = registers.download(register(1), "xlsx", CLERK, ZH);
        assertThat(answer.getHeaders().getContentDisposition().getFilename())
                .endsWith(".xlsx")
                .contains("档号");
    }

    @Test
    void aRowOfTheWrongWidthIsAProgrammingError() {
        assertThatThrownBy(() -> new Register("t", List.of(Register.Column.of("a", 1)), List.of(List.of(1, 2))))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
