package org.siarchive.capture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.siarchive.support.ApiClient;
import org.siarchive.support.ApiClient.FilePart;
import org.siarchive.support.HostileFiles;
import org.siarchive.support.IntegrationTest;
import org.siarchive.support.Samples;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * The file policy at the capture door (issue 12, finding 9; docs/adr/0033): hostile files that once
 * passed as valid are refused with 422 naming the file and the rule, and nothing is registered.
 */
class FilePolicyIT extends IntegrationTest {

    @LocalServerPort
    int port;

    @Autowired
    org.siarchive.catalog.Catalog catalog;

    ApiClient api;

    @BeforeEach
    void client() {
        api = new ApiClient(port);
    }

    @Test
    void refusesATruncatedPdfWithoutPagesOrCrossReference() {
        byte[] truncated = java.util.Arrays.copyOf(
                ("%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n"
                                + "2 0 obj\n<< /Type /Pages /Kids [ 3 0 R ] /Count 1 >>\nendobj\n3 0 obj\n<< /Type /Page")
                        .getBytes(StandardCharsets.US_ASCII),
                120);

        var refused = captureWithSecondFile("truncated.pdf", truncated);

        assertRefused(refused, "files[1]", "formatUnreadable");
    }

    @Test
    void refusesAPdfCarryingJavaScript() {
        var refused = captureWithSecondFile("script.pdf", HostileFiles.pdfWithOpenActionScript());

        assertRefused(refused, "files[1]", "file.activeContent");
        assertThat(refused.json().toString()).contains("script.pdf", "JavaScript", "活动内容");
    }

    @Test
    void namesTheRefusedFileAndRuleInEnglishWhenAskedTo() {
        var s = Samples.personEnrolment(Samples.acceptanceNo(), Samples.citizenId(1988), "韩江");

        var refused = api.capture(
                s,
                List.of(
                        new FilePart("a.png", "image/png", Samples.png(42)),
                        new FilePart("script.pdf", "application/pdf", HostileFiles.pdfWithOpenActionScript())),
                Map.of("Accept-Language", "en"));

        assertRefused(refused, "files[1]", "file.activeContent");
        assertThat(refused.json().get("errors").toString())
                .contains("script.pdf carries active content (", "JavaScript")
                .doesNotContain("活动内容");
    }

    @Test
    void refusesAPdfThatIsAlsoAZip() {
        var polyglot = new ByteArrayOutputStream();
        polyglot.writeBytes(Samples.pdf("polyglot"));
        polyglot.writeBytes(HostileFiles.zipOf("payload.txt", "hidden".getBytes(StandardCharsets.UTF_8)));

        var refused = captureWithSecondFile("both.pdf", polyglot.toByteArray());

        assertRefused(refused, "files[1]", "file.polyglot");
    }

    @Test
    void refusesAPngWhoseHeaderClaimsTenGigapixelsBeforeDecodingIt() {
        var refused = captureWithSecondFile("bomb.png", HostileFiles.pngHeaderClaiming(100_000, 100_000));

        assertRefused(refused, "files[1]", "file.tooManyPixels");
    }

    @Test
    void keepsOriginalNamesWithoutBidiOverridesOrControlCharacters() {
        // given a file whose name hides its real extension behind a right-to-left override
        var s = Samples.personEnrolment(Samples.acceptanceNo(), Samples.citizenId(1986), "陆离");

        var created = api.capture(
                s,
                List.of(
                        new FilePart("a.png", "image/png", Samples.png(41)),
                        new FilePart("申请表\u202Efdp.exe\u0007.pdf", "application/pdf", Samples.pdf("rlo"))),
                Map.of());

        // then the name is kept normalised, without the override or the control character
        assertThat(created.status()).isEqualTo(201);
        String stored = created.json().get("files").get(1).get("originalName").asString();
        assertThat(stored).isEqualTo("申请表fdp.exe.pdf");
        assertThat(stored).doesNotContain("\u202E", "\u0007");
    }

    private ApiClient.Response captureWithSecondFile(String name, byte[] bytes) {
        var s = Samples.personEnrolment(Samples.acceptanceNo(), Samples.citizenId(1987), "秦川");
        var r = api.capture(
                s,
                List.of(
                        new FilePart("a.png", "image/png", Samples.png(name.hashCode())),
                        new FilePart(name, "application/octet-stream", bytes)),
                Map.of());
        assertThat(catalog.itemByIdempotencyKey("acceptance:" + s.acceptanceNo()))
                .as("a refused capture registers nothing")
                .isEmpty();
        return r;
    }

    private static void assertRefused(ApiClient.Response r, String field, String rule) {
        assertThat(r.status()).as(new String(r.body(), StandardCharsets.UTF_8)).isEqualTo(422);
        JsonNode errors = r.json().get("errors");
        assertThat(errors.toString()).contains("\"field\":\"" + field + "\"", "\"rule\":\"" + rule + "\"");
        assertThat(r.json().toString()).doesNotContain("Exception", "/tmp", "/work");
    }
}
