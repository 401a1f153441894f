package org.siarchive.certificates;

import static org.assertj.core.api.SoftAssertions.assertSoftly;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.siarchive.capture.Captures;
import org.siarchive.capture.Upload;
import org.siarchive.shared.Access;
import org.siarchive.shared.Actor;
import org.siarchive.support.ConsoleSession;
import org.siarchive.support.HostileXml;
import org.siarchive.support.IntegrationTest;
import org.siarchive.support.Samples;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Issue 12, finding 1: the public certificate check ({@code POST /verify/<code>}, no login) must not let an
 * uploaded OFD's XML reach the network or the server's files.
 */
class CertificateVerificationXxeIT extends IntegrationTest {

    @Autowired
    Captures captures;

    @Autowired
    Certificates certificates;

    @LocalServerPort
    int port;

    @Test
    void refusesAnOfdWhoseXmlDeclaresExternalEntitiesWithoutFetchingOrDisclosingAnything() {
        // given a real OFD certificate, and a copy whose OFD.xml, Document.xml and Signatures.xml declare
        // an external DTD on the attacker's server and an entity on a local file holding a secret
        String cert = Samples.citizenId(1971);
        captures.capture(
                Samples.personEnrolment(Samples.acceptanceNo(), cert, "欧阳明远"),
                List.of(Upload.ofBytes("a.png", Samples.png(7100)), Upload.ofBytes("b.pdf", Samples.pdf("xxe"))),
                null,
                Actor.SYSTEM);
        var issued = certificates.issue(cert, "OFD", "办理退休", Access.SYSTEM);
        try (var attacker = new HostileXml()) {
            byte[] hostile = attacker.plantIntoZip(
                    certificates.document(issued.id(), Access.SYSTEM),
                    name -> name.endsWith("OFD.xml")
                            || name.endsWith("Document.xml")
                            || name.endsWith("Signatures.xml"));

            // when anyone uploads it on the public page
            var answer = upload(new ConsoleSession(port), issued.code(), hostile);

            // then nothing was fetched, nothing was disclosed, and the answer is a plain refusal
            assertSoftly(then -> {
                then.assertThat(attacker.hits())
                        .as("requests to the attacker's server")
                        .isZero();
                then.assertThat(answer.body()).as("the answer").doesNotContain(attacker.marker());
                then.assertThat(answer.status()).isEqualTo(200);
                then.assertThat(answer.body()).contains("id=\"verdict-failed\"").doesNotContain("id=\"verdict-ok\"");
            });
        }
    }

    private ConsoleSession.Page upload(ConsoleSession s, String code, byte[] file) {
        s.get("/verify/" + code);
        String boundary = "----verify" + UUID.randomUUID();
        var body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + s.csrf()
                        + "\r\n--" + boundary
                        + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"c.ofd\"\r\n"
                        + "Content-Type: application/octet-stream\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        body.writeBytes(file);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return s.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/verify/" + code))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .header("X-CSRF-TOKEN", s.csrf())
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
    }
}
