package org.siarchive.comparison;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Optional;
import org.siarchive.audit.AuditDetail;
import org.siarchive.audit.AuditOperation;
import org.siarchive.audit.AuditTrail;
import org.siarchive.audit.AuditedObject;
import org.siarchive.organisation.OrgUnit;
import org.siarchive.organisation.Organisations;
import org.siarchive.organisation.WorkingDays;
import org.siarchive.shared.Access;
import org.siarchive.shared.Actor;
import org.siarchive.shared.ReadableTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * A run's end in one transaction: its warnings ({@link RunWarnings}), its inputs with their digests and rows
 * used, its rule versions with hits, new warnings, amount at risk and duration, its totals and state, one
 * audit entry per rule summarising what it raised and the FINISH entry. Or its failure, also audited.
 */
@Component
class RunFinish {

    private final JdbcClient jdbc;
    private final RunWarnings warnings;
    private final RunDatasets datasets;
    private final Organisations organisations;
    private final WorkingDays workingDays;
    private final AuditTrail audit;
    private final ReadableTime time;
    private final RunViews views;

    RunFinish(
            JdbcClient jdbc,
            RunWarnings warnings,
            RunDatasets datasets,
            Organisations organisations,
            WorkingDays workingDays,
            AuditTrail audit,
            ReadableTime time,
            RunViews views) {
        this.jdbc = jdbc;
        this.warnings = warnings;
        this.datasets = datasets;
        this.organisations = organisations;
        this.workingDays = workingDays;
        this.audit = audit;
        this.time = time;
        this.views = views;
    }

    List<RunDataset> inputs(String orgPattern) {
        return datasets.active(orgPattern);
    }

    RunView view(long runId) {
        return views.get(runId, Access.SYSTEM);
    }

    @Transactional
    void finished(ComparisonRuns.Started run, List<RunDataset> inputs, ComparisonEngine.Result result, Access access) {
        long t0 = System.nanoTime();
        var created = warnings.store(
                run.runId(),
                result.hits(),
                placement(run, inputs),
                access.actor().name(),
                time.today().getYear());
        for (var d : inputs) {
            jdbc.sql(
                            "insert into comparison_run_input (run_id, dataset_id, file_sm3, rows_used) values (:r, :d, :s, :n)")
                    .param("r", run.runId())
                    .param("d", d.id())
                    .param("s", d.fileSm3())
                    .param("n", result.rowsUsed().getOrDefault(d.id(), 0L))
                    .update();
        }
        long newTotal = 0;
        for (var count : result.rules()) {
            long fresh = created.getOrDefault(count.versionId(), 0L);
            newTotal += fresh;
            ruleCount(run, count, fresh, access);
        }
        long storeMs = (System.nanoTime() - t0) / 1_000_000;
        jdbc.sql("update comparison_run set state = 'FINISHED', finished_at = now(), duration_ms ="
                        + " (extract(epoch from now() - started_at) * 1000)::bigint, probe_rows = :p, build_rows = :b,"
                        + " hits = :h, new_warnings = :n, load_ms = :lm, join_ms = :jm, store_ms = :sm"
                        + " where id = :id and state = 'RUNNING'")
                .param("lm", result.loadMs())
                .param("jm", result.joinMs())
                .param("sm", storeMs)
                .param("p", result.probeRows())
                .param("b", result.buildRows())
                .param("h", result.hits().size())
                .param("n", newTotal)
                .param("id", run.runId())
                .update();
        audit.record(
                access.actor(),
                AuditedObject.COMPARISON_RUN,
                Long.toString(run.runId()),
                AuditOperation.FINISH,
                null,
                AuditDetail.of(
                                "audit.detail.comparisonRunFinished",
                                result.probeRows(),
                                result.buildRows(),
                                result.hits().size(),
                                newTotal,
                                result.loadMs(),
                                result.joinMs(),
                                storeMs)
                        .encoded());
    }

    /** Where each hit's warning goes: its agency's unit inside the run's subtree, else its dataset's unit. */
    private java.util.function.Function<ComparisonEngine.Hit, RunWarnings.Placement> placement(
            ComparisonRuns.Started run, List<RunDataset> inputs) {
        var byDataset = new HashMap<Long, RunDataset>();
        inputs.forEach(d -> byDataset.put(d.id(), d));
        var rules = new HashMap<String, RuleCatalogue.Version>();
        run.rules().forEach(v -> rules.put(v.code(), v));
        var units = new HashMap<String, Optional<OrgUnit>>();
        var due = new HashMap<String, LocalDate>();
        LocalDate today = time.today();
        return h -> {
            var rule = rules.get(h.ruleCode()).rule();
            var unit = h.agency() == null
                    ? Optional.<OrgUnit>empty()
                    : units.computeIfAbsent(h.agency(), organisations::byCode)
                            .filter(u -> u.path().startsWith(run.org().path()));
            var ds = byDataset.get(h.subjectDataset());
            return new RunWarnings.Placement(
                    unit.map(OrgUnit::id).orElse(ds.orgId()),
                    unit.map(OrgUnit::path).orElse(ds.orgPath()),
                    rule.action(),
                    due.computeIfAbsent(h.ruleCode(), c -> workingDays.plus(today, rule.deadlineDays())));
        };
    }

    private void ruleCount(ComparisonRuns.Started run, ComparisonEngine.RuleCount count, long fresh, Access access) {
        var version = run.rules().stream()
                .filter(v -> v.id() == count.versionId())
                .findFirst()
                .orElseThrow();
        jdbc.sql("insert into comparison_run_rule (run_id, rule_version_id, hits, new_warnings, amount_at_risk,"
                        + " duration_ms) values (:r, :v, :h, :n, :a, :d)")
                .param("r", run.runId())
                .param("v", count.versionId())
                .param("h", count.hits())
                .param("n", fresh)
                .param("a", BigDecimal.valueOf(count.amountCents(), 2))
                .param("d", count.durationMs())
                .update();
        audit.record(
                access.actor(),
                AuditedObject.COMPARISON_RUN,
                Long.toString(run.runId()),
                AuditOperation.COMPARE,
                null,
                AuditDetail.of(
                                "audit.detail.comparisonRunRule",
                                AuditDetail.label(version.rule().nameKey()),
                                version.version(),
                                count.hits(),
                                fresh,
                                BigDecimal.valueOf(count.amountCents(), 2).toPlainString())
                        .encoded());
    }

    @Transactional
    void failed(long runId, String reasonKey, Actor actor) {
        int n = jdbc.sql("update comparison_run set state = 'FAILED', finished_at = now(), failure = :f,"
                        + " duration_ms = (extract(epoch from now() - started_at) * 1000)::bigint"
                        + " where id = :id and state = 'RUNNING'")
                .param("f", reasonKey)
                .param("id", runId)
                .update();
        if (n > 0) {
            audit.record(
                    actor,
                    AuditedObject.COMPARISON_RUN,
                    Long.toString(runId),
                    AuditOperation.FINISH,
                    AuditTrail.FAILURE,
                    null,
                    AuditDetail.of("audit.detail.comparisonRunFailed", AuditDetail.label(reasonKey))
                            .encoded());
        }
    }
}
