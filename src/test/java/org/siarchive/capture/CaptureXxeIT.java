package org.siarchive.capture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ofdrw.layout.OFDDoc;
import org.ofdrw.layout.element.Paragraph;
import org.siarchive.support.ApiClient;
import org.siarchive.support.ApiClient.FilePart;
import org.siarchive.support.HostileXml;
import org.siarchive.support.IntegrationTest;
import org.siarchive.support.Samples;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Capture meets files that carry XML (OFD, DOCX): a part declaring external entities makes the file
 * unreadable for the GD check, the capture is refused with 422, nothing is written, nothing is fetched.
 */
class CaptureXxeIT extends IntegrationTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @TempDir
    Path dir;

    @Test
    void refusesAnOfdAndADocxWhosePartsDeclareExternalEntities() throws Exception {
        try (var attacker = new HostileXml()) {
            // given an OFD and a DOCX whose main XML parts carry the attacker's DOCTYPE
            byte[] ofd = attacker.plantIntoZip(plainOfd(), n -> n.endsWith("OFD.xml") || n.endsWith("Document.xml"));
            byte[] docx = attacker.plantIntoZip(plainDocx(), n -> n.equals("word/document.xml"));
            long itemsBefore = items();

            // when both are captured
            var r = new ApiClient(port)
                    .capture(
                            Samples.personEnrolment(Samples.acceptanceNo(), Samples.citizenId(1969), "褚"),
                            List.of(
                                    new FilePart("a.ofd", "application/ofd", ofd),
                                    new FilePart("b.docx", "application/octet-stream", docx)),
                            Map.of());

            // then the capture is refused naming each file, nothing is written, and nothing was fetched
            assertThat(r.status()).isEqualTo(422);
            assertThat(CaptureApiIT.rules(r)).containsExactly("formatUnreadable", "formatUnreadable");
            assertThat(new String(r.body(), java.nio.charset.StandardCharsets.UTF_8))
                    .doesNotContain(attacker.marker());
            assertThat(items()).isEqualTo(itemsBefore);
            assertThat(attacker.hits()).isZero();
        }
    }

    private long items() {
        return jdbc.sql("select count(*) from item").query(Long.class).single();
    }

    private byte[] plainOfd() throws Exception {
        Path ofd = dir.resolve("plain.ofd");
        try (var doc = new OFDDoc(ofd)) {
            doc.add(new Paragraph("参保登记", 5d));
        }
        return Files.readAllBytes(ofd);
    }

    private static byte[] plainDocx() throws Exception {
        try (var doc = new XWPFDocument();
                var out = new ByteArrayOutputStream()) {
            doc.createParagraph().createRun().setText("参保登记");
            doc.write(out);
            return out.toByteArray();
        }
    }
}
