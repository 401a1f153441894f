package org.siarchive.checks;

import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.siarchive.audit.AuditDetail;
import org.siarchive.audit.AuditOperation;
import org.siarchive.audit.AuditTrail;
import org.siarchive.audit.AuditedObject;
import org.siarchive.organisation.Organisations;
import org.siarchive.shared.Access;
import org.siarchive.shared.Actor;
import org.siarchive.shared.ForbiddenException;
import org.siarchive.shared.InvalidInputException;
import org.siarchive.shared.NotFoundException;
import org.siarchive.shared.Violation;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The check engine's bookkeeping: which items each stage runs (all by default; an administrator may
 * switch items off, audited), and the reports. A report is written once, with its audit entry, in one
 * transaction: one row per check item of the stage, one row per record that failed an item
 * ({@link CheckRunWriter}), and {@link CheckRunFinished} is published with it.
 */
@Component
public class FourPropertyChecks {

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final AuditTrail audit;
    private final Organisations organisations;
    private final CheckRunWriter writer;

    FourPropertyChecks(
            JdbcClient jdbc,
            TransactionTemplate tx,
            AuditTrail audit,
            Organisations organisations,
            CheckRunWriter writer) {
        this.organisations = organisations;
        this.writer = writer;
        this.jdbc = jdbc;
        this.tx = tx;
        this.audit = audit;
    }

    /** A fresh collection for a run of {@code stage} with the items now enabled. */
    public Findings begin(Stage stage) {
        var off = disabledCodes();
        var on = new HashSet<String>();
        CheckCatalog.of(stage).stream()
                .map(CheckDefinition::code)
                .filter(c -> !off.contains(c))
                .forEach(on::add);
        return new Findings(stage, on);
    }

    public List<String> disabledCodes() {
        return jdbc.sql("select code from check_item_setting where not enabled")
                .query(String.class)
                .list();
    }

    public void setEnabled(String code, boolean enabled, Access access) {
        if (CheckCatalog.find(code).isEmpty()) {
            throw new InvalidInputException(Violation.of("code", "unknownCheckItem", code));
        }
        if (!organisations.coversWholeTree(access.scope())) {
            // a switch holds for every county's archives: shared configuration (docs/adr/0031)
            throw new ForbiddenException("forbidden.sharedReferenceData", "check-items");
        }
        var actor = access.actor();
        tx.executeWithoutResult(s -> {
            jdbc.sql(
                            """
                    insert into check_item_setting (code, enabled, changed_by) values (:c, :e, :by)
                    on conflict (code) do update set enabled = :e, changed_by = :by, changed_at = now()
                    """)
                    .param("c", code)
                    .param("e", enabled)
                    .param("by", actor.name())
                    .update();
            audit.record(
                    actor,
                    AuditedObject.CHECK_ITEM,
                    code,
                    enabled ? AuditOperation.ENABLE : AuditOperation.DISABLE,
                    null,
                    null);
        });
    }

    /** Opens a run that will take a while (CQ over the store); {@link #finish} writes its report. */
    public long open(Stage stage, String subject, Actor actor) {
        return tx.execute(s -> {
            long id = insertRun(stage, subject, actor);
            audit.record(
                    actor,
                    AuditedObject.CHECK_RUN,
                    Long.toString(id),
                    AuditOperation.START,
                    null,
                    AuditDetail.of("audit.detail.checkStarted", AuditDetail.label("checks.stage." + stage), subject)
                            .encoded());
            return id;
        });
    }

    /** Writes a finished run's report (with its audit entry) and returns it. */
    public Report finish(long runId, Findings f, Actor actor) {
        tx.executeWithoutResult(s -> writer.write(runId, f, actor));
        return report(runId);
    }

    /** Opens and finishes a run in one transaction (filing and receipt: the run is already complete). */
    public Report record(String subject, Findings f, Actor actor) {
        long id = tx.execute(s -> {
            long runId = insertRun(f.stage(), subject, actor);
            writer.write(runId, f, actor);
            return runId;
        });
        return report(id);
    }

    /** A finished run not yet written: its subject and what it found. */
    record Pending(String subject, Findings findings) {}

    /**
     * Opens and finishes several runs in one transaction ({@link #record} for each; a batch's filing runs): one
     * commit, and their audit entries chained in one step. The reports in the order given.
     */
    List<Report> recordAll(List<Pending> runs, Actor actor) {
        var ids = tx.execute(s -> {
            var finished = new java.util.ArrayList<CheckRunFinished>();
            var runIds = runs.stream()
                    .map(p -> {
                        long runId = insertRun(p.findings().stage(), p.subject(), actor);
                        finished.add(writer.report(runId, p.findings(), actor));
                        return runId;
                    })
                    .toList();
            // one event for the group's runs: one publication per listener, not one per item (docs/adr/0127)
            writer.announce(finished);
            return runIds;
        });
        return ids.stream().map(this::report).toList();
    }

    private long insertRun(Stage stage, String subject, Actor actor) {
        return jdbc.sql(
                        """
                        insert into check_run (stage, subject, status, started_by, org_path)
                        values (:s, :sub, 'RUNNING', :by, :org) returning id""")
                .param("s", stage.name())
                .param("sub", subject.length() > 255 ? subject.substring(0, 255) : subject)
                .param("by", actor.name())
                .param("org", orgPathOf(actor))
                .query(Long.class)
                .single();
    }

    /**
     * A run belongs to the organisation of whoever started it (docs/adr/0031): a county's runs are seen in
     * that county and above; the platform's own runs and runs of callers without an organisation belong to
     * the root, seen only from the whole tree.
     */
    private String orgPathOf(Actor actor) {
        // every capture records its GD run here: the root is read only when the actor has no organisation
        return Optional.ofNullable(actor.org())
                .flatMap(organisations::byCode)
                .map(o -> o.path())
                .orElseGet(() -> organisations.root().path());
    }

    /** A run as the console and exports show it. */
    public record Run(
            long id,
            String stage,
            String subject,
            String status,
            @Nullable String overall,
            int records,
            int failedItems,
            int notChecked,
            String startedBy,
            OffsetDateTime startedAt,
            @Nullable OffsetDateTime finishedAt) {}

    /** One check item's line in a report. */
    public record ItemResult(String code, int property, String result, int passed, int failed, String detail) {

        public String name(boolean english) {
            return CheckCatalog.find(code).map(d -> d.name(english)).orElse(code);
        }

        public String propertyName(boolean english) {
            return CheckDefinition.propertyName(property, english);
        }
    }

    /** One record that failed one item. */
    public record FailureRow(String code, @Nullable UUID itemId, String record, String detail) {}

    public record Report(Run run, List<ItemResult> items, List<FailureRow> failures) {

        public boolean passed() {
            return "PASS".equals(run.overall());
        }

        public List<String> failedCodes() {
            return items.stream()
                    .filter(i -> i.result().equals("FAIL"))
                    .map(ItemResult::code)
                    .toList();
        }
    }

    private static final String RUN =
            """
            select id, stage, subject, status, overall, records, failed_items, not_checked, started_by, started_at, finished_at
            from check_run
            """;

    /** The report of a run within the caller's scope: the one scope check of check runs (docs/adr/0031). */
    public Report report(long id, Access access) {
        var visible = jdbc.sql("select count(*) from check_run where id = :id and org_path like :scopeOrg")
                .param("id", id)
                .param("scopeOrg", access.scope().orgPattern())
                .query(Long.class)
                .single();
        if (visible == 0) {
            throw new NotFoundException("CHECK_RUN", Long.toString(id));
        }
        return report(id);
    }

    Report report(long id) {
        var run = jdbc.sql(RUN + " where id = :id")
                .param("id", id)
                .query(Run.class)
                .optional()
                .orElseThrow(() -> new NotFoundException("CHECK_RUN", Long.toString(id)));
        var items = jdbc.sql(
                        "select code, property, result, passed, failed, detail from check_result where run_id = :id order by property, code")
                .param("id", id)
                .query(ItemResult.class)
                .list();
        var failures = jdbc.sql(
                        "select code, item_id, record, detail from check_failure where run_id = :id order by id")
                .param("id", id)
                .query(FailureRow.class)
                .list();
        return new Report(run, items, failures);
    }
}
