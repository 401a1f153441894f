package org.siarchive.comparison;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.siarchive.audit.AuditOperation;
import org.siarchive.audit.AuditTrail;
import org.siarchive.audit.AuditedObject;
import org.siarchive.organisation.OrgUnit;
import org.siarchive.organisation.Organisations;
import org.siarchive.shared.Access;
import org.siarchive.shared.Actor;
import org.siarchive.shared.ConflictException;
import org.siarchive.shared.Scope;
import org.siarchive.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Every rule of the catalogue on planted data: each rule's warnings are exactly its planted persons (recall
 * and precision 1.0, near-misses silent); a second run raises nothing new; inputs and rule versions are
 * recorded; a changed parameter is a new version that the next run uses.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ComparisonEngineIT extends IntegrationTest {

    @Autowired
    ComparisonRuns runs;

    @Autowired
    RuleChanges changes;

    @Autowired
    RuleCatalogue catalogue;

    @Autowired
    ReferenceTokens tokens;

    @Autowired
    DataSource dataSource;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Organisations organisations;

    @Autowired
    AuditTrail audit;

    OrgUnit unit;
    Access access;
    PlantedData planted;
    int datasets;

    @BeforeAll
    void plant() {
        String run = Long.toString(System.nanoTime() % 100_000);
        unit = organisations.create(organisations.root().id(), "CE" + run, "比对测试县" + run, "COUNTY", Actor.SYSTEM);
        access = new Access(
                new Actor("cmptester" + run, "127.0.0.1", "test"),
                new Scope(unit.path(), null, 3),
                Set.of("comparison:run"));
        planted = new PlantedData(17, unit.code());
        var writer = new PlantedRows(dataSource, tokens);
        planted.rows().forEach((kindSource, rows) -> {
            String[] ks = kindSource.split(" ");
            long id = writer.dataset(ks[0], ks[1], unit.id(), unit.path(), rows.size());
            writer.copy(id, rows);
            datasets++;
        });
    }

    private Map<String, List<String>> warnings(long runId, String column) {
        var out = new TreeMap<String, List<String>>();
        planted.expected().keySet().forEach(k -> out.put(k, new java.util.ArrayList<>()));
        jdbc.sql("select rule_code, cert_enc from comparison_warning where " + column + " = :r")
                .param("r", runId)
                .query((rs, n) -> out.get(rs.getString(1)).add(tokens.open(rs.getBytes(2))))
                .list();
        out.values().forEach(l -> l.sort(null));
        return out;
    }

    private static Map<String, List<String>> lists(Map<String, TreeSet<String>> sets) {
        var out = new TreeMap<String, List<String>>();
        sets.forEach((k, v) -> out.put(k, List.copyOf(v)));
        return out;
    }

    @Test
    void everyRuleFindsExactlyItsPlantedSetAndOnlyOnce() {
        var first = runs.run(new ComparisonRuns.StartRequest(unit.id(), null, PlantedData.AS_OF), access, "MANUAL");
        assertThat(first.state()).isEqualTo("FINISHED");
        var found = warnings(first.id(), "first_run_id");
        assertThat(found)
                .as("warnings per rule (found) vs planted; near-misses must not appear")
                .isEqualTo(lists(planted.expected()));
        long planted =
                this.planted.expected().values().stream().mapToLong(Set::size).sum();
        assertThat(first.hits()).isEqualTo(planted);
        assertThat(first.newWarnings()).isEqualTo(planted);
        assertThat(first.inputs()).hasSize(datasets);
        assertThat(first.inputs()).allSatisfy(i -> {
            assertThat(i.fileSm3()).hasSize(64);
            assertThat(i.rowsUsed()).isPositive();
        });
        assertThat(first.rules()).hasSize(9);
        assertThat(first.rules()).allSatisfy(r -> assertThat(r.ruleVersionId())
                .isEqualTo(catalogue.latest(r.ruleCode()).orElseThrow().id()));
        assertThat(first.probeRows()).isPositive();

        var w = jdbc.sql("select warning_no, org_id, state, due_on > current_date from comparison_warning"
                        + " where first_run_id = :r")
                .param("r", first.id())
                .query((rs, n) -> List.of(rs.getString(1), rs.getLong(2), rs.getString(3), rs.getBoolean(4)))
                .list();
        assertThat(w).allSatisfy(row -> {
            assertThat((String) row.get(0)).matches("YJ\\d{4}\\d{8}");
            assertThat(row.get(1)).isEqualTo(unit.id());
            assertThat(row.get(2)).isEqualTo("CHECKING");
            assertThat(row.get(3)).isEqualTo(true);
        });
        long evidence = jdbc.sql("select count(*) from comparison_warning_evidence e join comparison_warning w"
                        + " on w.id = e.warning_id where w.first_run_id = :r and e.facts not like '%440514%'")
                .param("r", first.id())
                .query(Long.class)
                .single();
        assertThat(evidence).isGreaterThanOrEqualTo(planted);
        var ops = audit.forObject(AuditedObject.COMPARISON_RUN, Long.toString(first.id())).stream()
                .map(AuditTrail.Entry::operation)
                .toList();
        assertThat(ops).contains(AuditOperation.START.name(), AuditOperation.FINISH.name());
        assertThat(ops.stream().filter(AuditOperation.COMPARE.name()::equals)).hasSize(9);

        var second = runs.run(new ComparisonRuns.StartRequest(unit.id(), null, PlantedData.AS_OF), access, "MANUAL");
        assertThat(second.hits()).isEqualTo(planted);
        assertThat(second.newWarnings()).isZero();
        assertThat(warnings(second.id(), "last_run_id")).isEqualTo(lists(this.planted.expected()));
        long seen = jdbc.sql("select count(*) from comparison_warning_event e join comparison_warning w"
                        + " on w.id = e.warning_id where w.last_run_id = :r and e.action = 'SEEN_AGAIN'")
                .param("r", second.id())
                .query(Long.class)
                .single();
        assertThat(seen).isEqualTo(planted);

        changedParameterMakesANewVersionTheNextRunUses();
    }

    private void changedParameterMakesANewVersionTheNextRunUses() {
        var before = catalogue.latest("DEATH_PAYMENT").orElseThrow();
        try {
            var changed = changes.change(
                    "DEATH_PAYMENT",
                    new RuleChanges.Change(null, null, List.of(Map.of("minMonths", 5)), "测试：至少五个月"),
                    access);
            assertThat(changed.version()).isEqualTo(before.version() + 1);
            assertThat(changed.digest()).isNotEqualTo(before.digest());
            var third = runs.run(
                    new ComparisonRuns.StartRequest(unit.id(), List.of("DEATH_PAYMENT"), PlantedData.AS_OF),
                    access,
                    "MANUAL");
            assertThat(third.rules()).singleElement().satisfies(r -> {
                assertThat(r.ruleVersionId()).isEqualTo(changed.id());
                assertThat(r.hits()).isEqualTo(1); // 4 months paid after death no longer count, 7 do
            });
        } finally {
            changes.change(
                    "DEATH_PAYMENT",
                    new RuleChanges.Change(null, null, List.of(Map.of("minMonths", 1)), "测试后恢复"),
                    access);
        }
    }

    @Test
    void aSecondRunOfTheSameUnitWhileOneRunsIsRefused() {
        String run = Long.toString(System.nanoTime() % 100_000);
        var empty = organisations.create(unit.id(), "CF" + run, "比对空县" + run, "COUNTY", Actor.SYSTEM);
        var started = runs.start(new ComparisonRuns.StartRequest(empty.id(), null, null), access, "MANUAL");
        try {
            org.assertj.core.api.Assertions.assertThatThrownBy(
                            () -> runs.start(new ComparisonRuns.StartRequest(empty.id(), null, null), access, "MANUAL"))
                    .isInstanceOf(ConflictException.class);
        } finally {
            runs.execute(started, access);
        }
        assertThat(runs.view(started.runId()).state()).isEqualTo("FINISHED");
    }
}
