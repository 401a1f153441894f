package org.siarchive.checks;

import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.siarchive.audit.AuditDetail;
import org.siarchive.audit.AuditOperation;
import org.siarchive.audit.AuditTrail;
import org.siarchive.audit.AuditedObject;
import org.siarchive.shared.Actor;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes a finished run's report in the caller's transaction: one {@code check_result} row per enabled check
 * item of the stage (通过, 不通过 or 未检测), one {@code check_failure} row per record that failed an item, the
 * run's totals, its audit entry, and {@link CheckRunFinished}.
 */
@Component
class CheckRunWriter {

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;

    CheckRunWriter(JdbcClient jdbc, AuditTrail audit, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.events = events;
    }

    /** One check item's result line. */
    private record Line(Outcome outcome, String detail) {}

    /** How many enabled items ended in each outcome. */
    private static final class Tally {
        int passed;
        int failed;
        int notChecked;

        void count(Outcome o) {
            switch (o) {
                case PASS -> passed++;
                case FAIL -> failed++;
                case NOT_CHECKED -> notChecked++;
            }
        }
    }

    /** When the run was concluded and the organisation it belongs to. */
    private record Concluded(String orgPath, OffsetDateTime finishedAt) {}

    @Transactional(propagation = Propagation.MANDATORY)
    public void write(long runId, Findings f, Actor actor) {
        events.publishEvent(report(runId, f, actor));
    }

    /** Publishes a group's finished runs as one event (docs/adr/0127); nothing when there are none. */
    @Transactional(propagation = Propagation.MANDATORY)
    void announce(List<CheckRunFinished> finished) {
        if (!finished.isEmpty()) {
            events.publishEvent(new CheckRunsFinished(finished));
        }
    }

    /** Writes the report like {@link #write} and returns its event unpublished: the caller publishes a group's. */
    @Transactional(propagation = Propagation.MANDATORY)
    CheckRunFinished report(long runId, Findings f, Actor actor) {
        var byCode = failuresByCode(f);
        var tally = new Tally();
        for (var d : CheckCatalog.of(f.stage())) {
            if (!f.enabledCodes().contains(d.code())) {
                continue;
            }
            var failures = byCode.getOrDefault(d.code(), List.of());
            var line = line(d, f, failures);
            tally.count(line.outcome());
            insertResult(runId, d, line, f.passed(d.code()), failures.size());
            failures.forEach(x -> insertFailure(runId, x));
        }
        var concluded = conclude(runId, f, tally);
        auditFinish(runId, f, tally, actor);
        return new CheckRunFinished(
                runId,
                f.stage(),
                tally.passed,
                tally.failed,
                tally.notChecked,
                f.records(),
                concluded.orgPath(),
                concluded.finishedAt());
    }

    private static Map<String, List<Findings.Failure>> failuresByCode(Findings f) {
        return f.failures().stream()
                .collect(Collectors.groupingBy(Findings.Failure::code, LinkedHashMap::new, Collectors.toList()));
    }

    /** A failure wins over a reason not to check; an item neither failed nor skipped passed. */
    private static Line line(CheckDefinition d, Findings f, List<Findings.Failure> failures) {
        if (!failures.isEmpty()) {
            return new Line(
                    Outcome.FAIL,
                    failures.size() + " 项不通过："
                            + failures.stream()
                                    .map(Findings.Failure::record)
                                    .distinct()
                                    .limit(20)
                                    .collect(Collectors.joining("、")));
        }
        String reason = f.notCheckedReason(d.code());
        if (reason != null) {
            return new Line(Outcome.NOT_CHECKED, "未检测：" + reason);
        }
        return new Line(Outcome.PASS, f.passed(d.code()) + " 项通过");
    }

    private void insertResult(long runId, CheckDefinition d, Line line, int passed, int failed) {
        jdbc.sql(
                        """
                insert into check_result (run_id, code, property, result, passed, failed, detail)
                values (:r, :c, :p, :res, :ok, :bad, :d)
                """)
                .param("r", runId)
                .param("c", d.code())
                .param("p", d.property())
                .param("res", line.outcome().name())
                .param("ok", passed)
                .param("bad", failed)
                .param("d", truncate(line.detail(), 2000))
                .update();
    }

    private void insertFailure(long runId, Findings.Failure x) {
        jdbc.sql(
                        """
                insert into check_failure (run_id, code, item_id, record, detail) values (:r, :c, :i, :rec, :d)
                """)
                .param("r", runId)
                .param("c", x.code())
                .param("i", x.itemId())
                .param("rec", truncate(x.record(), 160))
                .param("d", truncate(x.detail(), 1000))
                .update();
    }

    private Concluded conclude(long runId, Findings f, Tally tally) {
        return jdbc.sql(
                        """
                update check_run set status = 'DONE', overall = :o, records = :n, failed_items = :fi, not_checked = :nc,
                    finished_at = now() where id = :id
                returning org_path, finished_at
                """)
                .param("o", overall(tally))
                .param("n", f.records())
                .param("fi", tally.failed)
                .param("nc", tally.notChecked)
                .param("id", runId)
                .query(Concluded.class)
                .single();
    }

    private void auditFinish(long runId, Findings f, Tally tally, Actor actor) {
        audit.record(
                actor,
                AuditedObject.CHECK_RUN,
                Long.toString(runId),
                AuditOperation.FINISH,
                tally.failed > 0 ? AuditTrail.FAILURE : AuditTrail.SUCCESS,
                null,
                AuditDetail.of(
                                "audit.detail.checkFinished",
                                AuditDetail.label("checks.stage." + f.stage()),
                                AuditDetail.label("checks.result." + overall(tally)),
                                f.records(),
                                tally.failed,
                                tally.notChecked)
                        .encoded());
    }

    private static String overall(Tally tally) {
        return tally.failed > 0 ? "FAIL" : "PASS";
    }

    static String truncate(String s, int max) {
        return s.length() > max ? s.substring(0, max) : s;
    }
}
