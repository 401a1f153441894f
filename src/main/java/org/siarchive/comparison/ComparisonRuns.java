package org.siarchive.comparison;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.jspecify.annotations.Nullable;
import org.siarchive.audit.AuditDetail;
import org.siarchive.audit.AuditOperation;
import org.siarchive.audit.AuditTrail;
import org.siarchive.audit.AuditedObject;
import org.siarchive.cluster.ClusterNodes;
import org.siarchive.cluster.NodesLeft;
import org.siarchive.organisation.OrgUnit;
import org.siarchive.organisation.Organisations;
import org.siarchive.shared.Access;
import org.siarchive.shared.ConflictException;
import org.siarchive.shared.InvalidInputException;
import org.siarchive.shared.NotFoundException;
import org.siarchive.shared.ReadableTime;
import org.siarchive.shared.Violation;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Comparison runs (比对批次): started on demand for a unit's subtree, chosen rules and an as-of date, or
 * monthly by the schedule {@code siarchive.comparison.schedule} for the whole tree. Starting records the run
 * as RUNNING (one per unit) with its START audit entry; the engine then compares outside any transaction;
 * finishing stores the warnings, inputs, rule counts and the FINISH entries in one transaction
 * ({@link RunFinish}). A failure, or a restart that finds a run still RUNNING, marks it FAILED.
 */
@Component
public class ComparisonRuns {

    /** What to compare: a unit (default the caller's), rule codes (default every enabled rule), as-of date. */
    public record StartRequest(@Nullable Long orgId, @Nullable List<String> rules, @Nullable LocalDate asOf) {}

    private final JdbcClient jdbc;
    private final Organisations organisations;
    private final RuleCatalogue catalogue;
    private final ComparisonEngine engine;
    private final RunFinish finish;
    private final AuditTrail audit;
    private final ReadableTime time;
    private final TransactionTemplate tx;
    private final ClusterNodes nodes;
    private final ExecutorService background = Executors.newSingleThreadExecutor(r -> {
        var t = new Thread(r, "comparison-run");
        t.setDaemon(true);
        return t;
    });

    ComparisonRuns(
            JdbcClient jdbc,
            Organisations organisations,
            RuleCatalogue catalogue,
            ComparisonEngine engine,
            RunFinish finish,
            AuditTrail audit,
            ReadableTime time,
            TransactionTemplate tx,
            ClusterNodes nodes) {
        this.nodes = nodes;
        this.jdbc = jdbc;
        this.organisations = organisations;
        this.catalogue = catalogue;
        this.engine = engine;
        this.finish = finish;
        this.audit = audit;
        this.time = time;
        this.tx = tx;
    }

    /** A started run and the rule versions it will use. */
    public record Started(long runId, List<RuleCatalogue.Version> rules, OrgUnit org, LocalDate asOf) {}

    /** Runs a comparison to its end in the calling thread (tests, the schedule). */
    public RunView run(StartRequest request, Access access, String trigger) {
        var started = start(request, access, trigger);
        execute(started, access);
        return view(started.runId());
    }

    /** Starts a run and compares in the background; the run's page follows its state. */
    public RunView launch(StartRequest request, Access access) {
        var started = start(request, access, "MANUAL");
        background.execute(() -> execute(started, access));
        return view(started.runId());
    }

    Started start(StartRequest request, Access access, String trigger) {
        var org = unit(request.orgId(), access);
        var rules = rules(request.rules());
        LocalDate today = time.today();
        LocalDate asOf = request.asOf() == null ? today : request.asOf();
        if (asOf.isAfter(today) || asOf.isBefore(LocalDate.of(1990, 1, 1))) {
            throw new InvalidInputException(Violation.of("asOf", "future"));
        }
        try {
            long id = tx.execute(s -> {
                long runId = jdbc.sql("insert into comparison_run (trigger_kind, org_id, org_path, as_of, started_by,"
                                + " node_id) values (:t, :o, :p, :a, :by, :node) returning id")
                        .param("node", nodes.self())
                        .param("t", trigger)
                        .param("o", org.id())
                        .param("p", org.path())
                        .param("a", asOf)
                        .param("by", access.actor().name())
                        .query(Long.class)
                        .single();
                audit.record(
                        access.actor(),
                        AuditedObject.COMPARISON_RUN,
                        Long.toString(runId),
                        AuditOperation.START,
                        null,
                        AuditDetail.of(
                                        "audit.detail.comparisonRunStarted",
                                        org.name(),
                                        asOf,
                                        AuditDetail.labels(rules.stream()
                                                .map(v -> v.rule().nameKey())
                                                .toList()))
                                .encoded());
                return runId;
            });
            return new Started(id, rules, org, asOf);
        } catch (DuplicateKeyException e) {
            throw new ConflictException("comparison.run.alreadyRunning", org.name());
        }
    }

    void execute(Started started, Access access) {
        try {
            var inputs = finish.inputs(started.org().path() + "%");
            var job = new ComparisonEngine.Job(
                    started.asOf(),
                    started.rules().stream()
                            .map(v -> new ComparisonEngine.RuleRun(v.id(), v.rule()))
                            .toList(),
                    inputs);
            var result = engine.compare(job);
            finish.finished(started, inputs, result, access);
        } catch (RuntimeException e) {
            finish.failed(started.runId(), "comparison.run.failure.engine", access.actor());
            throw e;
        }
    }

    private OrgUnit unit(@Nullable Long orgId, Access access) {
        String scope = access.scope().orgPath();
        var org = orgId == null
                ? organisations.byPath(scope).orElseGet(organisations::root)
                : organisations.byId(orgId).orElseThrow(() -> new NotFoundException("ORG_UNIT", orgId.toString()));
        if (!org.path().startsWith(scope) && !"/".equals(scope)) {
            throw new NotFoundException("ORG_UNIT", Long.toString(org.id()));
        }
        return org;
    }

    private List<RuleCatalogue.Version> rules(@Nullable List<String> codes) {
        var current = catalogue.current();
        if (codes == null || codes.isEmpty()) {
            return current.stream().filter(RuleCatalogue.Version::enabled).toList();
        }
        var out = new ArrayList<RuleCatalogue.Version>();
        if (codes.size() > 20 || codes.stream().anyMatch(java.util.Objects::isNull)) {
            throw new InvalidInputException(Violation.of("rules", "required"));
        }
        for (String code : codes) {
            out.add(current.stream()
                    .filter(v -> v.code().equals(code))
                    .findFirst()
                    .orElseThrow(() -> new InvalidInputException(Violation.of("rules", "codeTable", code))));
        }
        return out;
    }

    public RunView view(long runId) {
        return finish.view(runId);
    }

    /** The monthly run over the whole tree (the schedule calls it; tests may). */
    @Scheduled(cron = "${siarchive.comparison.schedule:0 0 2 1 * *}", zone = ReadableTime.DEFAULT_ZONE)
    @SchedulerLock(name = "comparison-monthly-run", lockAtMostFor = "PT12H", lockAtLeastFor = "PT5M")
    public void scheduled() {
        run(new StartRequest(organisations.root().id(), null, null), Access.SYSTEM, "SCHEDULED");
    }

    /** Runs a restart found RUNNING were cut off — this node's, in a cluster: they become FAILED. */
    @EventListener(ApplicationReadyEvent.class)
    public void reconcile() {
        interrupted(nodes::mayFinish);
    }

    /** Runs that nodes declared gone had under way (issue 21): cut off, they become FAILED. */
    @ApplicationModuleListener
    void on(NodesLeft left) {
        interrupted(node -> node != null && left.nodeIds().contains(node));
    }

    private void interrupted(java.util.function.Predicate<@Nullable String> ranOn) {
        for (var run : jdbc.sql("select id, node_id from comparison_run where state = 'RUNNING'")
                .query((rs, n) -> java.util.Map.entry(rs.getLong(1), java.util.Optional.ofNullable(rs.getString(2))))
                .list()) {
            if (ranOn.test(run.getValue().orElse(null))) {
                finish.failed(run.getKey(), "comparison.run.failure.interrupted", org.siarchive.shared.Actor.SYSTEM);
            }
        }
    }
}
