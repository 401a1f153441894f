package org.siarchive.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.TimeZone;
import java.util.zip.ZipInputStream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.siarchive.capture.Captures;
import org.siarchive.capture.Upload;
import org.siarchive.certificates.Certificates;
import org.siarchive.checks.FourPropertyChecks;
import org.siarchive.checks.ReportDocuments;
import org.siarchive.shared.Access;
import org.siarchive.shared.Actor;
import org.siarchive.support.IntegrationTest;
import org.siarchive.support.Samples;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Every time a person reads in a document is Beijing time, whatever the machine's zone: the JVM here runs
 * in UTC, the database hands timestamps back in UTC, and the documents must still print 北京时间.
 */
class BeijingTimeInDocumentsIT extends IntegrationTest {

    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

    @Autowired
    Captures captures;

    @Autowired
    Certificates certificates;

    @Autowired
    ReportDocuments reports;

    @Autowired
    JdbcClient jdbc;

    @BeforeAll
    static void machineRunsInUtc() {
        TimeZone.setDefault(TimeZone.getTimeZone("UTC"));
    }

    @Test
    void certificatePdfAndOfdPrintTheIssueTimeInBeijingTime() throws Exception {
        // given a person with one item
        String cert = Samples.citizenId(1971);
        captures.capture(
                Samples.personEnrolment(Samples.acceptanceNo(), cert, "钟离时安"),
                List.of(
                        Upload.ofBytes("a.png", Samples.png(5171)),
                        Upload.ofBytes("b.pdf", Samples.pdf("beijing time"))),
                null,
                Actor.SYSTEM);

        // when a PDF and an OFD certificate are issued
        var pdf = certificates.issue(cert, "PDF", "核对时间", Access.SYSTEM);
        var ofd = certificates.issue(cert, "OFD", "核对时间", Access.SYSTEM);

        // then both print the issue time as read in Beijing, not the UTC wall time
        var fmt = DateTimeFormatter.ofPattern("yyyy年MM月dd日 HH:mm");
        String pdfText;
        try (var doc = Loader.loadPDF(certificates.document(pdf.id(), Access.SYSTEM))) {
            pdfText = new PDFTextStripper().getText(doc);
        }
        OffsetDateTime pdfIssued = issuedAt(pdf.id());
        assertThat(pdfText)
                .contains(pdfIssued.atZoneSameInstant(BEIJING).format(fmt))
                .doesNotContain(pdfIssued.atZoneSameInstant(ZoneId.of("UTC")).format(fmt));
        String ofdText = ofdText(certificates.document(ofd.id(), Access.SYSTEM));
        OffsetDateTime ofdIssued = issuedAt(ofd.id());
        assertThat(ofdText)
                .contains(ofdIssued.atZoneSameInstant(BEIJING).format(fmt))
                .doesNotContain(ofdIssued.atZoneSameInstant(ZoneId.of("UTC")).format(fmt));
        // and the audit names the issue
        assertThat(jdbc.sql(
                                "select count(*) from audit_entry where object_type = 'CERTIFICATE' and operation = 'ISSUE' and object_id in (:a, :b)")
                        .param("a", pdf.code())
                        .param("b", ofd.code())
                        .query(Long.class)
                        .single())
                .isEqualTo(2L);
    }

    @Test
    void fourPropertyReportPdfAndExcelPrintTheCheckTimeInBeijingTime() throws Exception {
        // given a check run started at 12:55 UTC, as the database hands it back
        var started = OffsetDateTime.parse("2026-11-28T12:55:07Z");
        var run = new FourPropertyChecks.Run(
                7, "CQ", "全库", "FINISHED", "PASS", 1, 0, 0, "archivist", started, started.plusMinutes(1));
        var report = new FourPropertyChecks.Report(run, List.of(), List.of());

        // when the report is laid out as PDF and as Excel
        String pdfText;
        try (var doc = Loader.loadPDF(reports.pdf(report, false))) {
            pdfText = new PDFTextStripper().getText(doc);
        }
        String excelText = excelText(reports.xlsx(report, false));

        // then both say 20:55 (Beijing), never 12:55
        assertThat(pdfText).contains("2026-11-28 20:55:07").doesNotContain("12:55");
        assertThat(excelText).contains("2026-11-28 20:55:07").doesNotContain("12:55");
    }

    private OffsetDateTime issuedAt(long id) {
        return jdbc.sql("select issued_at from certificate where id = :id")
                .param("id", id)
                .query(OffsetDateTime.class)
                .single();
    }

    /** The text of every page of an OFD: the TextCode content of its XML parts. */
    private static String ofdText(byte[] ofd) throws Exception {
        var out = new StringBuilder();
        try (var zip = new ZipInputStream(new ByteArrayInputStream(ofd))) {
            for (var e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                if (e.getName().endsWith(".xml")) {
                    out.append(new String(zip.readAllBytes(), StandardCharsets.UTF_8))
                            .append('\n');
                }
            }
        }
        return out.toString();
    }

    private static String excelText(byte[] xlsx) throws Exception {
        var out = new StringBuilder();
        var fmt = new DataFormatter();
        try (var wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            for (var sheet : wb) {
                for (var row : sheet) {
                    for (var cell : row) {
                        out.append(fmt.formatCellValue(cell)).append('\t');
                    }
                    out.append('\n');
                }
            }
        }
        return out.toString();
    }
}
