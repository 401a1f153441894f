package org.siarchive.digitisation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.siarchive.support.ApiClient;
import org.siarchive.support.IntegrationTest;
import org.siarchive.support.Samples;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Label and cover-sheet PDFs over the API, for items the caller may see. */
class LabelsApiIT extends IntegrationTest {

    @LocalServerPort
    int port;

    @Test
    void printsLabelsForVisibleItemsOnly() throws Exception {
        var api = new ApiClient(port);
        var captured = api.capture(
                Samples.personEnrolment(Samples.acceptanceNo(), Samples.citizenId(1966), "蒋"),
                List.of(
                        new ApiClient.FilePart("a.png", "image/png", Samples.png(66)),
                        new ApiClient.FilePart("b.pdf", "application/pdf", Samples.pdf("66"))),
                Map.of());
        String id = captured.json().get("id").asString();
        String code = captured.json().get("archiveCode").asString();
        var labels = api.get("/api/v1/labels?items=" + id + "&format=code128");
        assertThat(labels.status()).isEqualTo(200);
        assertThat(labels.header("Content-Type")).startsWith("application/pdf");
        try (var doc = Loader.loadPDF(labels.body())) {
            assertThat(new PDFTextStripper().getText(doc)).contains(code).contains("蒋参保登记");
        }
        assertThat(api.get("/api/v1/labels?items=00000000-0000-0000-0000-000000000000")
                        .status())
                .isEqualTo(404);
        assertThat(api.get("/api/v1/labels?items=" + id + "&format=png").status())
                .isEqualTo(422);
        assertThat(api.get("/api/v1/labels").status()).isEqualTo(422);
        var covers = api.get("/api/v1/cover-sheets?codes=SL1,SL2");
        assertThat(covers.status()).isEqualTo(200);
        try (var doc = Loader.loadPDF(covers.body())) {
            assertThat(doc.getNumberOfPages()).isEqualTo(2);
        }
        assertThat(api.get("/api/v1/cover-sheets?codes=%3Cscript%3E").status()).isEqualTo(422);
    }
}
