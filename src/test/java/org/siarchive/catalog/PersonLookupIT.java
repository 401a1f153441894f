package org.siarchive.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.siarchive.audit.AuditTrail;
import org.siarchive.audit.AuditedObject;
import org.siarchive.support.ApiClient;
import org.siarchive.support.ApiClient.FilePart;
import org.siarchive.support.IntegrationTest;
import org.siarchive.support.Samples;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** 一人一档 is looked up with the ID number in the request body, never in a URL that proxies and access logs keep. */
class PersonLookupIT extends IntegrationTest {

    @LocalServerPort
    int port;

    @Autowired
    AuditTrail audit;

    ApiClient api;

    @BeforeEach
    void client() {
        api = new ApiClient(port);
    }

    private String capturedPerson(String name) {
        String certNo = Samples.citizenId(1966);
        var r = api.capture(
                Samples.personEnrolment(Samples.acceptanceNo(), certNo, name),
                List.of(
                        new FilePart("a.png", "image/png", Samples.png(certNo.hashCode())),
                        new FilePart("b.pdf", "application/pdf", Samples.pdf(certNo))),
                Map.of());
        assertThat(r.status()).isEqualTo(201);
        return certNo;
    }

    @Test
    void findsAPersonsFileByTheIdNumberInTheBody() {
        String certNo = capturedPerson("查档人");

        var file = api.postJson("/api/v1/persons/lookup", Map.of("certNo", certNo.toLowerCase()));

        assertThat(file.status()).isEqualTo(200);
        assertThat(file.json().get("party").get("name").asString()).isEqualTo("查档人");
        assertThat(file.json().get("items").size()).isEqualTo(1);
        String personId = file.json().get("party").get("id").asString();
        assertThat(audit.forObject(AuditedObject.PERSON, personId))
                .extracting(AuditTrail.Entry::operation)
                .contains("READ");
    }

    @Test
    void theIdNumberIsNoLongerAcceptedInTheUrl() {
        String certNo = capturedPerson("旧接口");

        var old = api.get("/api/v1/persons/" + certNo + "/items");

        assertThat(old.status()).isIn(403, 404);
        assertThat(new String(old.body(), java.nio.charset.StandardCharsets.UTF_8))
                .doesNotContain("旧接口");
    }

    @Test
    void anUnknownIdNumberIsNotEchoedInTheAnswer() {
        String unknown = Samples.citizenId(1901);

        var r = api.postJson("/api/v1/persons/lookup", Map.of("certNo", unknown));

        assertThat(r.status()).isEqualTo(404);
        assertThat(new String(r.body(), java.nio.charset.StandardCharsets.UTF_8))
                .doesNotContain(unknown.substring(6, 14));
    }

    @Test
    void aLookupWithoutAnIdNumberNamesTheField() {
        var r = api.postJson("/api/v1/persons/lookup", Map.of("certNo", " "));

        assertThat(r.status()).isEqualTo(422);
        assertThat(r.json().get("errors").get(0).get("field").asString()).isEqualTo("certNo");
        assertThat(r.json().get("errors").get(0).get("rule").asString()).isEqualTo("required");
    }
}
