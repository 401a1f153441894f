package org.siarchive.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.siarchive.capture.Captures;
import org.siarchive.capture.Upload;
import org.siarchive.crypto.KeyRotation;
import org.siarchive.shared.Access;
import org.siarchive.shared.Actor;
import org.siarchive.support.ApiClient;
import org.siarchive.support.IntegrationTest;
import org.siarchive.support.Samples;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Personal data at rest: after captures, API reads, searches by ID number and an unmask, no table of
 * the database holds an ID number, phone or bank account in clear, yet exact lookup by ID number
 * works (blind index), reads are masked, and a key rotation keeps everything readable.
 */
class PersonalDataAtRestIT extends IntegrationTest {

    @LocalServerPort
    int port;

    @Autowired
    Captures captures;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    KeyRotation rotation;

    @Autowired
    org.siarchive.catalog.Catalog catalog;

    @Test
    void noTableHoldsPersonalDataInClear() {
        var api = new ApiClient(port);
        var secrets = new ArrayList<String>();
        for (int i = 0; i < 3; i++) {
            String cert = Samples.citizenId(1970 + i);
            String phone = "1390000" + (1000 + i * 7);
            String bank = "62220202001234" + (10000 + i);
            secrets.addAll(List.of(cert, phone, bank));
            captures.capture(
                    Samples.personEnrolment("0001", "2", Samples.acceptanceNo(), cert, "赵敏" + i, phone, bank),
                    List.of(
                            Upload.ofBytes("a.png", Samples.png(cert.hashCode())),
                            Upload.ofBytes("b.pdf", Samples.pdf(cert))),
                    null,
                    new Actor("clerk-x", "10.1.1.1", "junit"));
            // lookups by ID number: API path, search parameter (both audited)
            var file = api.postJson("/api/v1/persons/lookup", java.util.Map.of("certNo", cert));
            assertThat(file.status()).isEqualTo(200);
            assertThat(file.json().get("party").get("key").asString())
                    .isEqualTo(cert.substring(0, 6) + "********" + cert.substring(14));
            assertThat(file.json().get("party").get("phone").asString())
                    .isEqualTo(phone.substring(0, 3) + "****" + phone.substring(7));
            // indexing runs after the capture commits (an event listener): wait for it, do not race it
            org.awaitility.Awaitility.await()
                    .atMost(java.time.Duration.ofSeconds(30))
                    .pollInterval(java.time.Duration.ofMillis(100))
                    .untilAsserted(() -> assertThat(api.get("/api/v1/search?idNumber=" + cert)
                                    .json()
                                    .get("total")
                                    .asLong())
                            .isEqualTo(1));
            long personId = file.json().get("party").get("id").asLong();
            var unmasked = api.postJson(
                    "/api/v1/persons/" + personId + "/unmask", java.util.Map.of("reason", "核对待遇资格 " + cert));
            assertThat(unmasked.status()).isEqualTo(200);
            assertThat(unmasked.json().get("certNo").asString()).isEqualTo(cert);
            assertThat(unmasked.json().get("bankAccount").asString()).isEqualTo(bank);
        }

        assertThat(plaintextHits(secrets)).isEmpty();

        var result = rotation.rotateDataKey();
        assertThat(result.reencrypted()).isPositive();
        assertThat(plaintextHits(secrets)).isEmpty();
        String cert = secrets.get(0);
        long id = catalog.findPerson(cert, Access.SYSTEM).orElseThrow();
        assertThat(catalog.unmaskPerson(id, "轮换后核对", Access.SYSTEM).certNo()).isEqualTo(cert);
    }

    /** Every row of every table, as text (bytea as hex, so ciphertext is scanned too), searched for the values. */
    private List<String> plaintextHits(List<String> secrets) {
        var hits = new ArrayList<String>();
        var tables = jdbc.sql("select tablename from pg_tables where schemaname = 'public' order by tablename")
                .query(String.class)
                .list();
        for (String t : tables) {
            for (String s : secrets) {
                long n = jdbc.sql("select count(*) from \"" + t + "\" x where x::text like :p")
                        .param("p", "%" + s + "%")
                        .query(Long.class)
                        .single();
                if (n > 0) {
                    hits.add(t + " holds " + s);
                }
            }
        }
        assertThat(tables).contains("person", "search_entry", "audit_entry", "event_publication");
        return hits;
    }
}
