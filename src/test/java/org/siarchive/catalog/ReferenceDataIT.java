package org.siarchive.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.siarchive.audit.AuditTrail;
import org.siarchive.quality.Submission;
import org.siarchive.support.ApiClient;
import org.siarchive.support.ApiClient.FilePart;
import org.siarchive.support.IntegrationTest;
import org.siarchive.support.Samples;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;

/** Agencies adapt 档号 rules and retention; new numbers follow, assigned numbers never change. */
class ReferenceDataIT extends IntegrationTest {

    @LocalServerPort
    int port;

    @Autowired
    AuditTrail audit;

    @Test
    void aCategoryRuleAppliesToNumbersAssignedAfterIt() throws Exception {
        var api = new ApiClient(port);
        var put = put(
                "/api/v1/reference/archive-code-rules",
                Map.of(
                        "fondsCode",
                        "0001",
                        "categoryCode",
                        "07",
                        "pattern",
                        "{fonds}-SY·{year}·{insurance}-{seq}",
                        "seqWidth",
                        5));
        assertThat(put.statusCode()).isEqualTo(200);

        var s = new Submission(
                "0001",
                Samples.acceptanceNo(),
                "SHDY",
                null,
                "生育保险待遇核定",
                "中心",
                "2016-08-08",
                null,
                null,
                new Submission.Person("01", Samples.citizenId(1988), "育儿"),
                null,
                "经办",
                "中心",
                "2016-08-08T10:00:00+08:00",
                List.of(new Submission.Material("SH01")));
        var item = api.capture(s, List.of(new FilePart("a.png", "image/png", Samples.png(77))), Map.of());

        assertThat(item.status()).isEqualTo(201);
        assertThat(item.json().get("archiveCode").asString()).matches("0001-SY·2016·510-\\d{5}");
        assertThat(audit.latest(20)).anyMatch(e -> e.objectType().equals("ARCHIVE_CODE_RULE"));
    }

    @Test
    void anInvalidRuleIsRefusedNamingTheRule() throws Exception {
        var bad = new HashMap<String, Object>(Map.of("pattern", "{seq}-{fonds}", "seqWidth", 4));
        var r = put("/api/v1/reference/archive-code-rules", bad);
        assertThat(r.statusCode()).isEqualTo(422);
        assertThat(r.body()).contains("archiveCodePattern").contains("{seq}");
        var retention =
                put("/api/v1/reference/scopes/02-01/retention", Map.of("retentionCode", "D99", "reason", "地方细则"));
        assertThat(retention.statusCode()).isEqualTo(422);
        assertThat(put("/api/v1/reference/scopes/02-01/retention", Map.of("retentionCode", "D100", "reason", "地方细则"))
                        .statusCode())
                .isEqualTo(200);
    }

    private java.net.http.HttpResponse<String> put(String path, Map<String, Object> body) throws Exception {
        var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + port + path))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + ApiClient.initialToken())
                .method(
                        HttpMethod.PUT.name(),
                        java.net.http.HttpRequest.BodyPublishers.ofString(ApiClient.JSON.writeValueAsString(body)))
                .build();
        return java.net.http.HttpClient.newHttpClient()
                .send(request, java.net.http.HttpResponse.BodyHandlers.ofString());
    }
}
