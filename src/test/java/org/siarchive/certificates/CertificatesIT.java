package org.siarchive.certificates;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.ofdrw.reader.OFDReader;
import org.siarchive.capture.Captures;
import org.siarchive.capture.Upload;
import org.siarchive.shared.Access;
import org.siarchive.shared.Actor;
import org.siarchive.support.ConsoleSession;
import org.siarchive.support.IntegrationTest;
import org.siarchive.support.Samples;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Certified copies: a person's extract as signed PDF and signed OFD, each verified as issued; a copy with
 * one byte changed fails (digest and signature); the public page needs no login and shows only a masked
 * summary.
 */
class CertificatesIT extends IntegrationTest {

    @Autowired
    Captures captures;

    @Autowired
    Certificates certificates;

    @LocalServerPort
    int port;

    @Test
    void pdfAndOfdAreSignedVerifiedAndTamperingFails() throws Exception {
        String cert = Samples.citizenId(1966);
        for (int i = 0; i < 2; i++) {
            captures.capture(
                    Samples.personEnrolment(Samples.acceptanceNo(), cert, "司马光明"),
                    List.of(
                            Upload.ofBytes("a.png", Samples.png(5100 + i)),
                            Upload.ofBytes("b.pdf", Samples.pdf("certificate " + i))),
                    null,
                    Actor.SYSTEM);
        }
        var pdf = certificates.issue(cert, "PDF", "办理退休", Access.SYSTEM);
        assertThat(pdf.items()).isEqualTo(2);
        assertThat(pdf.subjectName()).isEqualTo("司**明");
        assertThat(pdf.subjectId()).isEqualTo(cert.substring(0, 6) + "********" + cert.substring(14));
        byte[] pdfBytes = certificates.document(pdf.id(), Access.SYSTEM);
        try (var doc = Loader.loadPDF(pdfBytes)) {
            String text = new PDFTextStripper().getText(doc);
            assertThat(text).contains("社会保险业务档案摘录证明", pdf.code(), "/verify/" + pdf.code());
            assertThat(text).doesNotContain(cert);
            assertThat(doc.getSignatureDictionaries()).hasSize(1);
        }
        assertThat(certificates.verify(pdf.code(), pdfBytes).authentic()).isTrue();
        byte[] tampered = pdfBytes.clone();
        tampered[tampered.length / 3] ^= 0x01;
        var failed = certificates.verify(pdf.code(), tampered);
        assertThat(failed.authentic()).isFalse();
        assertThat(failed.problems()).anyMatch(p -> p.problem() == VerificationProblem.CONTENT_DIFFERS);

        var ofd = certificates.issue(cert, "OFD", "转移接续", Access.SYSTEM);
        byte[] ofdBytes = certificates.document(ofd.id(), Access.SYSTEM);
        var tmp = java.nio.file.Files.createTempFile("cert", ".ofd");
        java.nio.file.Files.write(tmp, ofdBytes);
        try (var reader = new OFDReader(tmp)) {
            assertThat(reader.hasSignature()).isTrue();
            assertThat(reader.getNumberOfPages()).isPositive();
        } finally {
            java.nio.file.Files.deleteIfExists(tmp);
        }
        assertThat(certificates.verify(ofd.code(), ofdBytes).authentic()).isTrue();
        byte[] ofdTampered = ofdBytes.clone();
        ofdTampered[ofdTampered.length / 2] ^= 0x01;
        assertThat(certificates.verify(ofd.code(), ofdTampered).authentic()).isFalse();

        // the public page: no login, masked summary, file check
        var anonymous = new ConsoleSession(port);
        var page = anonymous.get("/verify/" + pdf.code());
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body())
                .contains("id=\"verify-found\"", "司**明", pdf.subjectId())
                .doesNotContain(cert);
        assertThat(anonymous.get("/verify/NOSUCHCODE0000").body()).contains("id=\"verify-unknown\"");
        assertThat(upload(anonymous, pdf.code(), pdfBytes)).contains("id=\"verdict-ok\"");
        assertThat(upload(anonymous, pdf.code(), tampered))
                .contains("id=\"verdict-failed\"", "文件与出具时的内容不一致")
                .doesNotContain("enum.VerificationProblem");
    }

    private String upload(ConsoleSession s, String code, byte[] file) {
        s.get("/verify/" + code);
        String boundary = "----verify" + UUID.randomUUID();
        var body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + s.csrf()
                        + "\r\n--" + boundary
                        + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"c.pdf\"\r\n"
                        + "Content-Type: application/octet-stream\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        body.writeBytes(file);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        var r = s.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/verify/" + code))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .header("X-CSRF-TOKEN", s.csrf())
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
        assertThat(r.status()).isEqualTo(200);
        return r.body();
    }

    @Test
    void parsesNoUploadedFileThatIsNotTheIssuedOne() {
        // given an issued certificate and a hostile PDF uploaded against its code at the public door
        String cert = Samples.citizenId(1967);
        captures.capture(
                Samples.personEnrolment(Samples.acceptanceNo(), cert, "欧阳修"),
                List.of(Upload.ofBytes("a.png", Samples.png(5200)), Upload.ofBytes("b.pdf", Samples.pdf("c"))),
                null,
                Actor.SYSTEM);
        var pdf = certificates.issue(cert, "PDF", "办理退休", Access.SYSTEM);

        // when it is checked
        var verdict = certificates.verify(pdf.code(), org.siarchive.support.HostileFiles.pdfWithOpenActionScript());

        // then it is refused on its bytes alone: only what we issued is ever parsed (docs/adr/0033)
        assertThat(verdict.authentic()).isFalse();
        assertThat(verdict.problems()).singleElement().satisfies(p -> assertThat(p.problem())
                .isEqualTo(VerificationProblem.CONTENT_DIFFERS));
    }
}
