package org.siarchive.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.siarchive.capture.Captures;
import org.siarchive.capture.Reconciliation;
import org.siarchive.capture.Upload;
import org.siarchive.catalog.Catalog;
import org.siarchive.shared.Access;
import org.siarchive.shared.Actor;
import org.siarchive.support.Samples;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The same migrations and SQL on Debian's PostgreSQL 15 through an external JDBC URL (the embedded
 * default is PostgreSQL 18): schema, capture, 档号, person file and reconciliation.
 */
@Tag("integration")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
class Postgres15IT {

    private static DebianPostgres15 pg;

    @DynamicPropertySource
    static void external(DynamicPropertyRegistry registry) throws Exception {
        if (!DebianPostgres15.installed()) {
            throw new IllegalStateException(
                    "Debian's postgresql-15 is required for this test (./siarchive test installs it)");
        }
        pg = DebianPostgres15.start();
        registry.add("spring.datasource.url", pg::jdbcUrl);
        registry.add("spring.datasource.username", () -> "postgres");
        // the server stops after the class, before Spring closes this context at JVM exit: fail fast then
        registry.add("spring.datasource.hikari.connection-timeout", () -> "1000");
        String dataDir = Files.createTempDirectory("siarchive-pg15-data-").toString();
        registry.add("siarchive.data-dir", () -> dataDir);
    }

    @AfterAll
    static void stop() throws Exception {
        if (pg != null) {
            pg.close();
        }
    }

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Captures captures;

    @Autowired
    Catalog catalog;

    @Autowired
    Reconciliation reconciliation;

    @Test
    void runsOnPostgres15() {
        assertThat(jdbc.sql("show server_version").query(String.class).single()).startsWith("15.");
        String certNo = Samples.citizenId(1979);

        var result = captures.capture(
                Samples.personEnrolment(Samples.acceptanceNo(), certNo, "许静"),
                List.of(Upload.ofBytes("a.png", Samples.png(15)), Upload.ofBytes("b.pdf", Samples.pdf("pg15"))),
                null,
                Actor.SYSTEM);

        assertThat(result.item().archiveCode()).isEqualTo("0001-SB·2024-D100-01·GRCB-0001");
        long personId = catalog.findPerson(certNo, Access.SYSTEM).orElseThrow();
        assertThat(catalog.personFile(personId, Access.SYSTEM).items()).hasSize(1);
        assertThat(reconciliation.run().findings()).isEmpty();
    }
}
