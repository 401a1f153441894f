package org.siarchive.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.siarchive.support.ApiClient;
import org.siarchive.support.ApiClient.FilePart;
import org.siarchive.support.IntegrationTest;
import org.siarchive.support.Samples;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A person file is answered only with its access entry committed (docs/adr/0117): right after a 200 the entry is in
 * the trail; when the entry cannot be written the view answers 503 and shows nothing of the file.
 */
class PersonFileAccessAuditIT extends IntegrationTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void dropRefusal() {
        jdbc.sql("drop trigger if exists person_file_it_refuse on audit_entry").update();
        jdbc.sql("drop function if exists person_file_it_refuse()").update();
    }

    private long personWithAnItem(ApiClient api, String certNo, String name) {
        var r = api.capture(
                Samples.personEnrolment(Samples.acceptanceNo(), certNo, name),
                List.of(
                        new FilePart("a.png", "image/png", Samples.png(41)),
                        new FilePart("b.pdf", "application/pdf", Samples.pdf("p41"))),
                Map.of());
        assertThat(r.status()).isEqualTo(201);
        var file = api.postJson("/api/v1/persons/lookup", Map.of("certNo", certNo));
        assertThat(file.status()).isEqualTo(200);
        return file.json().get("party").get("id").asLong();
    }

    private int reads(long personId) {
        return jdbc.sql("select count(*) from audit_entry where object_type = 'PERSON' and object_id = :id"
                        + " and operation = 'READ' and result = 'SUCCESS'")
                .param("id", Long.toString(personId))
                .query(Integer.class)
                .single();
    }

    @Test
    void aPersonFileAnsweredHasItsAccessEntryCommitted() {
        var api = new ApiClient(port);
        String certNo = Samples.citizenId(1977);
        long person = personWithAnItem(api, certNo, "郑晓燕");
        int before = reads(person);

        var file = api.postJson("/api/v1/persons/lookup", Map.of("certNo", certNo));

        assertThat(file.status()).isEqualTo(200);
        assertThat(reads(person)).isEqualTo(before + 1);
    }

    @Test
    void aPersonFileWhoseAccessEntryCannotBeWrittenIsNotAnswered() {
        var api = new ApiClient(port);
        String certNo = Samples.citizenId(1981);
        long person = personWithAnItem(api, certNo, "冯建国");
        int before = reads(person);
        jdbc.sql(
                        """
                create function person_file_it_refuse() returns trigger language plpgsql as $$
                begin raise exception 'audit refused by the test'; end $$""")
                .update();
        jdbc.sql("create trigger person_file_it_refuse before insert on audit_entry for each row when"
                        + " (new.object_type = 'PERSON' and new.object_id = '" + person
                        + "') execute function person_file_it_refuse()")
                .update();

        var refused = api.postJson("/api/v1/persons/lookup", Map.of("certNo", certNo));

        assertThat(refused.status()).isEqualTo(503);
        assertThat(new String(refused.body(), java.nio.charset.StandardCharsets.UTF_8))
                .doesNotContain("冯建国")
                .doesNotContain("\"items\"");
        assertThat(refused.json().get("detail").asString()).contains("审计");
        assertThat(reads(person)).isEqualTo(before);

        dropRefusal();
        assertThat(api.postJson("/api/v1/persons/lookup", Map.of("certNo", certNo))
                        .status())
                .isEqualTo(200);
        assertThat(reads(person)).isEqualTo(before + 1);
    }
}
