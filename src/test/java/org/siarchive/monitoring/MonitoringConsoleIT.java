package org.siarchive.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.siarchive.audit.AuditOperation;
import org.siarchive.audit.AuditTrail;
import org.siarchive.audit.AuditedObject;
import org.siarchive.demo.DemoLoader;
import org.siarchive.organisation.OrgUnit;
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

/**
 * Normal traffic raises nothing: the demo data generator loads its records and an archivist works through the
 * console during working time. Alerts are acknowledged with a note (422 without, audited, 409 twice) by the
 * security administrator and by the auditor; an administrator of another county gets 404 (page, form, list); the rules page is
 * read by the auditor and changed only by the security administrator (422 beside the field, audited).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MonitoringConsoleIT extends IntegrationTest {

    @LocalServerPort
    int port;

    @Autowired
    AuditWatch watch;

    @Autowired
    AuditTrail audit;

    @Autowired
    TransactionTemplate tx;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Organisations organisations;

    @Autowired
    Accounts accounts;

    @Autowired
    DemoLoader demo;

    final String run = Integer.toString(ThreadLocalRandom.current().nextInt(100_000, 999_999));
    OrgUnit county;
    OrgUnit other;
    TestAccounts.Login secadmin;
    TestAccounts.Login auditor;
    TestAccounts.Login otherAdmin;
    TestAccounts.Login archivist;

    @BeforeAll
    void accounts() {
        long root = organisations.root().id();
        county = organisations.create(root, "MC" + run, "监测控制台县" + run, "COUNTY", Actor.SYSTEM);
        other = organisations.create(root, "MO" + run, "另一县" + run, "COUNTY", Actor.SYSTEM);
        secadmin = TestAccounts.create(accounts, "msec" + run, root, Set.of(Role.SECADMIN), 3, true);
        auditor = TestAccounts.create(accounts, "maud" + run, root, Set.of(Role.AUDITOR), 3, true);
        otherAdmin = TestAccounts.create(accounts, "mosec" + run, other.id(), Set.of(Role.SECADMIN), 3, true);
        archivist = TestAccounts.create(accounts, "marc" + run, county.id(), Set.of(Role.ARCHIVIST), 3, false);
    }

    @BeforeEach
    void caughtUp() {
        Defaults.restore(jdbc);
        watch.evaluate(MonitoringRulesIT.ALWAYS);
    }

    ConsoleSession session(TestAccounts.Login login) {
        var s = new ConsoleSession(port);
        s.login(login.username(), login.password(), login.codes());
        return s;
    }

    /** An alert about an account of the county: a register exported. */
    UUID plantedAlert(String who) {
        var actor = new Actor(who + run, county.code(), "10.30.40.50", "Mozilla/5.0");
        tx.executeWithoutResult(
                s -> audit.record(actor, AuditedObject.AUDIT_TRAIL, "-", AuditOperation.EXPORT, null, null));
        watch.evaluate(MonitoringRulesIT.ALWAYS);
        return jdbc.sql("select id from monitoring_alert where actor = :a and rule_code = 'REGISTER_EXPORT'")
                .param("a", actor.name())
                .query(UUID.class)
                .single();
    }

    @Test
    void theDemoLoaderAndAnArchivistAtWorkRaiseNoAlert() {
        var since = OffsetDateTime.now();
        demo.load(2, Long.parseLong(run));
        var s = session(archivist);
        for (String page : new String[] {"/", "/search", "/lending", "/search?q=test"}) {
            s.get(page);
        }
        int raised = watch.evaluate(MonitoringRulesIT.ALWAYS);
        long about = jdbc.sql(
                        """
                select count(*) from monitoring_alert
                where raised_at >= :since and (actor in (:who, 'demo-loader', 'system') or org_path like :county)
                """)
                .param("since", since)
                .param("who", archivist.username())
                .param("county", county.path() + "%")
                .query(Long.class)
                .single();
        assertThat(about).isZero();
        assertThat(raised).isZero();
    }

    @Test
    void theSecurityAdministratorAcknowledgesWithANoteAndItIsAudited() {
        UUID id = plantedAlert("exp");
        var s = session(secadmin);
        var page = s.get("/monitoring/alerts/" + id);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("导出登记簿").contains("exp" + run).contains("alert-entry");
        assertThat(s.get("/monitoring/alerts").body()).contains(id.toString());
        assertThat(s.get("/monitoring/summary").body()).contains("导出登记簿");

        var refused = s.post("/monitoring/alerts/" + id + "/acknowledgement", Map.of("note", " "));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.body()).contains("note-error");
        assertThat(state(id)).isEqualTo("OPEN");

        var done = s.post("/monitoring/alerts/" + id + "/acknowledgement", Map.of("note", "已核实，为例行审计导出"));
        assertThat(done.status()).isEqualTo(302);
        assertThat(state(id)).isEqualTo("ACKNOWLEDGED");
        var entries = audit.forObject(AuditedObject.SECURITY_ALERT, id.toString());
        assertThat(entries).extracting(AuditTrail.Entry::operation).containsExactly("RAISE", "ACKNOWLEDGE");
        assertThat(entries.get(1).actor()).isEqualTo(secadmin.username());
        assertThat(entries.get(1).reason()).isEqualTo("已核实，为例行审计导出");

        assertThat(s.post("/monitoring/alerts/" + id + "/acknowledgement", Map.of("note", "再次确认"))
                        .status())
                .isEqualTo(409);
    }

    @Test
    void theAuditorAcknowledgesTooAndAnotherCountysAdministratorGets404() {
        UUID id = plantedAlert("aud");
        var other = session(otherAdmin);
        assertThat(other.get("/monitoring/alerts/" + id).status()).isEqualTo(404);
        assertThat(other.post("/monitoring/alerts/" + id + "/acknowledgement", Map.of("note", "看看"))
                        .status())
                .isEqualTo(404);
        assertThat(other.get("/monitoring/alerts").body()).doesNotContain(id.toString());
        assertThat(other.get("/monitoring/alerts/not-an-id").status()).isEqualTo(404);
        assertThat(state(id)).isEqualTo("OPEN");

        var s = session(auditor);
        var list = s.get("/monitoring/alerts?rule=REGISTER_EXPORT&state=OPEN");
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.body()).contains(id.toString());
        var refused = s.get("/monitoring/alerts?day=2026-13-01&page=0");
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.body()).contains("day-error");
        assertThat(s.get("/monitoring/alerts?page=1000").status()).isEqualTo(422);
        var detail = s.get("/monitoring/alerts/" + id);
        assertThat(detail.status()).isEqualTo(200);
        assertThat(detail.body()).contains("aud" + run).contains("acknowledge-form");
        assertThat(s.post("/monitoring/alerts/" + id + "/acknowledgement", Map.of())
                        .status())
                .isEqualTo(422);
        assertThat(s.post("/monitoring/alerts/" + id + "/acknowledgement", Map.of("note", "审计员已复核"))
                        .status())
                .isEqualTo(302);
        assertThat(state(id)).isEqualTo("ACKNOWLEDGED");
        assertThat(audit.forObject(AuditedObject.SECURITY_ALERT, id.toString()))
                .extracting(AuditTrail.Entry::actor)
                .contains(auditor.username());
        assertThat(session(archivist).get("/monitoring/alerts").status()).isEqualTo(403);
    }

    @Test
    void onlyTheSecurityAdministratorChangesThresholdsAndEachChangeIsAudited() {
        var reader = session(auditor);
        var page = reader.get("/monitoring/rules");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("批量查阅档案").doesNotContain("BULK_READ-save");
        assertThat(reader.post("/monitoring/rules/BULK_READ", Map.of("severity", "HIGH", "reason", "试试"))
                        .status())
                .isEqualTo(403);

        var s = session(secadmin);
        var refused = s.post(
                "/monitoring/rules/BULK_READ",
                Map.of("enabled", "true", "severity", "HIGH", "threshold", "0", "windowMinutes", "60", "reason", "调整"));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.body()).contains("threshold-error").contains("value=\"0\"");
        assertThat(s.post(
                                "/monitoring/rules/BULK_READ",
                                Map.of(
                                        "enabled",
                                        "true",
                                        "severity",
                                        "HIGH",
                                        "threshold",
                                        "80",
                                        "windowMinutes",
                                        "60",
                                        "reason",
                                        "业务高峰期上调阈值"))
                        .status())
                .isEqualTo(302);
        assertThat(jdbc.sql("select threshold from monitoring_rule where code = 'BULK_READ'")
                        .query(Integer.class)
                        .single())
                .isEqualTo(80);
        var changes = audit.forObject(AuditedObject.MONITORING_RULE, "BULK_READ").stream()
                .filter(e -> e.actor().equals(secadmin.username()))
                .toList();
        assertThat(changes).hasSize(1);
        assertThat(changes.get(0).detail()).contains("monitoring.field.threshold=50 → 80");
    }

    String state(UUID id) {
        return jdbc.sql("select state from monitoring_alert where id = :id")
                .param("id", id)
                .query(String.class)
                .single();
    }
}
