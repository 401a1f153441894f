package org.siarchive.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.siarchive.support.ApiClient;
import org.siarchive.support.ApiClient.FilePart;
import org.siarchive.support.IntegrationTest;
import org.siarchive.support.RawHttp;
import org.siarchive.support.Samples;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A search by ID number can send its parameters as a form body, keeping the number out of the URL. */
class SearchByBodyIT extends IntegrationTest {

    @LocalServerPort
    int port;

    @Test
    void findsByIdNumberSentInAFormBody() throws Exception {
        String cert = Samples.citizenId(1963);
        var captured = new ApiClient(port)
                .capture(
                        Samples.personEnrolment(Samples.acceptanceNo(), cert, "表单查"),
                        List.of(
                                new FilePart("a.png", "image/png", Samples.png(cert.hashCode())),
                                new FilePart("b.pdf", "application/pdf", Samples.pdf(cert))),
                        Map.of());
        assertThat(captured.status()).isEqualTo(201);
        var raw = new RawHttp(port);
        var headers = Map.of(
                "Authorization", "Bearer " + ApiClient.initialToken(),
                "Content-Type", "application/x-www-form-urlencoded",
                "Accept", "application/json");

        RawHttp.Reply found = null;
        for (int i = 0; i < 20; i++) {
            found = raw.send("POST", "/api/v1/search", headers, "idNumber=" + cert);
            if (found.status() != 200 || found.body().contains("表单查")) {
                break;
            }
            Thread.sleep(500);
        }

        assertThat(found.status()).isEqualTo(200);
        assertThat(found.body()).contains("表单查");
    }
}
