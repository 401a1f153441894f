package org.siarchive.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.siarchive.organisation.Organisations;
import org.siarchive.security.Accounts;
import org.siarchive.security.Role;
import org.siarchive.security.TestAccounts;
import org.siarchive.shared.Actor;
import org.siarchive.support.ConsoleSession;
import org.siarchive.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** The auditor's CSV export prints each entry's time in Beijing time, on a server running in UTC. */
class AuditExportTimeIT extends IntegrationTest {

    @Autowired
    AuditTrail trail;

    @Autowired
    Accounts accounts;

    @Autowired
    Organisations organisations;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate tx;

    @LocalServerPort
    int port;

    @Test
    void csvExportShowsTheEntryTimeInBeijingTime() {
        // given an audit entry, stored as an instant
        String object = "time-" + UUID.randomUUID();
        tx.executeWithoutResult(s ->
                trail.record(Actor.SYSTEM, AuditedObject.AUDIT_TRAIL, object, AuditOperation.VERIFY, null, "beijing"));
        var at = jdbc.sql("select at from audit_entry where object_id = :o")
                .param("o", object)
                .query(OffsetDateTime.class)
                .single();

        // when the auditor exports it
        var login = TestAccounts.create(
                accounts,
                "auditor" + UUID.randomUUID().toString().substring(0, 6),
                organisations.root().id(),
                Set.of(Role.AUDITOR),
                3,
                true);
        var auditor = new ConsoleSession(port);
        assertThat(auditor.login(login.username(), login.password(), login.codes()))
                .isEqualTo("/");
        var csv = auditor.get("/audit/export?format=csv&objectId=" + object);

        // then the line carries the Beijing wall time, and the export itself is audited
        var fmt = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS");
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.body())
                .contains(at.atZoneSameInstant(ZoneId.of("Asia/Shanghai")).format(fmt))
                .doesNotContain(at.atZoneSameInstant(ZoneId.of("UTC")).format(fmt));
        assertThat(jdbc.sql("select count(*) from audit_entry where actor = :a and operation = 'EXPORT'")
                        .param("a", login.username())
                        .query(Long.class)
                        .single())
                .isEqualTo(1L);
    }
}
