package org.siarchive.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.siarchive.support.ApiClient;
import org.siarchive.support.ApiClient.FilePart;
import org.siarchive.support.IntegrationTest;
import org.siarchive.support.Samples;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The facts statistics count agree with the catalogue row and files they come from. */
class ItemFiguresIT extends IntegrationTest {

    @LocalServerPort
    int port;

    @Autowired
    ItemFigures facts;

    @Autowired
    JdbcClient jdbc;

    @Test
    void anItemsFactsAreItsCatalogueRowAndFiles() {
        String certNo = Samples.citizenId(1971);
        var api = new ApiClient(port);
        var r = api.capture(
                Samples.personEnrolment(Samples.acceptanceNo(), certNo, "统计事实"),
                List.of(
                        new FilePart("a.png", "image/png", Samples.png(certNo.hashCode())),
                        new FilePart("b.pdf", "application/pdf", Samples.pdf(certNo))),
                Map.of());
        assertThat(r.status()).isEqualTo(201);
        UUID id = UUID.fromString(r.json().get("id").asString());

        var fact = facts.of(id).orElseThrow();

        long bytes = jdbc.sql("select sum(size_bytes) from item_file where item_id = :id")
                .param("id", id)
                .query(Long.class)
                .single();
        assertThat(fact.stepCode()).isEqualTo("GRCB");
        assertThat(fact.categoryCode()).isEqualTo("01");
        assertThat(fact.year()).isEqualTo(2024);
        assertThat(fact.files()).isEqualTo(2);
        assertThat(fact.bytes()).isEqualTo(bytes).isPositive();
        assertThat(fact.orgPath()).startsWith("/");
        assertThat(fact.personId()).isNotNull();
        assertThat(fact.missingRequired()).isEmpty();
        assertThat(facts.page(null, 100_000)).hasSizeLessThanOrEqualTo(ItemFigures.MAX_PAGE);
        UUID before = jdbc.sql("select id from item where id < :id order by id desc limit 1")
                .param("id", id)
                .query(UUID.class)
                .optional()
                .orElse(null);
        assertThat(facts.page(before, 1)).extracting(ItemFigures.Fact::id).containsExactly(id);
        assertThat(facts.of(UUID.randomUUID())).isEmpty();
    }
}
