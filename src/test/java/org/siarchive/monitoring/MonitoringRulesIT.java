package org.siarchive.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.siarchive.audit.AuditOperation;
import org.siarchive.audit.AuditTrail;
import org.siarchive.audit.AuditedObject;
import org.siarchive.organisation.OrgUnit;
import org.siarchive.organisation.Organisations;
import org.siarchive.shared.Access;
import org.siarchive.shared.Actor;
import org.siarchive.shared.Scope;
import org.siarchive.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Each rule fires on a planted pattern of audit entries — written through the real audit trail, as the console
 * and the API write them — and stays silent just below its threshold or on the same kind of use that is normal.
 * The evaluator is driven by the test with the working time it chooses (never the wall clock's hour). Every
 * actor is this class's own (a random run number), so other classes' traffic cannot disturb the figures.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MonitoringRulesIT extends IntegrationTest {

    static final WorkingTime ALWAYS = at -> true;
    static final WorkingTime NEVER = at -> false;

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
    OfficeHours office;

    @Autowired
    MonitoringRules rules;

    final String run = Integer.toString(ThreadLocalRandom.current().nextInt(100_000, 999_999));
    OrgUnit county;

    @BeforeAll
    void county() {
        county = organisations.create(organisations.root().id(), "JC" + run, "监测县" + run, "COUNTY", Actor.SYSTEM);
    }

    /** The default thresholds (another class may have changed them), and the evaluator caught up. */
    @BeforeEach
    void defaults() {
        Defaults.restore(jdbc);
        watch.evaluate(ALWAYS);
    }

    Actor person(String name) {
        return new Actor(name + run, county.code(), "10.20.30.40", "Mozilla/5.0");
    }

    void plant(Actor actor, AuditedObject type, String id, AuditOperation op, String result, int times) {
        tx.executeWithoutResult(s -> {
            for (int i = 0; i < times; i++) {
                audit.record(actor, type, id.replace("#", Integer.toString(i)), op, result, null, null);
            }
        });
    }

    /** Plants within one window of {@code minutes} (planted again when a window boundary fell in between). */
    void inOneWindow(int minutes, Runnable planting) {
        for (int attempt = 0; attempt < 3; attempt++) {
            long w = minutes * 60L;
            long before = Instant.now().getEpochSecond() / w;
            planting.run();
            if (Instant.now().getEpochSecond() / w == before) {
                return;
            }
        }
    }

    List<Alert> alerts(String actor, RuleCode rule) {
        return jdbc.sql(
                        """
                select id, rule_code, actor, org_path, window_start, window_end, severity, observed, threshold,
                       raised_at, state, acknowledged_by, acknowledged_at, note
                from monitoring_alert where actor = :actor and rule_code = :rule
                """)
                .param("actor", actor)
                .param("rule", rule.name())
                .query(Alert.class)
                .list();
    }

    long linked(Alert a) {
        return jdbc.sql("select count(*) from monitoring_alert_entry where alert_id = :id")
                .param("id", a.id())
                .query(Long.class)
                .single();
    }

    @Test
    void bulkReadingOfPersonFilesFiresAboveFiftyDistinctFilesAndNotAtFifty() {
        var reader = person("bulk");
        var normal = person("norm");
        var rereader = person("again");
        inOneWindow(60, () -> {
            plant(reader, AuditedObject.PERSON, "9#0" + run, AuditOperation.READ, AuditTrail.SUCCESS, 51);
            plant(normal, AuditedObject.PERSON, "8#0" + run, AuditOperation.READ, AuditTrail.SUCCESS, 50);
            plant(rereader, AuditedObject.EMPLOYER, "CREDIT" + run, AuditOperation.READ, AuditTrail.SUCCESS, 80);
        });
        watch.evaluate(ALWAYS);

        var fired = alerts(reader.name(), RuleCode.BULK_READ);
        assertThat(fired).hasSize(1);
        assertThat(fired.get(0).observed()).isEqualTo(51);
        assertThat(fired.get(0).threshold()).isEqualTo(50);
        assertThat(fired.get(0).orgPath()).isEqualTo(county.path());
        assertThat(linked(fired.get(0))).isEqualTo(51);
        assertThat(alerts(normal.name(), RuleCode.BULK_READ)).isEmpty();
        assertThat(alerts(rereader.name(), RuleCode.BULK_READ))
                .as("one file read 80 times")
                .isEmpty();

        // a second evaluation raises nothing new: one alert per rule × actor × window
        plant(reader, AuditedObject.PERSON, "7#0" + run, AuditOperation.READ, AuditTrail.SUCCESS, 2);
        watch.evaluate(ALWAYS);
        assertThat(alerts(reader.name(), RuleCode.BULK_READ)).hasSizeBetween(1, 2);
    }

    @Test
    void accessOutsideWorkingHoursFiresForPeopleAndClientsButNotForTheDemoLoaderOrSystemJobs() {
        var night = person("night");
        var day = person("day");
        var client = new Actor("client:night" + run, county.code(), "10.20.30.41", "curl/8");
        plant(day, AuditedObject.ITEM, "1", AuditOperation.READ, AuditTrail.SUCCESS, 3);
        watch.evaluate(ALWAYS);
        assertThat(alerts(day.name(), RuleCode.OFF_HOURS))
                .as("inside working time")
                .isEmpty();

        plant(night, AuditedObject.ITEM, "1", AuditOperation.READ, AuditTrail.SUCCESS, 3);
        plant(client, AuditedObject.ITEM, "2", AuditOperation.QUERY, AuditTrail.SUCCESS, 1);
        plant(
                new Actor("demo-loader", "127.0.0.1", "siarchive demo"),
                AuditedObject.ITEM,
                "3",
                AuditOperation.CAPTURE,
                AuditTrail.SUCCESS,
                2);
        plant(Actor.SYSTEM, AuditedObject.FIXITY_SWEEP, "4", AuditOperation.START, AuditTrail.SUCCESS, 2);
        int before = count(RuleCode.OFF_HOURS, "demo-loader") + count(RuleCode.OFF_HOURS, "system");
        watch.evaluate(NEVER);

        var fired = alerts(night.name(), RuleCode.OFF_HOURS);
        assertThat(fired).hasSize(1);
        assertThat(linked(fired.get(0))).isEqualTo(3);
        assertThat(alerts(client.name(), RuleCode.OFF_HOURS)).hasSize(1);
        assertThat(count(RuleCode.OFF_HOURS, "demo-loader") + count(RuleCode.OFF_HOURS, "system"))
                .isEqualTo(before)
                .isZero();
    }

    int count(RuleCode rule, String actor) {
        return alerts(actor, rule).size();
    }

    @Test
    void workingTimeIsTheCalendarsWorkingDaysBetweenThePolicysHoursInBeijing() {
        var policy = rules.get("OFF_HOURS");
        var hours = office.of(policy);
        var beijing = ZoneId.of("Asia/Shanghai");
        // 2031-03-04 is a Tuesday, 2031-03-08 a Saturday (no calendar rows in 2031)
        assertThat(hours.working(
                        LocalDateTime.parse("2031-03-04T10:00").atZone(beijing).toInstant()))
                .isTrue();
        assertThat(hours.working(
                        LocalDateTime.parse("2031-03-04T08:00").atZone(beijing).toInstant()))
                .isTrue();
        assertThat(hours.working(
                        LocalDateTime.parse("2031-03-04T03:00").atZone(beijing).toInstant()))
                .isFalse();
        assertThat(hours.working(
                        LocalDateTime.parse("2031-03-04T18:00").atZone(beijing).toInstant()))
                .isFalse();
        assertThat(hours.working(
                        LocalDateTime.parse("2031-03-08T10:00").atZone(beijing).toInstant()))
                .isFalse();
    }

    @Test
    void repeatedUnmaskingFiresAboveTenInAnHour() {
        var many = person("unmask");
        var few = person("unmask-few");
        inOneWindow(60, () -> {
            plant(many, AuditedObject.PERSON, "5#" + run, AuditOperation.UNMASK, AuditTrail.SUCCESS, 11);
            plant(few, AuditedObject.PERSON, "6#" + run, AuditOperation.UNMASK, AuditTrail.SUCCESS, 10);
        });
        watch.evaluate(ALWAYS);
        assertThat(alerts(many.name(), RuleCode.REPEATED_UNMASK)).hasSize(1);
        assertThat(alerts(few.name(), RuleCode.REPEATED_UNMASK)).isEmpty();
    }

    @Test
    void aNewNetworkFiresOnceTheAccountHasHistoryButNotWithinItsOwnNetwork() {
        String name = "roam" + run;
        var home = new Actor(name, county.code(), "10.1.1.5", "Mozilla/5.0");
        plant(home, AuditedObject.ITEM, "1", AuditOperation.READ, AuditTrail.SUCCESS, 1);
        watch.evaluate(ALWAYS);
        assertThat(alerts(name, RuleCode.NEW_NETWORK))
                .as("the first network is learnt")
                .isEmpty();

        plant(
                new Actor(name, county.code(), "10.1.1.77", "Mozilla/5.0"),
                AuditedObject.ITEM,
                "1",
                AuditOperation.READ,
                AuditTrail.SUCCESS,
                1);
        watch.evaluate(ALWAYS);
        assertThat(alerts(name, RuleCode.NEW_NETWORK)).as("same /24").isEmpty();

        plant(
                new Actor(name, county.code(), "172.16.9.9", "Mozilla/5.0"),
                AuditedObject.ITEM,
                "1",
                AuditOperation.READ,
                AuditTrail.SUCCESS,
                1);
        watch.evaluate(ALWAYS);
        var fired = alerts(name, RuleCode.NEW_NETWORK);
        assertThat(fired).hasSize(1);
        assertThat(linked(fired.get(0))).isEqualTo(1);
        assertThat(Networks.of("2001:db8:1:2:3:4:5:6")).isEqualTo("2001:db8:1:2::/64");
        assertThat(Networks.of("example.org")).isNull();
    }

    @Test
    void failedLoginsFirePerAccountNameAndPerSourceNetwork() {
        String net = "10.77." + (Integer.parseInt(run) % 250) + ".";
        var guesses = new ArrayList<Actor>();
        for (int i = 0; i < 6; i++) {
            guesses.add(new Actor("user" + i + "-" + run, null, net + (i + 1), "Mozilla/5.0"));
        }
        var target = new Actor("victim" + run, null, net + "9", "Mozilla/5.0");
        inOneWindow(10, () -> {
            plant(target, AuditedObject.ACCOUNT, target.name(), AuditOperation.LOGIN, AuditTrail.FAILURE, 6);
            guesses.forEach(g -> plant(g, AuditedObject.ACCOUNT, g.name(), AuditOperation.LOGIN, AuditTrail.DENIED, 1));
        });
        watch.evaluate(ALWAYS);
        assertThat(alerts(target.name(), RuleCode.FAILED_LOGINS)).hasSize(1);
        assertThat(alerts(net + "0/24", RuleCode.FAILED_LOGINS)).hasSize(1);
        assertThat(alerts(guesses.get(0).name(), RuleCode.FAILED_LOGINS))
                .as("one failure each")
                .isEmpty();
    }

    @Test
    void aBurstOfDeniedRequestsFiresAboveTen() {
        var prober = person("probe");
        var clumsy = person("clumsy");
        inOneWindow(10, () -> {
            plant(prober, AuditedObject.REQUEST, "GET /admin/#", AuditOperation.ACCESS, AuditTrail.DENIED, 11);
            plant(clumsy, AuditedObject.REQUEST, "GET /audit", AuditOperation.ACCESS, AuditTrail.DENIED, 2);
        });
        watch.evaluate(ALWAYS);
        assertThat(alerts(prober.name(), RuleCode.DENIED_BURST)).hasSize(1);
        assertThat(alerts(clumsy.name(), RuleCode.DENIED_BURST)).isEmpty();
    }

    @Test
    void anApiClientOverItsUsualVolumeFiresAndOneWithinItStaysSilent() {
        var busy = new Actor("client:busy" + run, county.code(), "10.20.30.50", "java");
        var steady = new Actor("client:steady" + run, county.code(), "10.20.30.51", "java");
        // fourteen days of 30 calls an hour for the steady client: its usual volume is 30
        jdbc.sql(
                        """
                insert into monitoring_api_hour (client, hour, calls)
                select :client, date_trunc('hour', now()) - make_interval(hours => h), 30 from generate_series(1, 336) h
                """)
                .param("client", steady.name())
                .update();
        jdbc.sql("update monitoring_rule set threshold = 20 where code = 'API_VOLUME'")
                .update();
        inOneWindow(60, () -> {
            plant(busy, AuditedObject.ITEM, "#", AuditOperation.QUERY, AuditTrail.SUCCESS, 21);
            plant(steady, AuditedObject.ITEM, "#", AuditOperation.QUERY, AuditTrail.SUCCESS, 25);
        });
        watch.evaluate(ALWAYS);
        var fired = alerts(busy.name(), RuleCode.API_VOLUME);
        assertThat(fired).hasSize(1);
        assertThat(fired.get(0).threshold()).isEqualTo(20);
        assertThat(alerts(steady.name(), RuleCode.API_VOLUME))
                .as("25 calls against a usual 30")
                .isEmpty();
    }

    @Test
    void everyExportOfARegisterFires() {
        var exporter = person("export");
        var reader = person("reader");
        plant(exporter, AuditedObject.AUDIT_TRAIL, "-", AuditOperation.EXPORT, AuditTrail.SUCCESS, 1);
        plant(reader, AuditedObject.AUDIT_TRAIL, "-", AuditOperation.QUERY, AuditTrail.SUCCESS, 3);
        watch.evaluate(ALWAYS);
        assertThat(alerts(exporter.name(), RuleCode.REGISTER_EXPORT)).hasSize(1);
        assertThat(alerts(reader.name(), RuleCode.REGISTER_EXPORT)).isEmpty();
    }

    @Test
    void aDisabledRuleStaysSilentAndTheChangeIsAuditedWithOldAndNew() {
        var admin = new Access(
                new Actor("secadmin" + run, null, "10.0.0.1", "test"),
                new Scope(organisations.root().path(), null, 3),
                Set.of("monitoring:policy"));
        assertThatThrownBy(() -> rules.update(
                        "REGISTER_EXPORT",
                        new RuleSettings("false", "LOW", null, "60", null, null, null, null, ""),
                        admin))
                .isInstanceOf(org.siarchive.shared.InvalidInputException.class);
        assertThat(rules.get("REGISTER_EXPORT").enabled()).isTrue();

        rules.update(
                "REGISTER_EXPORT", new RuleSettings(null, "HIGH", null, "30", null, null, null, null, "演练期间停用"), admin);
        var entry = audit.forObject(AuditedObject.MONITORING_RULE, "REGISTER_EXPORT").stream()
                .filter(e -> e.actor().equals(admin.actor().name()))
                .toList();
        assertThat(entry).hasSize(1);
        assertThat(entry.get(0).operation()).isEqualTo("UPDATE");
        assertThat(entry.get(0).reason()).isEqualTo("演练期间停用");
        assertThat(entry.get(0).detail())
                .contains("monitoring.change.enabled.false")
                .contains("monitoring.change.severity.LOW.HIGH")
                .contains("monitoring.field.windowMinutes=60 → 30");

        var exporter = person("quiet");
        plant(exporter, AuditedObject.AUDIT_TRAIL, "-", AuditOperation.EXPORT, AuditTrail.SUCCESS, 1);
        watch.evaluate(ALWAYS);
        assertThat(alerts(exporter.name(), RuleCode.REGISTER_EXPORT)).isEmpty();
    }
}
